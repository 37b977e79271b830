using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Studios.Membership.Domain;

/// <summary>The tokens in invitation and email verification links: 256 random bits, URL-safe; only their SHA-256 is stored, so a database
/// leak does not hand out working links.</summary>
public static class LinkTokens
{
    public const int MaxLength = 100;

    public static (string Token, byte[] Hash) New()
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return (token, Hash(token));
    }

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
