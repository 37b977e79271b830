using MassTransit;
using Studios.Membership.Contracts;
using Studios.Stewardship.Contracts;
using Studios.Stewardship.Data;


namespace Studios.Stewardship.Consumers;

/// <summary>Erasure: an erased steward leaves the pool and their studios (and may not be added again), and every check-in by or about the person
/// keeps no name of theirs. Person ids are opaque and stay, so late events about them still line up.</summary>
public sealed class PersonErasedConsumer(
    InboxTransaction inbox,
    Outbox outbox,
    StewardRepository stewards,
    CheckInRepository checkIns,
    PeopleRepository people,
    TimeProvider time,
    ILogger<PersonErasedConsumer> logger) : IConsumer<PersonErased>
{
    /// <summary>Who "unassigned" a steward when the system did it (StewardUnassigned.UnassignedBy is required).</summary>
    public static readonly Guid System = Guid.Empty;

    public async Task Consume(ConsumeContext<PersonErased> context)
    {
        var personId = context.Message.PersonId;
        var transaction = inbox.Transaction;
        var ct = context.CancellationToken;
        var now = time.GetUtcNow();

        await people.ErasedAsync(transaction, personId, now, ct);
        var stewardName = await stewards.NameOfAsync(transaction, personId, ct);
        await stewards.LockAssignmentsAsync(transaction, ct);
        var studios = await stewards.RemoveAsync(transaction, personId, now, ct) ?? [];
        foreach (var studioId in studios)
        {
            await outbox.EnqueueAsync(transaction, new StewardUnassigned(studioId, personId, System, now), ct);
        }
        await stewards.ForgetNameAsync(transaction, personId, ct);
        var redacted = await checkIns.EraseNamesAsync(transaction, personId, [stewardName], ct);
        logger.LogInformation("Erased person {PersonId}: removed from {Studios} studios as steward, {CheckIns} check-ins anonymised",
            personId, studios.Count, redacted);
    }
}
