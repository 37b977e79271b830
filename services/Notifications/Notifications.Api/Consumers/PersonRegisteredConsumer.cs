using MassTransit;
using Studios.Membership.Contracts;
using Studios.Notifications.Data;

namespace Studios.Notifications.Consumers;

/// <summary>A new person's name, zone and locale: how their mails are addressed and written.</summary>
public sealed class PersonRegisteredConsumer(InboxTransaction inbox, PeopleRepository people) : IConsumer<PersonRegistered>
{
    public Task Consume(ConsumeContext<PersonRegistered> context)
    {
        var m = context.Message;
        return people.SaveProfileAsync(inbox.Transaction, m.PersonId, m.DisplayName, m.TimeZone, m.Locale, m.OccurredAt, context.CancellationToken);
    }
}
