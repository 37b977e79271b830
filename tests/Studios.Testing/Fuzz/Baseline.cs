using System.Text.Json;
using System.Text.Json.Nodes;

namespace Studios.Testing.Fuzz;

/// <summary>A plausible value for a schema, so one bad field at a time reaches the rules behind it; the service's test
/// names the values that must be real (a studio id, a time zone, a rule) through <see cref="FuzzTarget.BodyValues"/>.</summary>
public static class Baseline
{
    public static JsonNode? Value(Schema? schema, string name, IReadOnlyDictionary<string, JsonNode?> known)
    {
        if (known.TryGetValue(name, out var value)) return value?.DeepClone();
        if (schema is null) return "Fuzz value";
        return schema.Kind switch
        {
            "enum" => schema.Enum[0],
            "object" => new JsonObject(schema.Properties.Select(p =>
                KeyValuePair.Create(p.Name, Value(p.Schema, p.Name, known)))),
            "array" => new JsonArray(Value(schema.Items, name, known)),
            "integer" or "number" => 30,
            "boolean" => true,
            "string" => schema.Format switch
            {
                "uuid" => Guid.NewGuid().ToString(),
                "date" => DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd"),
                "date-time" => DateTimeOffset.UtcNow.AddDays(10).ToString("O"),
                "time" => "19:00:00",
                "email" => $"fuzz-{Guid.NewGuid():N}@example.org",
                "uri" => "https://example.org/fuzz",
                _ => "Fuzz value",
            },
            _ => "Fuzz value",
        };
    }

    public static string Raw(Schema? schema) => Value(schema, "", new Dictionary<string, JsonNode?>())?.ToJsonString() ?? "null";

    /// <summary>Every leaf and container of the body, with the field name the API reports ("steps[0].title").</summary>
    public static IEnumerable<(string Field, IReadOnlyList<object> Path, Schema Schema)> Fields(Schema schema, string prefix = "",
        IReadOnlyList<object>? path = null)
    {
        path ??= [];
        foreach (var (name, property) in schema.Properties)
        {
            var field = prefix.Length == 0 ? name : $"{prefix}.{name}";
            var here = path.Append(name).ToList();
            yield return (field, here, property);
            if (property.Kind == "object")
                foreach (var inner in Fields(property, field, here)) yield return inner;
            if (property.Kind == "array" && property.Items is { Kind: "object" } items)
                foreach (var inner in Fields(items, $"{field}[0]", here.Append(0).ToList())) yield return inner;
        }
    }

    public const string Placeholder = "__fuzz_placeholder__";

    /// <summary>The baseline body as JSON text with the value at <paramref name="path"/> replaced by raw JSON.</summary>
    public static string With(JsonNode baseline, IReadOnlyList<object> path, string raw)
    {
        var body = baseline.DeepClone();
        JsonNode? parent = body;
        for (var i = 0; i < path.Count - 1; i++) parent = path[i] is int index ? parent?[index] : parent?[(string)path[i]];
        switch (parent, path[^1])
        {
            case (JsonObject o, string key): o[key] = Placeholder; break;
            case (JsonArray a, int index) when index < a.Count: a[index] = Placeholder; break;
            default: return body.ToJsonString();
        }
        return body.ToJsonString(new JsonSerializerOptions()).Replace(JsonSerializer.Serialize(Placeholder), raw);
    }
}
