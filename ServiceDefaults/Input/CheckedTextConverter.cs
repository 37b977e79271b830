using System.Text.Json;
using System.Text.Json.Serialization;

namespace Studios.ServiceDefaults.Input;

/// <summary>Reads a JSON string only when it holds no control characters (<see cref="TextRules"/>); the field is named
/// by the JSON path of the exception, so the client gets a 400 for that field instead of PostgreSQL's error.</summary>
internal sealed class CheckedTextConverter(bool multiline) : JsonConverter<string>
{
    public static readonly CheckedTextConverter SingleLine = new(multiline: false);
    public static readonly CheckedTextConverter Multiline = new(multiline: true);

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String) throw new InputRuleException("must be text.");
        string value;
        try
        {
            value = reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate ("\ud800") is valid JSON but not text.
            throw new InputRuleException(TextRules.Reason(multiline));
        }
        if (TextRules.HasForbiddenCharacters(value, multiline)) throw new InputRuleException(TextRules.Reason(multiline));
        return value;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
