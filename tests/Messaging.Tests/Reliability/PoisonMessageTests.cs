using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Studios.Messaging.Tests.Ledger;
using Studios.Messaging.Tests.Support;
using Studios.ServiceDefaults.Audit;
using Studios.ServiceDefaults.Http;
using Studios.ServiceDefaults.Identity;
using Studios.ServiceDefaults.Messaging;
using Studios.Testing;
using Xunit.Abstractions;

namespace Studios.Messaging.Tests.Reliability;

/// <summary>A message that keeps failing ends in the _error queue after its retries while the others flow; it is
/// counted once, logged with its ids, listed for operators, and requeued by them once the cause is fixed.</summary>
[Trait("Category", "Reliability")]
[Collection(ReliabilityCollection.Name)]
public sealed class PoisonMessageTests(ITestOutputHelper output)
{
    private const string ErrorQueue = "ledger-entry-recorded_error";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_poison_message_goes_to_the_error_queue_and_comes_back_once_fixed()
    {
        await using var rig = await LedgerRig.StartAsync("poison", settings: new Dictionary<string, string?>
        {
            ["Messaging:DelayedRetries:0"] = "00:00:00.100",
            ["Messaging:DelayedRetries:1"] = "00:00:00.200",
        });
        var (database, probe, logs, metrics, ledger) = (rig.Database, rig.Probe, rig.Rig.Logs, rig.Metrics, rig.Ledger);
        var operatorId = Guid.NewGuid();
        var operatorClient = ledger.ClientFor(operatorId, StudiosRoles.Operator);

        var before = await LedgerWriter.RecordAsync(ledger.Services, 100);
        var poison = (await LedgerWriter.RecordAsync(ledger.Services, 1, note: LedgerProbe.Poison)).Single();
        var after = await LedgerWriter.RecordAsync(ledger.Services, 100);
        var poisonMessageId = await database.MessageIdOfAsync(poison);

        await Eventually.TrueAsync(() => database.AllAppliedAsync(200), Patience, "the messages around the poison to flow");
        await Eventually.TrueAsync(() => metrics.Total("messaging.faulted") == 1, Patience, "the poison message to be counted as faulted");

        // Three attempts (the first and two delayed retries), one fault: the retries themselves are not counted.
        Assert.Equal(3, probe.PoisonAttempts);
        var list = await operatorClient.GetFromJsonAsync<List<ErrorQueue>>(ErrorQueueEndpoints.Path);
        var queue = Assert.Single(list!, q => q.Queue == ErrorQueue);
        Assert.Equal("ledger-entry-recorded", queue.SourceQueue);
        Assert.Equal(1, queue.MessageCount);
        var message = Assert.Single(queue.Messages);
        Assert.Equal(poisonMessageId, message.MessageId);
        Assert.Contains("InvalidOperationException", message.ExceptionType);
        Assert.Contains("is poison", message.Reason);
        Assert.NotNull(message.TraceId);

        var logged = Assert.Single(logs.Entries, entry => entry.Level == LogLevel.Error && entry.Category.EndsWith("FaultedMessageFilter"));
        Assert.Contains(poisonMessageId.ToString(), logged.Message);
        Assert.Contains(message.TraceId, logged.Message);
        Assert.Equal(message.TraceId, logged.TraceId);

        // Only operators.
        Assert.Equal(HttpStatusCode.Unauthorized, (await ledger.CreateClient().GetAsync(ErrorQueueEndpoints.Path)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await ledger.ClientFor(StudiosRoles.Participant).PostAsync($"{ErrorQueueEndpoints.Path}/{ErrorQueue}/requeue", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await operatorClient.PostAsync($"{ErrorQueueEndpoints.Path}/someone-elses_error/requeue", null)).StatusCode);
        // Listing only looks: the message is still there.
        Assert.Equal(1, (await operatorClient.GetFromJsonAsync<List<ErrorQueue>>(ErrorQueueEndpoints.Path))!.Single(q => q.Queue == ErrorQueue).MessageCount);

        probe.PoisonFixed = true;
        var requeue = await operatorClient.PostAsync($"{ErrorQueueEndpoints.Path}/{ErrorQueue}/requeue", null);
        Assert.Equal(HttpStatusCode.OK, requeue.StatusCode);
        Assert.Equal(1, (await requeue.Content.ReadFromJsonAsync<RequeueResult>())!.Requeued);
        // The operator's requeue is in the audit trail, with what it moved.
        var audit = await operatorClient.GetFromJsonAsync<Page<AuditRecord>>($"{AuditEndpoints.Path}?personId={operatorId}");
        var requeued = Assert.Single(audit!.Items);
        Assert.Equal((AuditActions.ErrorQueueRequeued, operatorId), (requeued.Action, requeued.ActorId));
        Assert.Equal((ErrorQueue, 1), (requeued.Detail!.Value.GetProperty("queue").GetString(), requeued.Detail.Value.GetProperty("requeued").GetInt32()));

        await Eventually.TrueAsync(() => database.AllAppliedAsync(201), Patience, "the requeued message to be applied");
        Assert.Equal(0, (await operatorClient.GetFromJsonAsync<List<ErrorQueue>>(ErrorQueueEndpoints.Path))!.Single(q => q.Queue == ErrorQueue).MessageCount);
        var tally = await database.TallyAsync([.. before, poison, .. after], probe.DuplicateDeliveries);
        output.WriteLine(tally.ToString());
        Assert.Equal(0, tally.Lost);
        Assert.Equal(0, tally.DuplicatedEffects);
        Assert.Equal(1, metrics.Total("messaging.faulted"));
    }
}
