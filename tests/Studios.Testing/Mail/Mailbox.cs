using System.Net.Http.Json;
using System.Text.Json;
using Studios.Launchers;

namespace Studios.Testing.Mail;

/// <summary>Reads what an smtp4dev received through its REST API (/api/messages), the way a developer sees it in its UI.</summary>
public sealed class Mailbox(Uri webUri) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = webUri, Timeout = TimeSpan.FromSeconds(30) };

    public Mailbox(Smtp4devServer server) : this(server.WebUri)
    {
    }

    /// <summary>Every mail to <paramref name="address"/> received so far, oldest first.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> ToAsync(string address)
    {
        var page = await _http.GetFromJsonAsync<JsonElement>("api/messages?page=1&pageSize=100000");
        var ids = page.GetProperty("results").EnumerateArray()
            .Where(message => message.GetProperty("to").EnumerateArray()
                .Any(to => string.Equals(to.GetString(), address, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(message => message.GetProperty("receivedDate").GetDateTimeOffset())
            .Select(message => message.GetProperty("id").GetString()!)
            .ToList();
        var mails = new List<ReceivedMail>();
        foreach (var id in ids) mails.Add(await ReadAsync(id));
        return mails;
    }

    /// <summary>Waits until <paramref name="address"/> has received <paramref name="count"/> mails matching
    /// <paramref name="predicate"/> (all mails when null), and returns those.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> WaitForAsync(string address, Func<ReceivedMail, bool>? predicate = null, int count = 1,
        TimeSpan? timeout = null)
    {
        IReadOnlyList<ReceivedMail> found = [];
        await Eventually.TrueAsync(async () =>
        {
            found = (await ToAsync(address)).Where(predicate ?? (_ => true)).ToList();
            return found.Count >= count;
        }, timeout ?? TimeSpan.FromSeconds(60), $"{count} mail(s) to {address} in smtp4dev");
        return found;
    }

    private async Task<ReceivedMail> ReadAsync(string id)
    {
        var message = await _http.GetFromJsonAsync<JsonElement>($"api/messages/{id}");
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in message.GetProperty("headers").EnumerateArray())
            headers.TryAdd(header.GetProperty("name").GetString()!, header.GetProperty("value").GetString() ?? "");
        var text = message.GetProperty("hasPlainTextBody").GetBoolean() ? await _http.GetStringAsync($"api/messages/{id}/plaintext") : "";
        var html = message.GetProperty("hasHtmlBody").GetBoolean() ? await _http.GetStringAsync($"api/messages/{id}/html") : "";
        return new ReceivedMail(id, [.. message.GetProperty("to").EnumerateArray().Select(to => to.GetString()!)],
            message.GetProperty("subject").GetString() ?? "", headers, text, html);
    }

    public void Dispose() => _http.Dispose();
}
