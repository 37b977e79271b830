namespace Studios.ServiceDefaults.Identity;

public sealed class IdentityOptions
{
    public const string Section = "Identity";

    /// <summary>The OIDC authority whose discovery document and JWKS sign our tokens.</summary>
    public string? Authority { get; set; }

    /// <summary>Expected audience; not checked when empty.</summary>
    public string? Audience { get; set; }
}
