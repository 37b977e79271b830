namespace Studios.Testing.Mail;

/// <summary>A mail as smtp4dev received it: recipients, subject, top-level headers and both bodies.</summary>
public sealed record ReceivedMail(
    string Id,
    IReadOnlyList<string> To,
    string Subject,
    IReadOnlyDictionary<string, string> Headers,
    string Text,
    string Html)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
