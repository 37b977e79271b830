using System.Collections.Concurrent;
using System.Text.Json;

namespace Studios.ServiceDefaults.Messaging;

/// <summary>How an outbox row names and stores its message: "Namespace.Type, Assembly" and web-style JSON.</summary>
internal static class MessageTypes
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly ConcurrentDictionary<string, Type> Resolved = new();

    public static string NameOf(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";

    public static Type Resolve(string name) => Resolved.GetOrAdd(name, static name =>
        Type.GetType(name, throwOnError: false)
        ?? throw new InvalidOperationException($"Outbox message type '{name}' is not known to this service."));
}
