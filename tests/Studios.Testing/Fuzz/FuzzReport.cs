namespace Studios.Testing.Fuzz;

/// <summary>What a run sent and what it found: server errors, errors that are not ProblemDetails naming the field,
/// bad values accepted, the service unhealthy or valid state changed.</summary>
public sealed class FuzzReport
{
    public int Operations { get; set; }
    public int Requests { get; set; }
    public int ServerErrors { get; set; }
    public List<string> Findings { get; } = [];
    public TimeSpan Duration { get; set; }

    public string Summary =>
        $"{Requests} requests to {Operations} operations in {Duration.TotalSeconds:0.0} s: {ServerErrors} server errors, {Findings.Count} findings" +
        string.Concat(Findings.OrderBy(f => f.Contains(": 5", StringComparison.Ordinal) ? 0 : 1).Take(60)
            .Select(f => Environment.NewLine + "  " + f));
}
