using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Studios.Contracts.Tests;

/// <summary>The messages in every *.Contracts assembly beside the tests, and their JSON shape as MassTransit sends it
/// (camelCase property names, each with its type, nested records spelled out, collections as one-element arrays).</summary>
public static class ContractCatalog
{
    private static readonly NullabilityInfoContext Nullability = new();

    public static IReadOnlyList<Assembly> Assemblies { get; } = Directory
        .EnumerateFiles(AppContext.BaseDirectory, "*.Contracts.dll")
        .Select(path => Assembly.LoadFrom(path))
        .OrderBy(assembly => assembly.GetName().Name, StringComparer.Ordinal)
        .ToList();

    /// <summary>Public records of the contracts assemblies.</summary>
    public static IReadOnlyList<Type> Records { get; } = Assemblies
        .SelectMany(assembly => assembly.GetExportedTypes())
        .Where(type => type.IsClass && type.GetMethod("<Clone>$") is not null)
        .OrderBy(type => type.FullName, StringComparer.Ordinal)
        .ToList();

    /// <summary>Messages: records with a URN, and any record no other record carries (a message that forgot its URN).</summary>
    public static IReadOnlyList<Type> Messages { get; } = Records
        .Where(type => Urn(type) is not null || !Records.Any(other => Carries(other, type)))
        .ToList();

    /// <summary>The URN as written in [MessageUrn("...")], without MassTransit's "urn:message:" prefix.</summary>
    public static string? Urn(Type type) => type.GetCustomAttributesData()
        .FirstOrDefault(attribute => attribute.AttributeType.Name == "MessageUrnAttribute")?
        .ConstructorArguments.FirstOrDefault().Value as string;

    /// <summary>{ urn: { type, shape } } for every message, sorted: what contracts.snapshot.json holds.</summary>
    public static JsonObject Snapshot()
    {
        var snapshot = new JsonObject();
        foreach (var message in Messages.OrderBy(m => Urn(m) ?? m.FullName, StringComparer.Ordinal))
        {
            snapshot[Urn(message) ?? $"(no urn) {message.FullName}"] = new JsonObject
            {
                ["type"] = message.FullName,
                ["shape"] = Shape(message, []),
            };
        }
        return snapshot;
    }

    public static IEnumerable<PropertyInfo> Properties(Type type) => type
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(property => property.GetIndexParameters().Length == 0 && property.Name != "EqualityContract");

    private static JsonObject Shape(Type type, HashSet<Type> visiting)
    {
        var shape = new JsonObject();
        visiting.Add(type);
        foreach (var property in Properties(type).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            var nullable = Nullability.Create(property).ReadState == NullabilityState.Nullable;
            shape[JsonNamingPolicy.CamelCase.ConvertName(property.Name)] = Describe(property.PropertyType, nullable, visiting);
        }
        visiting.Remove(type);
        return shape;
    }

    private static JsonNode Describe(Type type, bool nullable, HashSet<Type> visiting)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying is not null) return Describe(underlying, nullable: true, visiting);
        string? Scalar(string name) => nullable ? name + "?" : name;

        var scalar = type switch
        {
            _ when type == typeof(string) => "string",
            _ when type == typeof(Guid) => "uuid",
            _ when type == typeof(bool) => "boolean",
            _ when type == typeof(int) => "int32",
            _ when type == typeof(long) => "int64",
            _ when type == typeof(decimal) => "decimal",
            _ when type == typeof(double) => "double",
            _ when type == typeof(DateTimeOffset) => "date-time-offset",
            _ when type == typeof(DateTime) => "date-time",
            _ when type == typeof(DateOnly) => "date",
            _ when type == typeof(TimeOnly) => "time",
            _ when type == typeof(TimeSpan) => "duration",
            _ when type.IsEnum => $"enum {type.Name} [{string.Join(", ", Enum.GetNames(type))}]",
            _ => null,
        };
        if (scalar is not null) return JsonValue.Create(Scalar(scalar))!;

        if (type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type))
        {
            var dictionary = type.GetInterfaces().Append(type)
                .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>));
            if (dictionary is not null)
                return new JsonObject { ["map of"] = Describe(dictionary.GetGenericArguments()[1], false, visiting), ["nullable"] = nullable };
            var element = type.IsArray ? type.GetElementType()! : type.GetInterfaces().Append(type)
                .First(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)).GetGenericArguments()[0];
            var list = new JsonArray(Describe(element, false, visiting));
            if (nullable) list.Add("(nullable)");
            return list;
        }
        if (visiting.Contains(type)) return JsonValue.Create($"(recursive {type.Name})")!;
        var nested = Shape(type, visiting);
        if (nullable) nested["(nullable)"] = true;
        return nested;
    }

    private static bool Carries(Type carrier, Type carried) =>
        carrier != carried && Properties(carrier).Any(property => Mentions(property.PropertyType, carried));

    private static bool Mentions(Type type, Type carried) =>
        type == carried || (type.IsGenericType && type.GetGenericArguments().Any(argument => Mentions(argument, carried)))
                        || (type.IsArray && Mentions(type.GetElementType()!, carried));
}
