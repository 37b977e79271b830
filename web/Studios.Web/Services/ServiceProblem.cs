namespace Studios.Web.Services;

/// <summary>A service's RFC 9457 answer to a request that did not succeed, as a page shows it: the title and detail at
/// the top, each field's reasons next to that field.</summary>
public sealed record ServiceProblem(int Status, string Title, string? Detail, IReadOnlyDictionary<string, string[]> Errors)
{
    public IEnumerable<string> For(string field) =>
        Errors.FirstOrDefault(pair => string.Equals(pair.Key, field, StringComparison.OrdinalIgnoreCase)).Value ?? [];

    /// <summary>What the person is told: the detail when the service gave one, otherwise the title.</summary>
    public string Message => string.IsNullOrWhiteSpace(Detail) ? Title : Detail;
}
