using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Studios.ServiceDefaults.Input;

/// <summary>The input rules for request bodies, as System.Text.Json settings of the HTTP API only (MassTransit's
/// serializer between services is not touched): text without control characters (multiline fields may hold tabs and
/// line breaks), enums by their names only (a number such as 7 is refused, not stored), dates within
/// <see cref="DateRange"/>.</summary>
public static class JsonInputRules
{
    public static void Apply(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.Converters.Add(CheckedTextConverter.SingleLine);
        options.Converters.Add(new BoundedDateTimeOffsetConverter());
        options.Converters.Add(new BoundedDateTimeConverter());
        options.Converters.Add(new BoundedDateOnlyConverter());
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(AllowMultiline);
    }

    /// <summary>Text properties marked [Multiline] (on the property or the record's constructor parameter) keep their
    /// line breaks and tabs.</summary>
    private static void AllowMultiline(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object) return;
        foreach (var property in typeInfo.Properties)
        {
            if (property.PropertyType != typeof(string)) continue;
            var marked = property.AttributeProvider?.IsDefined(typeof(MultilineAttribute), inherit: true) == true ||
                property.AssociatedParameter?.AttributeProvider?.IsDefined(typeof(MultilineAttribute), inherit: true) == true;
            if (marked) property.CustomConverter = CheckedTextConverter.Multiline;
        }
    }
}
