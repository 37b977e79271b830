using MassTransit;
using Studios.Membership.Contracts;
using Studios.Notifications.Data;

namespace Studios.Notifications.Consumers;

/// <summary>Where a person's mails go, as a previous Membership release published it (the current one publishes
/// PersonEmailVerified; the address is never logged or traced).</summary>
public sealed class PersonEmailChangedConsumer(InboxTransaction inbox, PeopleRepository people) : IConsumer<PersonEmailChanged>
{
    public Task Consume(ConsumeContext<PersonEmailChanged> context)
    {
        var m = context.Message;
        return people.SaveEmailAsync(inbox.Transaction, m.PersonId, m.Email, m.OccurredAt, context.CancellationToken);
    }
}
