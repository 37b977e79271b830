using System.Security.Claims;

namespace Studios.Web.Components.Shared;

/// <summary>Who is signed in, as the services know them: "sub" is the person's id (a GUID from the identity).</summary>
public static class CurrentPerson
{
    public static Guid? Id(this ClaimsPrincipal user) => Guid.TryParse(user.FindFirst("sub")?.Value, out var id) ? id : null;
}
