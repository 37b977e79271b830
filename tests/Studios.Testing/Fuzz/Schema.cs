using System.Text.Json.Nodes;

namespace Studios.Testing.Fuzz;

/// <summary>One JSON schema of an OpenAPI document, with $ref, nullable type arrays and oneOf/anyOf resolved to the
/// shape the fuzzer needs: what kind of value, its format, its enum names, its properties or items.</summary>
public sealed class Schema
{
    private readonly JsonObject _node;
    private readonly JsonObject _components;

    private Schema(JsonObject node, JsonObject components, int depth)
    {
        _node = node;
        _components = components;
        Depth = depth;
        var types = node["type"] switch
        {
            JsonArray array => array.Select(t => t!.GetValue<string>()).ToList(),
            JsonValue value => [value.GetValue<string>()],
            _ => [],
        };
        Nullable = types.Contains("null");
        Enum = (node["enum"] as JsonArray)?.Where(e => e is JsonValue v && v.TryGetValue<string>(out _)).Select(e => e!.GetValue<string>()).ToList() ?? [];
        Kind = Enum.Count > 0 ? "enum"
            : types.Contains("object") || node["properties"] is not null ? "object"
            : types.Contains("array") || node["items"] is not null ? "array"
            : types.Contains("integer") ? "integer"
            : types.Contains("number") ? "number"
            : types.Contains("boolean") ? "boolean"
            : types.Contains("string") ? "string"
            : "unknown";
        Format = node["format"]?.GetValue<string>();
    }

    public string Kind { get; }
    public string? Format { get; }
    public bool Nullable { get; }
    public IReadOnlyList<string> Enum { get; }
    public int Depth { get; }

    public IEnumerable<(string Name, Schema Schema)> Properties =>
        Depth > 4 || _node["properties"] is not JsonObject properties
            ? []
            : properties.Select(p => (p.Key, Of(p.Value, _components, Depth + 1)));

    public Schema? Items => Depth > 4 || _node["items"] is null ? null : Of(_node["items"], _components, Depth + 1);

    public static Schema Of(JsonNode? node, JsonObject components, int depth = 0)
    {
        var resolved = Resolve(node as JsonObject ?? [], components);
        return new Schema(resolved, components, depth);
    }

    private static JsonObject Resolve(JsonObject node, JsonObject components)
    {
        for (var hops = 0; hops < 10; hops++)
        {
            if (node["$ref"]?.GetValue<string>() is { } reference)
            {
                node = components["schemas"]?[reference.Split('/')[^1]] as JsonObject ?? [];
                continue;
            }
            var choices = (node["oneOf"] ?? node["anyOf"]) as JsonArray;
            var choice = choices?.OfType<JsonObject>().FirstOrDefault(c => c["type"]?.ToString() != "null");
            if (choice is null) return node;
            node = choice;
        }
        return node;
    }
}
