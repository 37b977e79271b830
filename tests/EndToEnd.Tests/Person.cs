using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Studios.EndToEnd.Tests;

/// <summary>Someone using the system with their own bearer token; calls any service over HTTP as a client would.</summary>
public sealed class Person(Guid id, string name, string email, string token, RunningSystem system)
{
    public Guid Id { get; } = id;
    public string Name { get; } = name;
    public string Email { get; } = email;

    public Task<JsonNode> GetAsync(Service service, string path, HttpStatusCode expected = HttpStatusCode.OK) =>
        SendAsync(HttpMethod.Get, service, path, null, expected);

    public Task<JsonNode> PostAsync(Service service, string path, object? body, HttpStatusCode expected = HttpStatusCode.OK,
        IDictionary<string, string>? headers = null) =>
        SendAsync(HttpMethod.Post, service, path, body, expected, headers);

    public Task<JsonNode> PutAsync(Service service, string path, object? body, HttpStatusCode expected = HttpStatusCode.OK) =>
        SendAsync(HttpMethod.Put, service, path, body, expected);

    /// <summary>Sends a request and returns its JSON body; any other status than <paramref name="expected"/> is an ApiException.</summary>
    public async Task<JsonNode> SendAsync(HttpMethod method, Service service, string path, object? body, HttpStatusCode expected,
        IDictionary<string, string>? headers = null)
    {
        using var response = await SendRawAsync(method, service, path, body, headers);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != expected)
            throw new ApiException($"{Name}: {method} {service} {path} answered {(int)response.StatusCode}, not {(int)expected}: {text}", response.StatusCode);
        return JsonNode.Parse(text.Length == 0 ? "{}" : text)!;
    }

    public async Task<HttpResponseMessage> SendRawAsync(HttpMethod method, Service service, string path, object? body = null,
        IDictionary<string, string>? headers = null)
    {
        using var client = new HttpClient { BaseAddress = system.ServiceUrl(service), Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null) request.Content = JsonContent.Create(body, options: Json);
        foreach (var (header, value) in headers ?? new Dictionary<string, string>()) request.Headers.TryAddWithoutValidation(header, value);
        return await client.SendAsync(request);
    }

    public override string ToString() => $"{Name} ({Id})";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}

public sealed class ApiException(string message, HttpStatusCode status) : Exception(message)
{
    public HttpStatusCode Status { get; } = status;
}
