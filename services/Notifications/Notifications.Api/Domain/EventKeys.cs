using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;

namespace Studios.Notifications.Domain;

/// <summary>An event's identity for "once per (event, recipient, kind)": its type and a hash of its content, so the same
/// event redelivered, republished by an outbox or consumed by a second instance yields the same key.</summary>
public static class EventKeys
{
    public static string Of<T>(T message) where T : class =>
        $"{typeof(T).Name}:{Base64Url.EncodeToString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(message)))}";

    /// <summary>The mail's unique key: the event, who receives it, and what kind of mail it is.</summary>
    public static string Mail(string eventKey, string recipient, string kind) => $"{eventKey}|{recipient}|{kind}";
}
