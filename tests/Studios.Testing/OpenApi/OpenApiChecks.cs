using System.Text.Json.Nodes;
using Xunit;
using Xunit.Abstractions;

namespace Studios.Testing.OpenApi;

/// <summary>What makes a service's OpenAPI document usable by client generators, checked the same way for every service.</summary>
public static class OpenApiChecks
{
    /// <summary>redocly's recommended rules report no error; every operation has a summary and a unique operation id,
    /// declares its errors, and requires the bearer scheme (with 401 and 403) unless it is one of
    /// <paramref name="anonymous"/> ("GET /api/calendars/{token}.ics"), which say they need no token.</summary>
    public static async Task AssertUsableAsync(HttpClient client, ITestOutputHelper output, params string[] anonymous)
    {
        var text = await client.GetStringAsync("/openapi/v1.json");
        var lint = await OpenApiLint.RunAsync(text);
        output.WriteLine($"redocly (recommended): {lint.Summary}");
        Assert.True(lint.Errors.Count == 0, lint.Summary);

        var document = JsonNode.Parse(text)!;
        Assert.NotNull(document["components"]?["securitySchemes"]?["Bearer"]);
        var operationIds = new HashSet<string>();
        var seen = new List<string>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, node) in item!.AsObject())
            {
                if (node is not JsonObject operation) continue;
                var name = $"{method.ToUpperInvariant()} {path}";
                seen.Add(name);
                Assert.False(string.IsNullOrWhiteSpace(operation["summary"]?.GetValue<string>()), $"{name} has no summary");
                var id = operation["operationId"]?.GetValue<string>();
                Assert.False(string.IsNullOrWhiteSpace(id), $"{name} has no operationId");
                Assert.True(operationIds.Add(id!), $"{name}: operationId {id} is used twice");

                var responses = operation["responses"]!.AsObject().Select(r => r.Key).ToList();
                Assert.Contains("429", responses);
                var requirements = (operation["security"] as JsonArray ?? []).OfType<JsonObject>().ToList();
                if (anonymous.Contains(name))
                {
                    Assert.True(requirements.Count == 1 && requirements[0].Count == 0, $"{name} should say it needs no token: {operation["security"]}");
                }
                else
                {
                    Assert.True(requirements.Count == 1 && requirements[0].ContainsKey("Bearer"), $"{name} should require the bearer scheme: {operation["security"]}");
                    Assert.True(responses.Contains("401") && responses.Contains("403"), $"{name} should declare 401 and 403: {string.Join(", ", responses)}");
                }
            }
        }
        Assert.Empty(anonymous.Except(seen));
    }
}
