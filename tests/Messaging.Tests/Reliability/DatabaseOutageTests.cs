using System.Net;
using System.Net.Http.Json;
using Studios.Messaging.Tests.Ledger;
using Studios.Messaging.Tests.Ledger.Apis;
using Studios.Messaging.Tests.Support;
using Studios.Testing;
using Xunit.Abstractions;

namespace Studios.Messaging.Tests.Reliability;

/// <summary>PostgreSQL stops for 10 s mid-stream and starts again: requests meanwhile get 503 with Retry-After, and
/// the relay and the consumer resume by themselves with nothing lost and nothing applied twice.</summary>
[Trait("Category", "Reliability")]
[Collection(ReliabilityCollection.Name)]
public sealed class DatabaseOutageTests(ITestOutputHelper output)
{
    private const int Before = 2_000;
    private const int After = 200;

    [Fact]
    public async Task Stopping_the_database_for_ten_seconds_loses_nothing_and_answers_503_meanwhile()
    {
        await using var rig = await LedgerRig.StartAsync("dboutage", new LedgerProbe { ConsumeDelay = TimeSpan.FromMilliseconds(2) },
            own: OwnServers.Postgres);
        var (database, probe, ledger, postgres) = (rig.Database, rig.Probe, rig.Ledger, rig.Rig.OwnPostgres!);
        var client = ledger.CreateClient();

        var ids = (await LedgerWriter.RecordAsync(ledger.Services, Before)).ToList();
        await Eventually.TrueAsync(async () => await database.EffectsAsync() >= Before / 5, TimeSpan.FromSeconds(60),
            "a fifth of the events to be applied before the outage");

        await postgres.StopAsync();
        output.WriteLine("database stopped");
        var outage = Task.Delay(TimeSpan.FromSeconds(10));
        var answers = new List<HttpResponseMessage>();
        while (!outage.IsCompleted)
        {
            answers.Add(await client.PostAsJsonAsync("/api/entries", new RecordEntries()));
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
        await postgres.StartAgainAsync();
        output.WriteLine($"database started again; {answers.Count} requests during the outage");

        Assert.NotEmpty(answers);
        Assert.All(answers, answer =>
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
            Assert.True(answer.Headers.RetryAfter is not null, "a 503 tells the client when to retry");
            Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        });

        // The service takes writes again by itself, and everything recorded flows.
        await Eventually.TrueAsync(async () =>
        {
            var response = await client.PostAsJsonAsync("/api/entries", new RecordEntries(Count: After));
            if (response.StatusCode != HttpStatusCode.Created) return false;
            ids.AddRange((await response.Content.ReadFromJsonAsync<RecordedEntries>())!.Ids);
            return true;
        }, TimeSpan.FromSeconds(60), "the service to take writes again");
        await Eventually.TrueAsync(() => database.AllAppliedAsync(ids.Count), TimeSpan.FromSeconds(120), "every event to be applied");

        var tally = await database.TallyAsync(ids, probe.DuplicateDeliveries);
        output.WriteLine(tally.ToString());
        Assert.Equal(0, tally.Lost);
        Assert.Equal(0, tally.DuplicatedEffects);
        await Eventually.TrueAsync(async () => await database.PendingOutboxAsync() == 0, TimeSpan.FromSeconds(30), "every row to be marked sent");
    }
}
