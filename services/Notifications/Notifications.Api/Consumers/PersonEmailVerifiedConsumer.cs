using MassTransit;
using Studios.Membership.Contracts;
using Studios.Notifications.Data;

namespace Studios.Notifications.Consumers;

/// <summary>Where a person's mails go: only an address they verified (the address is never logged or traced).</summary>
public sealed class PersonEmailVerifiedConsumer(InboxTransaction inbox, PeopleRepository people) : IConsumer<PersonEmailVerified>
{
    public Task Consume(ConsumeContext<PersonEmailVerified> context)
    {
        var m = context.Message;
        return people.SaveEmailAsync(inbox.Transaction, m.PersonId, m.Email, m.OccurredAt, context.CancellationToken);
    }
}
