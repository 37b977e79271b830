using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Studios.Membership.Domain;

/// <summary>Invitation tokens: 256 random bits, URL-safe; only their SHA-256 is stored, so a database
/// leak does not hand out working invitations.</summary>
public static class InvitationTokens
{
    public const int MaxLength = 100;

    public static (string Token, byte[] Hash) New()
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return (token, Hash(token));
    }

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
