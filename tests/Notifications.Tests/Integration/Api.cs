using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Studios.Notifications.Tests.Integration;

/// <summary>Small helpers for talking to the service the way a client would.</summary>
public static class Api
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, Json)!;
    }

    /// <summary>The field errors of a 400 ValidationProblem.</summary>
    public static async Task<IReadOnlyDictionary<string, string[]>> FieldErrorsAsync(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"Expected 400, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement.GetProperty("errors").Deserialize<Dictionary<string, string[]>>(Json)!;
    }

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string uri, object body, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, uri) { Content = JsonContent.Create(body, options: Json) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request);
    }

    /// <summary>What a mail client does with List-Unsubscribe-Post (RFC 8058): a POST of "List-Unsubscribe=One-Click", no login.</summary>
    public static Task<HttpResponseMessage> OneClickUnsubscribeAsync(this HttpClient anonymous, string listUnsubscribeHeader) =>
        anonymous.PostAsync(PathOf(listUnsubscribeHeader),
            new FormUrlEncodedContent([new KeyValuePair<string, string>("List-Unsubscribe", "One-Click")]));

    /// <summary>The path of the URL in a List-Unsubscribe header (&lt;http://host/api/unsubscribe/token&gt;).</summary>
    public static string PathOf(string listUnsubscribeHeader) => new Uri(listUnsubscribeHeader.Trim('<', '>')).PathAndQuery;
}
