using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Studios.Notifications.Domain;

/// <summary>Tokens of the one-click unsubscribe links (256 random bits, URL-safe; only their SHA-256 is stored), and the
/// hash an address is kept as when it belongs to no registered person.</summary>
public static class UnsubscribeTokens
{
    public const int MaxLength = 100;

    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    public static byte[] AddressHash(string email) => SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant()));
}
