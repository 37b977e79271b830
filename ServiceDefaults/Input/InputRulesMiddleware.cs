using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Studios.ServiceDefaults.Http;

namespace Studios.ServiceDefaults.Input;

/// <summary>The input rules for what is not a body: no control characters in the path or any query value, and every
/// query or route value a handler binds (dates, numbers, GUIDs, enums) readable and, for dates, within
/// <see cref="DateRange"/>. Checked before binding, so a bad value is a 400 naming its parameter, never an overflow
/// in the handler (?from=9999-12-31 + a horizon) or text PostgreSQL refuses.</summary>
internal sealed class InputRulesMiddleware(RequestDelegate next)
{
    private static readonly ConcurrentDictionary<MethodInfo, BoundValue[]> BoundValues = new();

    public async Task InvokeAsync(HttpContext context)
    {
        var errors = new FieldErrors();
        if (TextRules.HasForbiddenCharacters(context.Request.Path.Value ?? "", multiline: false))
            errors.Add("path", TextRules.SingleLineReason);
        foreach (var (key, values) in context.Request.Query)
        {
            var field = TextRules.HasForbiddenCharacters(key, multiline: false) ? "query" : key;
            if (field == "query" || values.Any(v => v is not null && TextRules.HasForbiddenCharacters(v, multiline: false)))
                errors.Add(field, TextRules.SingleLineReason);
        }

        var handler = context.GetEndpoint()?.Metadata.GetMetadata<MethodInfo>();
        if (!errors.Any && handler is not null)
        {
            foreach (var bound in BoundValues.GetOrAdd(handler, Describe))
            {
                string?[] raw = context.Request.RouteValues.TryGetValue(bound.Name, out var routeValue) && routeValue is string routed
                    ? [routed]
                    : context.Request.Query[bound.Name].ToArray();
                foreach (var value in raw)
                {
                    if (string.IsNullOrEmpty(value)) continue;
                    var reason = bound.Check(value);
                    if (reason is not null) errors.Add(bound.Name, reason);
                }
            }
        }

        if (errors.Any)
        {
            await Problems.Invalid(errors).ExecuteAsync(context);
            return;
        }
        await next(context);
    }

    /// <summary>The handler's parameters bound from the route or the query string, with the rule for their type.</summary>
    private static BoundValue[] Describe(MethodInfo handler) =>
        handler.GetParameters()
            .Where(p => p.GetCustomAttribute<AsParametersAttribute>() is null && p.GetCustomAttribute<FromBodyAttribute>() is null &&
                p.GetCustomAttribute<FromServicesAttribute>() is null && p.GetCustomAttribute<FromHeaderAttribute>() is null)
            .Select(p => (Parameter: p, Rule: RuleFor(Element(p.ParameterType))))
            .Where(p => p.Rule is not null && p.Parameter.Name is not null)
            .Select(p => new BoundValue(
                p.Parameter.GetCustomAttribute<FromQueryAttribute>()?.Name ?? p.Parameter.GetCustomAttribute<FromRouteAttribute>()?.Name ?? p.Parameter.Name!,
                p.Rule!))
            .ToArray();

    private static Type Element(Type type)
    {
        if (type.IsArray) type = type.GetElementType()!;
        return Nullable.GetUnderlyingType(type) ?? type;
    }

    private static Func<string, string?>? RuleFor(Type type)
    {
        var invariant = CultureInfo.InvariantCulture;
        if (type == typeof(DateTimeOffset))
            return v => !DateTimeOffset.TryParse(v, invariant, DateTimeStyles.None, out var d) ? "must be a date and time in ISO 8601 (2026-05-01T18:00:00Z)."
                : DateRange.Contains(d) ? null : DateRange.Reason;
        if (type == typeof(DateTime))
            return v => !DateTime.TryParse(v, invariant, DateTimeStyles.None, out var d) ? "must be a date and time in ISO 8601 (2026-05-01T18:00:00Z)."
                : DateRange.Contains(d) ? null : DateRange.Reason;
        if (type == typeof(DateOnly))
            return v => !DateOnly.TryParse(v, invariant, DateTimeStyles.None, out var d) ? "must be a date in ISO 8601 (2026-05-01)."
                : DateRange.Contains(d) ? null : DateRange.Reason;
        if (type == typeof(Guid)) return v => Guid.TryParse(v, out _) ? null : "must be a GUID.";
        if (type == typeof(bool)) return v => bool.TryParse(v, out _) ? null : "must be true or false.";
        if (type == typeof(int)) return v => int.TryParse(v, NumberStyles.Integer, invariant, out _) ? null : $"must be a whole number between {int.MinValue} and {int.MaxValue}.";
        if (type == typeof(long)) return v => long.TryParse(v, NumberStyles.Integer, invariant, out _) ? null : "must be a whole number.";
        if (type == typeof(decimal) || type == typeof(double))
            return v => decimal.TryParse(v, NumberStyles.Number, invariant, out _) ? null : "must be a number.";
        if (type.IsEnum)
        {
            var names = Enum.GetNames(type);
            return v => names.Contains(v, StringComparer.OrdinalIgnoreCase) ? null : $"must be one of: {string.Join(", ", names)}.";
        }
        return null;
    }

    private sealed record BoundValue(string Name, Func<string, string?> Check);
}
