using System.Net;
using System.Net.Http.Json;
using Dapper;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Studios.Messaging.Tests.Ledger;
using Studios.Messaging.Tests.Support;
using Studios.ServiceDefaults.Identity;
using Studios.ServiceDefaults.Messaging;
using Studios.Testing;
using Xunit.Abstractions;

namespace Studios.Messaging.Tests.Reliability;

/// <summary>A batch consumer (Ledger's EntryImported): the inbox records a whole batch in one statement, and still
/// nothing is applied twice and nothing lost, with duplicates inside one batch or across batches and with poison.</summary>
[Trait("Category", "Reliability")]
[Collection(ReliabilityCollection.Name)]
public sealed class BatchConsumerTests(ITestOutputHelper output)
{
    private const string ErrorQueue = "ledger-entry-imported_error";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_batch_consumer_applies_each_message_once_when_it_is_delivered_twice()
    {
        await using var rig = await LedgerRig.StartAsync("batchduplicates");
        var (database, probe, metrics) = (rig.Database, rig.Probe, rig.Metrics);
        await using var bus = await TestBus.StartAsync(rig.Rig.Environment);

        // One after the other: the second finds the first batch's inbox rows committed.
        var first = new EntryImported(Guid.NewGuid(), null, DateTimeOffset.UtcNow);
        var firstId = NewId.NextGuid();
        await bus.PublishAsync(first, firstId);
        await Eventually.TrueAsync(() => database.AllAppliedAsync(1, LedgerDatabase.ImportedEffects), Patience, "the first delivery to be applied");
        await bus.PublishAsync(first, firstId);

        // Together: both copies land in one batch, or in two batches at the same moment (the second waits on the
        // first's inbox keys, then records nothing).
        var together = Enumerable.Range(0, 300).Select(_ => (Entry: new EntryImported(Guid.NewGuid(), null, DateTimeOffset.UtcNow), Id: NewId.NextGuid()))
            .ToList();
        await Task.WhenAll(together.SelectMany(pair => new[] { bus.PublishAsync(pair.Entry, pair.Id), bus.PublishAsync(pair.Entry, pair.Id) }));

        await Eventually.TrueAsync(() => probe.Deliveries(firstId) == 2 && together.All(pair => probe.Deliveries(pair.Id) == 2),
            Patience, "every message to be delivered twice");
        await Eventually.TrueAsync(() => database.AllAppliedAsync(301, LedgerDatabase.ImportedEffects), Patience, "every entry to be applied");
        // Copies in one batch never reach the inbox (MassTransit keys a batch by message id and acknowledges the copy
        // with it); copies in different batches do, and the later one is skipped: at least the sequential one.
        var recognised = metrics.Total("inbox.duplicates");
        Assert.InRange(recognised, 1, 301);
        var tally = await database.TallyAsync([first.EntryId, .. together.Select(pair => pair.Entry.EntryId)], probe.DuplicateDeliveries,
            LedgerDatabase.ImportedEffects);
        output.WriteLine($"{tally}; {recognised} recognised by the inbox; largest batch {probe.LargestBatch}");
        Assert.Equal(0, tally.Lost);
        Assert.Equal(0, tally.DuplicatedEffects);
        Assert.Equal(301, tally.DuplicateDeliveries);
        Assert.True(probe.LargestBatch > 1, "the consumer got its messages in batches");
    }

    [Fact]
    public async Task A_poison_message_takes_its_batch_to_the_error_queue_and_all_come_back_once_fixed()
    {
        await using var rig = await LedgerRig.StartAsync("batchpoison", settings: new Dictionary<string, string?>
        {
            ["Messaging:DelayedRetries:0"] = "00:00:00.100",
            ["Messaging:DelayedRetries:1"] = "00:00:00.200",
        });
        var (database, probe, metrics, ledger) = (rig.Database, rig.Probe, rig.Metrics, rig.Ledger);
        var operatorClient = ledger.ClientFor(StudiosRoles.Operator);

        // One transaction, the poison in its middle: the relay publishes them together and they arrive in full batches.
        var entries = Enumerable.Range(0, 301).Select(i => new EntryImported(Guid.NewGuid(), i == 150 ? LedgerProbe.Poison : null, DateTimeOffset.UtcNow))
            .ToList();
        await ImportAsync(ledger.Services, entries);
        var poison = entries[150].EntryId;
        var all = entries.Select(entry => entry.EntryId).ToList();

        // The batch holding the poison fails its three attempts and goes to _error whole; every other batch is applied.
        await Eventually.TrueAsync(async () => metrics.Total("messaging.faulted") > 0
                && metrics.Total("messaging.faulted") + await database.DistinctEffectsAsync(LedgerDatabase.ImportedEffects) == all.Count,
            Patience, "every batch but the poisoned one to be applied and that one to fault");
        var faulted = (int)metrics.Total("messaging.faulted");
        output.WriteLine($"{faulted} messages faulted with the poison; {probe.PoisonAttempts} attempts; largest batch {probe.LargestBatch}");
        Assert.Equal(3, probe.PoisonAttempts);
        Assert.True(faulted > 1, "the poison's batch-mates went to _error with it");
        Assert.False(await AppliedAsync(database, poison), "the poison entry is not applied");
        var queue = (await operatorClient.GetFromJsonAsync<List<ErrorQueue>>(ErrorQueueEndpoints.Path))!.Single(q => q.Queue == ErrorQueue);
        Assert.Equal("ledger-entry-imported", queue.SourceQueue);
        Assert.Equal(faulted, queue.MessageCount);

        probe.PoisonFixed = true;
        var requeue = await operatorClient.PostAsync($"{ErrorQueueEndpoints.Path}/{ErrorQueue}/requeue", null);
        Assert.Equal(HttpStatusCode.OK, requeue.StatusCode);
        Assert.Equal(faulted, (await requeue.Content.ReadFromJsonAsync<RequeueResult>())!.Requeued);

        await Eventually.TrueAsync(() => database.AllAppliedAsync(all.Count, LedgerDatabase.ImportedEffects), Patience,
            "the requeued batch to be applied");
        var tally = await database.TallyAsync(all, probe.DuplicateDeliveries, LedgerDatabase.ImportedEffects);
        output.WriteLine(tally.ToString());
        Assert.Equal(0, tally.Lost);
        Assert.Equal(0, tally.DuplicatedEffects);
        Assert.Equal(faulted, (int)metrics.Total("messaging.faulted"));
    }

    private static async Task ImportAsync(IServiceProvider services, IReadOnlyCollection<EntryImported> entries)
    {
        await using var connection = await services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("INSERT INTO entries (id, note) SELECT * FROM unnest(@Ids, @Notes)",
            new { Ids = entries.Select(entry => entry.EntryId).ToArray(), Notes = entries.Select(entry => entry.Note).ToArray() }, transaction);
        await services.GetRequiredService<Outbox>().EnqueueAllAsync(transaction, entries);
        await transaction.CommitAsync();
    }

    private static async Task<bool> AppliedAsync(LedgerDatabase database, Guid entryId) =>
        await database.ScalarAsync("SELECT count(*) FROM imported_effects WHERE entry_id = @entryId", new { entryId }) > 0;
}
