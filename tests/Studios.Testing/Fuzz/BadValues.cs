using System.Text.Json;

namespace Studios.Testing.Fuzz;

/// <summary>A bad value as raw JSON (or raw query text) and whether the API must refuse it with a 400 naming the field
/// (strict) or may accept it (a null, a long text, a negative number may be valid somewhere).</summary>
public sealed record BadValue(string Label, string Raw, bool Strict);

/// <summary>The bad values tried per kind of field: wrong types, nulls, NUL and control characters, huge text,
/// out-of-range numbers, dates and enum values, non-GUID ids.</summary>
public static class BadValues
{
    private static string Json(string text) => JsonSerializer.Serialize(text);

    public static readonly string HugeText = new('x', 100_000);

    /// <summary>For a body field, as raw JSON.</summary>
    public static IEnumerable<BadValue> ForBody(Schema schema)
    {
        yield return new("null", "null", Strict: false);
        switch (schema.Kind)
        {
            case "enum":
                foreach (var number in new[] { "123", "-1" }) yield return new($"enum as number {number}", number, true);
                yield return new("unknown enum name", Json("no-such-value"), true);
                break;
            case "string" when schema.Format == "uuid":
                yield return new("non-GUID id", Json("not-a-guid"), true);
                yield return new("number for id", "42", true);
                break;
            case "string" when schema.Format is "date" or "date-time":
                yield return new("year 9999", Json(schema.Format == "date" ? "9999-12-31" : "9999-12-31T23:59:59Z"), true);
                yield return new("year 1", Json(schema.Format == "date" ? "0001-01-01" : "0001-01-01T00:00:00Z"), true);
                yield return new("not a date", Json("2026-13-45"), true);
                break;
            case "string":
                yield return new("NUL", Json("\0"), true);
                yield return new("BEL and ESC", Json("ring\u0007\u001b[2Jclear"), true);
                yield return new("lone surrogate", "\"\\ud800\"", true);
                yield return new("line break", Json("line\nbreak"), false);
                yield return new("huge text", Json(HugeText), false);
                yield return new("number for text", "12345", true);
                break;
            case "integer" or "number":
                yield return new("text for number", Json("abc"), true);
                yield return new("int32 overflow", "2147483648", true);
                yield return new("-1", "-1", false);
                yield return new("int32 max", "2147483647", false);
                break;
            case "boolean":
                yield return new("text for boolean", Json("yes"), true);
                break;
            case "array":
                yield return new("text for array", Json("x"), true);
                yield return new("2,000 entries", "[" + string.Join(",", Enumerable.Repeat(Baseline.Raw(schema.Items), 2000)) + "]", false);
                break;
            case "object":
                yield return new("number for object", "5", true);
                break;
            default:
                yield return new("NUL", Json("\0"), false);
                break;
        }
    }

    /// <summary>For a query parameter, as the text after "name=" (escaped by the caller).</summary>
    public static IEnumerable<BadValue> ForQuery(Schema schema)
    {
        yield return new("NUL", "\0", true);
        yield return new("BEL and ESC", "\u0007\u001b", true);
        yield return new("huge text", new string('x', 10_000), false);
        switch (schema.Kind)
        {
            case "string" when schema.Format is "date" or "date-time":
                yield return new("year 9999", "9999-12-31", true);
                yield return new("year 1", "0001-01-01", true);
                break;
            case "string" when schema.Format == "uuid":
                yield return new("non-GUID id", "not-a-guid", true);
                break;
            case "integer" or "number":
                yield return new("text for number", "abc", true);
                yield return new("int64", "99999999999", true);
                yield return new("int32 max", "2147483647", false);
                break;
            case "boolean":
                yield return new("text for boolean", "maybe", true);
                break;
            case "enum":
                yield return new("enum as number", "123", true);
                yield return new("unknown enum name", "no-such-value", true);
                break;
            default:
                yield return new("year 9999 as text", "9999-12-31", false);
                break;
        }
    }

    /// <summary>For a path parameter, as text (escaped by the caller); route constraints may answer 404. No NUL: servers
    /// refuse it in the request line before any application code (the test server throws).</summary>
    public static IEnumerable<BadValue> ForPath() =>
    [
        new("non-GUID id", "not-a-guid", false),
        new("BEL", "\u0007", false),
        new("huge", new string('x', 4_000), false),
    ];

    /// <summary>Whole bodies: raw text with its media type (null: no body at all).</summary>
    public static IEnumerable<(string Label, string? Raw, string MediaType, bool Strict)> WholeBodies() =>
    [
        ("missing body", null, "application/json", false),
        ("malformed JSON", "{\"a\":", "application/json", true),
        ("array for object", "[]", "application/json", true),
        ("NUL bytes", "\0\0\0", "application/json", true),
        ("2 MB body", "{\"padding\":\"" + new string('x', 2_000_000) + "\"}", "application/json", false),
        ("plain text", "hello", "text/plain", false),
    ];
}
