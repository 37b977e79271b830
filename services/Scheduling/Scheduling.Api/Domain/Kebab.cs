using System.Text.Json;

namespace Studios.Scheduling.Domain;

/// <summary>Enums stored and published as the same kebab-case text the JSON API uses ("not-going").</summary>
public static class Kebab
{
    public static string Of<T>(T value) where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    public static T Parse<T>(string text) where T : struct, Enum =>
        Enum.GetValues<T>().First(value => Of(value) == text);
}
