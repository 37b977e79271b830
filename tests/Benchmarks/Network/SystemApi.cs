using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Studios.Benchmarks.Network;

/// <summary>A running system (./studios run) as its clients reach it: the development identity's tokens and the five
/// services' HTTP APIs. Overload answers (429, 503) and a command still in progress (409 with Retry-After) are retried after their Retry-After; anything else unexpected throws.</summary>
public sealed class SystemApi(Uri identity, IReadOnlyDictionary<string, Uri> services) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        Timeout = TimeSpan.FromSeconds(100),
    };

    /// <summary>The URLs from <c>--identity</c>, <c>--membership</c>, ... or, by default, the local run's ports: 5100 to 5104,
    /// or <c>--port-base N</c> for a run started with the identity on N and the services on N+1 to N+4.</summary>
    public static SystemApi FromArgs(Arguments args) => new(new Uri(IdentityOf(args)), new Dictionary<string, Uri>
    {
        ["membership"] = new(args.Text("--membership", Local(args, 1))),
        ["scheduling"] = new(args.Text("--scheduling", Local(args, 2))),
        ["practice-content"] = new(args.Text("--practice-content", Local(args, 3))),
        ["stewardship"] = new(args.Text("--stewardship", Local(args, 4))),
    });

    public static string IdentityOf(Arguments args) => args.Text("--identity", Local(args, 0));

    private static string Local(Arguments args, int offset) => $"http://127.0.0.1:{(args.Number("--port-base") ?? 5100) + offset}";

    /// <summary>A token for <paramref name="subject"/> from the development identity, valid for the longest it allows.</summary>
    public async Task<string> TokenAsync(Guid subject, string name, string email, params string[] roles)
    {
        var body = await SendAsync(HttpMethod.Post, new Uri(identity, "/api/dev-tokens"), null,
            new { subject = subject.ToString(), name, roles, email, lifetimeMinutes = SeededNetwork.TokenLifetime.TotalMinutes });
        return body["token"]!.GetValue<string>();
    }

    public Task<JsonObject> PostAsync(string service, string path, string token, object? body = null) =>
        SendAsync(HttpMethod.Post, new Uri(services[service], path), token, body ?? new { });

    public Task<JsonObject> PutAsync(string service, string path, string token, object body) =>
        SendAsync(HttpMethod.Put, new Uri(services[service], path), token, body);

    /// <summary>A read: its status (the caller decides what is expected) and its body.</summary>
    public async Task<(HttpStatusCode Status, string Body)> GetAsync(string service, string path, string token, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(services[service], path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _http.SendAsync(request, ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(ct));
    }

    /// <summary>A timed command: its status and body, whatever they are.</summary>
    public Task<(HttpStatusCode Status, string Body)> PostRawAsync(string service, string path, string token, object? body = null) =>
        RawAsync(HttpMethod.Post, new Uri(services[service], path), token, body ?? new { });

    public Task<(HttpStatusCode Status, string Body)> PutRawAsync(string service, string path, string token, object body) =>
        RawAsync(HttpMethod.Put, new Uri(services[service], path), token, body);

    /// <summary>A read without a token (the personal calendar feed's URL is its own credential).</summary>
    public async Task<(HttpStatusCode Status, string Body)> GetAnonymousAsync(string service, string pathOrUrl)
    {
        using var response = await _http.GetAsync(new Uri(services[service], pathOrUrl));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<(HttpStatusCode Status, string Body)> RawAsync(HttpMethod method, Uri uri, string token, object body)
    {
        using var request = new HttpRequestMessage(method, uri) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var response = await _http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A command with its Idempotency-Key (the same on a retry, so a retried command has one effect).</summary>
    private async Task<JsonObject> SendAsync(HttpMethod method, Uri uri, string? token, object body)
    {
        var key = Guid.NewGuid().ToString();
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, uri) { Content = JsonContent.Create(body) };
            if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            request.Headers.Add("Idempotency-Key", key);
            using var response = await _http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            if (response.IsSuccessStatusCode) return string.IsNullOrEmpty(text) ? [] : JsonNode.Parse(text) as JsonObject ?? [];
            // 409 with Retry-After: the same key's earlier attempt is still being processed.
            var retryable = response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable
                || (response.StatusCode == HttpStatusCode.Conflict && response.Headers.RetryAfter is not null);
            if (retryable && attempt < 20)
            {
                await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromMilliseconds(200 * attempt));
                continue;
            }
            throw new SeedException(method, uri, response.StatusCode, text);
        }
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>A command the system refused: the request and its answer.</summary>
public sealed class SeedException(HttpMethod method, Uri uri, HttpStatusCode status, string body)
    : Exception($"{method} {uri.PathAndQuery} answered {(int)status}: {body}")
{
    public HttpStatusCode Status { get; } = status;
}
