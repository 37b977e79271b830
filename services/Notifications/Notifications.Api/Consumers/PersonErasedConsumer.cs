using MassTransit;
using Studios.Membership.Contracts;
using Studios.Notifications.Data;

namespace Studios.Notifications.Consumers;

/// <summary>Erasure: the person gets nothing more, and everything held about them (address, preferences, reminders, unsent
/// mails) goes.</summary>
public sealed class PersonErasedConsumer(InboxTransaction inbox, PeopleRepository people) : IConsumer<PersonErased>
{
    public Task Consume(ConsumeContext<PersonErased> context) =>
        people.EraseAsync(inbox.Transaction, context.Message.PersonId, context.Message.OccurredAt, context.CancellationToken);
}
