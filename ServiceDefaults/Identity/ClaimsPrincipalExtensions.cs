using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;

namespace Studios.ServiceDefaults.Identity;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The signed-in subject ("sub") as the token carries it.</summary>
    public static string SubjectId(this ClaimsPrincipal user) =>
        user.FindFirstValue(StudiosClaims.Subject)
        ?? throw new InvalidOperationException("The token has no subject.");

    /// <summary>The person's id in every service: the subject itself when it is a GUID, otherwise a
    /// name-based UUID of issuer + subject, so all services agree without asking each other.</summary>
    public static Guid PersonId(this ClaimsPrincipal user)
    {
        var subject = user.SubjectId();
        if (Guid.TryParse(subject, out var id))
        {
            return id;
        }
        var issuer = user.FindFirstValue("iss") ?? string.Empty;
        return NameBasedGuid(issuer + "|" + subject);
    }

    public static bool IsStewardOrOperator(this ClaimsPrincipal user) =>
        user.IsInRole(StudiosRoles.Steward) || user.IsInRole(StudiosRoles.Operator);

    // RFC 9562 version 5 layout over SHA-1, enough to make a stable, well-formed UUID.
    private static Guid NameBasedGuid(string name)
    {
        Span<byte> hash = stackalloc byte[20];
        SHA1.HashData(Encoding.UTF8.GetBytes(name), hash);
        var bytes = hash[..16].ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
