namespace Studios.DevIdentity;

/// <summary>Section "DevIdentity": who the issuer says it is and where its signing key is kept.</summary>
public sealed class DevIdentityOptions
{
    public const string Section = "DevIdentity";

    /// <summary>The issuer URL (iss, and the base of the discovery document); the address the services reach it at.</summary>
    public string Issuer { get; set; } = "http://127.0.0.1:5100";

    /// <summary>A PEM file holding the RSA signing key, created on first use; a new key per process when empty.</summary>
    public string? KeyFile { get; set; }
}
