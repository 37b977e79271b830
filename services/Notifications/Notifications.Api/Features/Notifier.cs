using System.Text.Json;
using Studios.Notifications.Data;
using Studios.Notifications.Domain;
using Studios.Notifications.Telemetry;

namespace Studios.Notifications.Features;

/// <summary>Records the mails an event causes, in the consumer's (or job's) transaction: at most one per (event,
/// recipient, kind), none for erased people or a kind the recipient turned off. Sending is MailDelivery's job.</summary>
public sealed class Notifier(
    MailRepository mails, PeopleRepository people, PreferenceRepository preferences, UnsubscribeRepository unsubscribes,
    NotificationsMetrics metrics, TimeProvider time)
{
    /// <summary>Mails each of <paramref name="recipients"/>; returns how many mails were added.</summary>
    public async Task<int> NotifyAsync(NpgsqlTransaction transaction, string kind, IEnumerable<Guid> recipients, string eventKey,
        MailFacts facts, CancellationToken ct)
    {
        var added = 0;
        foreach (var personId in recipients.Distinct())
        {
            if (await SkipReasonAsync(transaction.Connection!, kind, personId, ct) is { } reason)
            {
                metrics.Skipped(kind, reason);
                continue;
            }
            if (await AddAsync(transaction, kind, personId, null, EventKeys.Mail(eventKey, personId.ToString(), kind), facts, ct)) added++;
        }
        return added;
    }

    /// <summary>Mails an address that may belong to no registered person yet (an invitation).</summary>
    public async Task<bool> NotifyAddressAsync(NpgsqlTransaction transaction, string kind, string address, Guid? personId, string eventKey,
        MailFacts facts, CancellationToken ct)
    {
        var addressHash = UnsubscribeTokens.AddressHash(address);
        var reason = await unsubscribes.IsOptedOutAsync(transaction.Connection!, addressHash, kind, ct) ? SkipReasons.TurnedOff
            : personId is { } id ? await SkipReasonAsync(transaction.Connection!, kind, id, ct) : null;
        if (reason is not null)
        {
            metrics.Skipped(kind, reason);
            return false;
        }
        var recipient = Convert.ToHexString(addressHash);
        return await AddAsync(transaction, kind, personId, address, EventKeys.Mail(eventKey, recipient, kind), facts, ct);
    }

    private async Task<string?> SkipReasonAsync(NpgsqlConnection connection, string kind, Guid personId, CancellationToken ct)
    {
        if (await people.IsErasedAsync(connection, personId, ct)) return SkipReasons.Erased;
        var (chosen, _) = await preferences.GetAsync(connection, personId, ct);
        return chosen.Allows(kind) ? null : SkipReasons.TurnedOff;
    }

    private async Task<bool> AddAsync(NpgsqlTransaction transaction, string kind, Guid? personId, string? address, string dedupeKey,
        MailFacts facts, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var token = UnsubscribeTokens.New();
        var mail = new NewMail(Guid.CreateVersion7(now), dedupeKey, kind, personId, address, JsonSerializer.Serialize(facts), token, facts.DueAt, now);
        if (!await mails.AddAsync(transaction, mail, ct)) return false;
        // A person's link turns the kind off in their preferences; an address's link opts that address out.
        await unsubscribes.AddLinkAsync(transaction, UnsubscribeTokens.Hash(token), personId,
            personId is null && address is not null ? UnsubscribeTokens.AddressHash(address) : null, kind, now, ct);
        return true;
    }
}
