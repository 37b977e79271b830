using MassTransit;
using Studios.Membership.Contracts;
using Studios.Stewardship.Data;

namespace Studios.Stewardship.Consumers;

/// <summary>A person registered with Membership: from now on they may be added to the steward pool.</summary>
public sealed class PersonRegisteredConsumer(InboxTransaction inbox, PeopleRepository people) : IConsumer<PersonRegistered>
{
    public Task Consume(ConsumeContext<PersonRegistered> context) =>
        people.RegisteredAsync(inbox.Transaction, context.Message.PersonId, context.Message.OccurredAt, context.CancellationToken);
}
