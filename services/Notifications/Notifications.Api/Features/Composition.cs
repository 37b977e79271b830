using Studios.Notifications.Domain;

namespace Studios.Notifications.Features;

/// <summary>What composing a mail came to: ready to send (to <see cref="Address"/>), not ready yet (<see cref="Waiting"/> names
/// what is missing), or not to be sent (<see cref="SkipReason"/>).</summary>
public sealed record Composition(RenderedMail? Mail, string? Address, string? RecipientName, string? UnsubscribeUrl, string? Waiting,
    string? SkipReason)
{
    public static Composition Ready(RenderedMail mail, string address, string? name, string unsubscribeUrl) =>
        new(mail, address, name, unsubscribeUrl, null, null);

    public static Composition WaitFor(string what) => new(null, null, null, null, what, null);

    public static Composition Skip(string reason) => new(null, null, null, null, null, reason);
}
