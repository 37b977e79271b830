using System.Text.Json.Nodes;
using Google.Protobuf;

namespace Studios.Dashboard.Otlp;

/// <summary>OTLP/JSON is protobuf's JSON mapping except that trace and span ids are hex, not base64: rewrite them, then parse.</summary>
internal static class OtlpJson
{
    private static readonly HashSet<string> IdFields = ["traceId", "spanId", "parentSpanId"];
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    public static T Parse<T>(byte[] body) where T : IMessage<T>, new()
    {
        var root = JsonNode.Parse(body) ?? throw new FormatException("The body is empty.");
        RewriteIds(root);
        return Parser.Parse<T>(root.ToJsonString());
    }

    private static void RewriteIds(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToArray())
                {
                    // Hex as the specification says; anything else is left for the base64 mapping to judge.
                    if (IdFields.Contains(name) && value is JsonValue id && id.TryGetValue<string>(out var hex)
                        && hex.Length % 2 == 0 && hex.All(Uri.IsHexDigit))
                    {
                        obj[name] = Convert.ToBase64String(Convert.FromHexString(hex));
                    }
                    else if (value is not null)
                    {
                        RewriteIds(value);
                    }
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (item is not null)
                    {
                        RewriteIds(item);
                    }
                }
                break;
        }
    }
}
