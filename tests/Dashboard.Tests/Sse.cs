namespace Studios.Dashboard.Tests;

/// <summary>A minimal server-sent events reader: yields the data of events of a given type.</summary>
internal sealed class Sse : IDisposable
{
    private readonly HttpResponseMessage response;
    private readonly StreamReader reader;
    private Task<string?>? pendingLine;

    private Sse(HttpResponseMessage response, Stream body)
    {
        this.response = response;
        reader = new StreamReader(body);
    }

    public List<string> Seen { get; } = [];

    public static async Task<Sse> OpenAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new Sse(response, await response.Content.ReadAsStreamAsync());
    }

    /// <summary>The data of the next event of that type, or null if none came within the timeout.</summary>
    public async Task<string?> NextAsync(string eventType, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        string? type = null;
        while (DateTime.UtcNow < deadline)
        {
            pendingLine ??= reader.ReadLineAsync();
            var finished = await Task.WhenAny(pendingLine, Task.Delay(deadline - DateTime.UtcNow));
            if (finished != pendingLine)
            {
                return null;
            }
            var line = await pendingLine;
            pendingLine = null;
            if (line is null)
            {
                return null;
            }
            if (line.StartsWith("event:", StringComparison.Ordinal))
            {
                type = line["event:".Length..].Trim();
            }
            else if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                var data = line["data:".Length..].Trim();
                Seen.Add(data);
                if (type == eventType)
                {
                    return data;
                }
            }
        }
        return null;
    }

    public void Dispose()
    {
        reader.Dispose();
        response.Dispose();
    }
}
