using System.Text.Json.Nodes;

namespace Studios.Testing.Fuzz;

/// <summary>One operation of a service's OpenAPI document: method, path template, its path and query parameters and
/// its JSON body, if any.</summary>
public sealed record FuzzOperation(
    string Method,
    string Path,
    IReadOnlyList<(string Name, Schema Schema)> PathParameters,
    IReadOnlyList<(string Name, Schema Schema)> QueryParameters,
    Schema? Body)
{
    public override string ToString() => $"{Method} {Path}";

    /// <summary>Every operation of the document at /openapi/v1.json.</summary>
    public static IReadOnlyList<FuzzOperation> ReadAll(JsonNode document)
    {
        var components = document["components"] as JsonObject ?? [];
        var operations = new List<FuzzOperation>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, node) in item!.AsObject())
            {
                if (node is not JsonObject operation || method is "parameters" or "summary" or "description" or "servers") continue;
                var parameters = (operation["parameters"] as JsonArray ?? []).OfType<JsonObject>()
                    .Select(p => (Name: p["name"]!.GetValue<string>(), In: p["in"]!.GetValue<string>(), Schema: Schema.Of(p["schema"], components)))
                    .ToList();
                var body = operation["requestBody"]?["content"]?["application/json"]?["schema"];
                operations.Add(new FuzzOperation(method.ToUpperInvariant(), path,
                    parameters.Where(p => p.In == "path").Select(p => (p.Name, p.Schema)).ToList(),
                    parameters.Where(p => p.In == "query").Select(p => (p.Name, p.Schema)).ToList(),
                    body is null ? null : Schema.Of(body, components)));
            }
        }
        return operations;
    }
}
