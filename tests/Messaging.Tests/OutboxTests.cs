using System.Net;
using System.Net.Http.Json;
using Studios.Messaging.Tests.Ledger;
using Studios.Messaging.Tests.Ledger.Apis;
using Studios.Messaging.Tests.Support;
using Studios.Testing;

namespace Studios.Messaging.Tests;

/// <summary>The outbox commits with the state change or not at all, an idle relay is woken by the commit, and old rows go.</summary>
public sealed class OutboxTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_rolled_back_transaction_publishes_nothing()
    {
        await using var env = await TestEnvironment.CreateAsync("outbox", LedgerHost.Database);
        await using var bus = await TestBus.StartAsync(env);
        var observed = await bus.ObserveAsync<EntryRecorded>();
        var database = new LedgerDatabase(env.DatabaseConnectionString(LedgerHost.Database));
        await using var ledger = await LedgerHost.StartAsync(env.DatabaseConnectionString(LedgerHost.Database), env.MessagingConnectionString,
            new LedgerProbe());
        var client = ledger.CreateClient();

        var failed = await client.PostAsJsonAsync("/api/entries", new RecordEntries(Count: 3, Fail: true));
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal(0, await database.ScalarAsync("SELECT count(*) FROM outbox"));
        Assert.Equal(0, await database.ScalarAsync("SELECT count(*) FROM entries"));

        // A committed one afterwards is the barrier: once it has arrived, the relay has had every chance.
        var committed = await client.PostAsJsonAsync("/api/entries", new RecordEntries(Count: 1));
        var id = (await committed.Content.ReadFromJsonAsync<RecordedEntries>())!.Ids.Single();
        await observed.WaitForAsync(message => message.EntryId == id, Patience);
        await Eventually.TrueAsync(() => database.AllAppliedAsync(1), Patience, "the committed entry to be applied");

        Assert.Equal([id], observed.Messages.Select(message => message.EntryId));
        Assert.Equal(1, await database.EffectsAsync());
    }

    [Fact]
    public async Task A_commit_elsewhere_wakes_an_idle_relay_through_notify()
    {
        await using var env = await TestEnvironment.CreateAsync("outbox", LedgerHost.Database);
        var database = new LedgerDatabase(env.DatabaseConnectionString(LedgerHost.Database));
        await using var ledger = await LedgerHost.StartAsync(env.DatabaseConnectionString(LedgerHost.Database), env.MessagingConnectionString,
            new LedgerProbe(), settings: new Dictionary<string, string?>
            {
                ["Messaging:RelayPollInterval"] = "00:10:00",
                ["Messaging:NotifyOnEnqueue"] = "true",
            });

        // Another process (another instance with NotifyOnEnqueue on, a script) commits a row and NOTIFYs.
        var entryId = Guid.NewGuid();
        await using (var connection = new Npgsql.NpgsqlConnection(env.DatabaseConnectionString(LedgerHost.Database)))
        {
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand("""
                INSERT INTO outbox (id, message_type, body) VALUES (gen_random_uuid(), @type, @body::jsonb);
                NOTIFY studios_outbox
                """, connection);
            command.Parameters.AddWithValue("type", $"{typeof(EntryRecorded).FullName}, {typeof(EntryRecorded).Assembly.GetName().Name}");
            command.Parameters.AddWithValue("body", $$"""{"entryId":"{{entryId}}","note":null,"occurredAt":"2025-01-01T00:00:00+00:00"}""");
            await command.ExecuteNonQueryAsync();
        }

        await Eventually.TrueAsync(() => database.AllAppliedAsync(1), Patience, "the row committed elsewhere to be applied");
        Assert.Equal(1, await database.ScalarAsync("SELECT count(*) FROM effects WHERE entry_id = @entryId", new { entryId }));
    }

    [Fact]
    public async Task An_idle_relay_is_woken_by_the_enqueue_not_the_poll()
    {
        await using var env = await TestEnvironment.CreateAsync("outbox", LedgerHost.Database);
        var database = new LedgerDatabase(env.DatabaseConnectionString(LedgerHost.Database));
        // A poll far longer than the test's patience: only the wake-up after the commit can deliver in time.
        await using var ledger = await LedgerHost.StartAsync(env.DatabaseConnectionString(LedgerHost.Database), env.MessagingConnectionString,
            new LedgerProbe(), settings: new Dictionary<string, string?> { ["Messaging:RelayPollInterval"] = "00:10:00" });
        var client = ledger.CreateClient();
        await client.PostAsJsonAsync("/api/entries", new RecordEntries(Count: 1));
        await Eventually.TrueAsync(() => database.AllAppliedAsync(1), Patience, "the first entry to be applied");

        // The relay is idle now, waiting for a wake-up.
        var response = await client.PostAsJsonAsync("/api/entries", new RecordEntries(Count: 1));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        await Eventually.TrueAsync(() => database.AllAppliedAsync(2), Patience, "the entry recorded while idle to be applied");
        // The consumer may apply it a moment before the relay has marked its confirmed row sent.
        await Eventually.TrueAsync(async () => await database.PendingOutboxAsync() == 0, Patience, "the relay to mark the row sent");
    }

    [Fact]
    public async Task Sent_rows_and_old_inbox_rows_are_deleted_after_their_retention()
    {
        await using var env = await TestEnvironment.CreateAsync("outbox", LedgerHost.Database);
        var database = new LedgerDatabase(env.DatabaseConnectionString(LedgerHost.Database));
        await using var ledger = await LedgerHost.StartAsync(env.DatabaseConnectionString(LedgerHost.Database), env.MessagingConnectionString,
            new LedgerProbe(), settings: new Dictionary<string, string?>
            {
                ["Messaging:SentRetention"] = "00:00:01",
                ["Messaging:InboxRetention"] = "00:00:01",
            });

        await LedgerWriter.RecordAsync(ledger.Services, 20);
        await Eventually.TrueAsync(() => database.AllAppliedAsync(20), Patience, "every entry to be applied");

        await Eventually.TrueAsync(async () => await database.ScalarAsync("SELECT count(*) FROM outbox") == 0, Patience,
            "sent outbox rows to be deleted");
        await Eventually.TrueAsync(async () => await database.ScalarAsync("SELECT count(*) FROM inbox") == 0, Patience,
            "old inbox rows to be deleted");
        Assert.Equal(20, await database.EffectsAsync());
    }

    [Fact]
    public async Task A_row_the_relay_cannot_publish_stays_pending_with_its_error()
    {
        await using var env = await TestEnvironment.CreateAsync("outbox", LedgerHost.Database);
        var database = new LedgerDatabase(env.DatabaseConnectionString(LedgerHost.Database));
        await using var ledger = await LedgerHost.StartAsync(env.DatabaseConnectionString(LedgerHost.Database), env.MessagingConnectionString,
            new LedgerProbe());
        await using (var connection = new Npgsql.NpgsqlConnection(env.DatabaseConnectionString(LedgerHost.Database)))
        {
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand(
                "INSERT INTO outbox (id, message_type, body) VALUES (gen_random_uuid(), 'Nowhere.Gone, Nowhere', '{}'); NOTIFY studios_outbox",
                connection);
            await command.ExecuteNonQueryAsync();
        }
        await LedgerWriter.RecordAsync(ledger.Services, 5);

        await Eventually.TrueAsync(() => database.AllAppliedAsync(5), Patience, "the good entries to be applied around the bad row");
        await Eventually.TrueAsync(async () => await database.ScalarAsync(
                "SELECT count(*) FROM outbox WHERE sent_at IS NULL AND attempts > 0 AND last_error LIKE '%Nowhere.Gone%'") == 1,
            Patience, "the unknown message type to stay pending with its error and an attempt counted");
    }
}
