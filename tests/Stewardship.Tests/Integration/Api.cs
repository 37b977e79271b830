using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Studios.Stewardship.Apis.Models;

namespace Studios.Stewardship.Tests.Integration;

/// <summary>Small helpers for talking to the service the way a client would.</summary>
public static class Api
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static object Proposal(string name, Guid facilitator, int capacity = 12, string timeZone = "Europe/Berlin") => new
    {
        name,
        purpose = "Practise listening well, week after week.",
        practiceFocus = "Deep listening",
        intendedCadence = "Weekly, Tuesday evenings",
        capacity,
        timeZone,
        foundingFacilitatorId = facilitator,
    };

    public static string UniqueName(string prefix = "Studio") => $"{prefix} {Guid.NewGuid():N}";

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, Json)!;
    }

    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement;
    }

    /// <summary>The field errors of a 400 ValidationProblem.</summary>
    public static async Task<IReadOnlyDictionary<string, string[]>> FieldErrorsAsync(this HttpResponseMessage response)
    {
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        return problem.GetProperty("errors").Deserialize<Dictionary<string, string[]>>(Json)!;
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string uri, object? body = null, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = body is null ? null : JsonContent.Create(body, options: Json) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request);
    }

    public static async Task<StudioResponse> ProposeAsync(this HttpClient client, string? name = null, Guid? facilitator = null)
    {
        var response = await client.PostJsonAsync("/api/studios", Proposal(name ?? UniqueName(), facilitator ?? Guid.NewGuid()));
        return await response.ReadAsync<StudioResponse>(HttpStatusCode.Created);
    }

    public static async Task<StudioResponse> ApproveAsync(this HttpClient steward, Guid studioId, Guid? stewardId = null) =>
        await (await steward.PostJsonAsync($"/api/studios/{studioId}/approve", stewardId is null ? null : new { stewardId }))
            .ReadAsync<StudioResponse>();

    public static async Task<StewardResponse> AddStewardAsync(this HttpClient operatorClient, Guid personId, int maxStudios,
        string? displayName = null) =>
        await (await operatorClient.PostJsonAsync("/api/stewards", new { personId, displayName, maxStudios }))
            .ReadAsync<StewardResponse>(HttpStatusCode.Created);
}
