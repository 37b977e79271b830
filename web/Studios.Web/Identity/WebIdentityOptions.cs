using System.ComponentModel.DataAnnotations;

namespace Studios.Web.Identity;

/// <summary>Section "Identity": the OpenID Connect authority people sign in at and this app's client id there.</summary>
public sealed class WebIdentityOptions
{
    public const string Section = "Identity";

    [Required, Url]
    public string Authority { get; set; } = "";

    [Required]
    public string ClientId { get; set; } = "studios-web";

    /// <summary>A confidential client's secret; empty for a public client (PKCE alone, as the development identity).</summary>
    public string? ClientSecret { get; set; }
}
