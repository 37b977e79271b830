using MassTransit;
using Studios.Membership.Contracts;
using Studios.PracticeContent.Data;

namespace Studios.PracticeContent.Consumers;

public sealed class PersonErasedConsumer(InboxTransaction inbox, ErasureRepository erasure) : IConsumer<PersonErased>
{
    public Task Consume(ConsumeContext<PersonErased> context) =>
        erasure.EraseAsync(inbox.Transaction, context.Message.PersonId, context.Message.OccurredAt, context.CancellationToken);
}
