using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Studios.ServiceDefaults.Input;

/// <summary>Dates in request bodies, read as System.Text.Json reads them (ISO 8601) and refused outside
/// <see cref="DateRange"/>; written unchanged.</summary>
internal sealed class BoundedDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String || !reader.TryGetDateTimeOffset(out var value))
            throw new InputRuleException("must be a date and time in ISO 8601 (2026-05-01T18:00:00Z).");
        return DateRange.Contains(value) ? value : throw new InputRuleException(DateRange.Reason);
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

internal sealed class BoundedDateTimeConverter : JsonConverter<DateTime>
{
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String || !reader.TryGetDateTime(out var value))
            throw new InputRuleException("must be a date and time in ISO 8601 (2026-05-01T18:00:00Z).");
        return DateRange.Contains(value) ? value : throw new InputRuleException(DateRange.Reason);
    }

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

internal sealed class BoundedDateOnlyConverter : JsonConverter<DateOnly>
{
    public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String ||
            !DateOnly.TryParseExact(reader.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
            throw new InputRuleException("must be a date in ISO 8601 (2026-05-01).");
        return DateRange.Contains(value) ? value : throw new InputRuleException(DateRange.Reason);
    }

    public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
}
