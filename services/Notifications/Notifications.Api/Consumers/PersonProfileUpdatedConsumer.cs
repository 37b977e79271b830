using MassTransit;
using Studios.Membership.Contracts;
using Studios.Notifications.Data;

namespace Studios.Notifications.Consumers;

/// <summary>A changed name, zone or locale applies to every mail sent from now on (mails are rendered when sent).</summary>
public sealed class PersonProfileUpdatedConsumer(InboxTransaction inbox, PeopleRepository people) : IConsumer<PersonProfileUpdated>
{
    public Task Consume(ConsumeContext<PersonProfileUpdated> context)
    {
        var m = context.Message;
        return people.SaveProfileAsync(inbox.Transaction, m.PersonId, m.DisplayName, m.TimeZone, m.Locale, m.OccurredAt, context.CancellationToken);
    }
}
