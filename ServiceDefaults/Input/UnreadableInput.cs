using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Studios.ServiceDefaults.Input;

/// <summary>Names the field behind a request the framework could not read (a body that is missing, not JSON, or has a
/// value of the wrong type, format or range), so the 400 says which field and why like every other.</summary>
public static partial class UnreadableInput
{
    public static (string Field, string Reason) Describe(BadHttpRequestException exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is not JsonException json) continue;
            var field = Field(json.Path);
            if (json is InputRuleException) return (field, json.Message);
            return field == "body"
                ? ("body", "is not valid JSON.")
                : (field, "has the wrong type or format (see the OpenAPI document; enums by name, not number).");
        }
        if (exception.Message.Contains("body", StringComparison.OrdinalIgnoreCase))
            return ("body", "is required: send a JSON body.");
        var parameter = ParameterName().Match(exception.Message);
        return parameter.Success
            ? (parameter.Groups["name"].Value, "has the wrong type or format.")
            : ("request", exception.Message);
    }

    /// <summary>"$.entries[0].status" → "entries[0].status"; the root ("$" or none) → "body".</summary>
    private static string Field(string? path)
    {
        var field = (path ?? "$").TrimStart('$').TrimStart('.');
        return field.Length == 0 ? "body" : field;
    }

    // Minimal APIs say: Failed to bind parameter "DateTimeOffset? from" from "x".
    [GeneratedRegex("parameter \"(?:[^\"]* )?(?<name>[A-Za-z_][A-Za-z0-9_]*)\"")]
    private static partial Regex ParameterName();
}
