using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Studios.Web.Services;

/// <summary>What every service client shares: JSON as the services speak it, and ProblemDetails turned into a
/// <see cref="ServiceProblem"/> rather than an exception, so pages show the reason next to the field.</summary>
public abstract class ServiceClient(HttpClient http)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>What this service holds about the signed-in person (ServiceDefaults' personal data export), as it sent it.</summary>
    public Task<ServiceResult<JsonElement>> ExportAsync(CancellationToken ct) => GetAsync<JsonElement>("/api/people/me/export", ct);

    protected Task<ServiceResult<T>> GetAsync<T>(string path, CancellationToken ct) => SendAsync<T>(HttpMethod.Get, path, null, ct);

    protected async Task<ServiceResult<T>> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = JsonContent.Create(body, options: Json);
        using var response = await http.SendAsync(request, ct);
        if (response.IsSuccessStatusCode)
        {
            var value = response.StatusCode == HttpStatusCode.NoContent || response.Content.Headers.ContentLength == 0
                ? default
                : await response.Content.ReadFromJsonAsync<T>(Json, ct);
            return new(value, null);
        }
        return new(default, await ProblemOf(response, ct));
    }

    private static async Task<ServiceProblem> ProblemOf(HttpResponseMessage response, CancellationToken ct)
    {
        ProblemBody? body = null;
        if (response.Content.Headers.ContentType?.MediaType is "application/problem+json" or "application/json")
        {
            try { body = await response.Content.ReadFromJsonAsync<ProblemBody>(Json, ct); }
            catch (JsonException) { }
        }
        var status = (int)response.StatusCode;
        var title = body?.Title ?? status switch
        {
            401 => "Your session has ended: sign in again.",
            403 => "You may not do that.",
            404 => "Not found.",
            _ => "The service could not do that just now; try again.",
        };
        return new ServiceProblem(status, title, body?.Detail, body?.Errors ?? new Dictionary<string, string[]>());
    }

    private sealed record ProblemBody(string? Title, string? Detail, Dictionary<string, string[]>? Errors);
}
