using System.ComponentModel.DataAnnotations;

namespace Studios.ServiceDefaults.Security;

/// <summary>Section "RateLimits": how many requests fit in a window, per person for commands and per client address for
/// anonymous requests. Each service instance counts on its own, so the effective limit grows with its replicas.</summary>
public sealed class RateLimitOptions : IValidatableObject
{
    public const string Section = "RateLimits";

    /// <summary>Commands (POST, PUT, PATCH, DELETE) of one signed-in person; reads are not limited.</summary>
    public RateLimitWindow CommandsPerPerson { get; set; } = new() { PermitLimit = 100, Window = TimeSpan.FromSeconds(10) };

    /// <summary>Requests without a valid token (calendar feeds, unsubscribe links, and refused sign-ins) from one client address.</summary>
    public RateLimitWindow AnonymousPerAddress { get; set; } = new() { PermitLimit = 200, Window = TimeSpan.FromSeconds(10) };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, window) in new[] { (nameof(CommandsPerPerson), CommandsPerPerson), (nameof(AnonymousPerAddress), AnonymousPerAddress) })
        {
            if (window.PermitLimit <= 0) yield return new ValidationResult($"{Section}:{name}:PermitLimit must be positive.");
            if (window.Window <= TimeSpan.Zero) yield return new ValidationResult($"{Section}:{name}:Window must be positive.");
        }
    }
}
