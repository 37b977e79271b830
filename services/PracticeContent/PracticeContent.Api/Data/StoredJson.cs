using System.Text.Json;

namespace Studios.PracticeContent.Data;

/// <summary>How jsonb columns (steps, published plan content) are written and read.</summary>
internal static class StoredJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidOperationException("A stored JSON column was empty.");
}
