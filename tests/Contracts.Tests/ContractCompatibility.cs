using System.Text.Json.Nodes;

namespace Studios.Contracts.Tests;

/// <summary>What a consumer built against <c>before</c> would no longer understand in <c>after</c>: a message removed,
/// its URN changed, a field removed or renamed, a field's type changed (nullability included). New messages and new
/// fields are additive and never listed.</summary>
public static class ContractCompatibility
{
    public static IReadOnlyList<string> Breaks(JsonObject before, JsonObject after)
    {
        var breaks = new List<string>();
        var urnsByType = after.ToDictionary(pair => pair.Value!["type"]!.GetValue<string>(), pair => pair.Key);
        foreach (var (urn, message) in before)
        {
            var type = message!["type"]!.GetValue<string>();
            if (after[urn] is not JsonObject current)
            {
                breaks.Add(urnsByType.TryGetValue(type, out var newUrn)
                    ? $"{type}: URN changed from {urn} to {newUrn}"
                    : $"{urn} ({type}): message removed");
                continue;
            }
            CompareShapes(urn, message["shape"]!, current["shape"]!, breaks);
        }
        return breaks;
    }

    private static void CompareShapes(string path, JsonNode before, JsonNode after, List<string> breaks)
    {
        switch (before, after)
        {
            case (JsonObject oldFields, JsonObject newFields):
                if (newFields.ContainsKey("(nullable)") && !oldFields.ContainsKey("(nullable)"))
                    breaks.Add($"{path}: became nullable");
                foreach (var (name, oldType) in oldFields)
                {
                    if (!newFields.TryGetPropertyValue(name, out var newType))
                        breaks.Add($"{path}.{name}: field removed or renamed");
                    else
                        CompareShapes($"{path}.{name}", oldType!, newType!, breaks);
                }
                break;
            case (JsonArray oldElement, JsonArray newElement):
                if (newElement.Count > oldElement.Count) breaks.Add($"{path}: became nullable");
                CompareShapes($"{path}[]", oldElement[0]!, newElement[0]!, breaks);
                break;
            default:
                if (!JsonNode.DeepEquals(before, after))
                    breaks.Add($"{path}: type changed from {before.ToJsonString()} to {after.ToJsonString()}");
                break;
        }
    }
}
