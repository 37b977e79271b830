using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Studios.Scheduling.Apis.Models;
using Studios.Scheduling.Jobs;
using Studios.Testing;
using static Studios.Scheduling.Tests.Integration.Api;

namespace Studios.Scheduling.Tests.Integration;

/// <summary>Two instances of Scheduling on one database: their materialisation passes share the series that are behind,
/// restore each missing session once, and leave nothing for the other to do again.</summary>
[Collection(SchedulingCollection.Name)]
[Trait("Category", "Integration")]
public sealed class TwoInstancesTests(SchedulingFixture fixture)
{
    [Fact]
    public async Task Two_instances_materialise_each_series_once()
    {
        List<(TestStudio Studio, List<SessionResponse> Sessions)> studios = [];
        for (var i = 0; i < 6; i++)
        {
            var studio = await fixture.NewStudioAsync("Europe/Berlin");
            var start = Today("Europe/Berlin").AddDays(1 + i);
            await CreateSeriesAsync(studio, Series($"FREQ=WEEKLY;BYDAY={Weekday(start)}", start));
            studios.Add((studio, await SessionsAsync(studio.Facilitator, studio.Id, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(360))));
        }
        Assert.All(studios, s => Assert.True(s.Sessions.Count > 30, "a weekly series over a 40-week horizon"));

        // The series fall behind: materialised only four weeks ahead, their later sessions not there yet.
        await using var connection = new NpgsqlConnection(fixture.Factory.DatabaseConnectionString);
        await connection.OpenAsync();
        var ids = studios.Select(s => s.Studio.Id).ToArray();
        var cut = DateTimeOffset.UtcNow.AddDays(28);
        var removed = await connection.ExecuteAsync("DELETE FROM sessions WHERE studio_id = ANY(@ids) AND original_start >= @cut", new { ids, cut });
        await connection.ExecuteAsync("UPDATE series SET materialised_until = @cut WHERE studio_id = ANY(@ids)", new { ids, cut });
        Assert.True(removed > 6 * 20);

        await using var second = await fixture.NewInstanceAsync();
        await Task.WhenAll(Job(fixture.Factory).RunOnceAsync(CancellationToken.None), Job(second).RunOnceAsync(CancellationToken.None));

        // Every removed session is back once, and a further pass on either instance finds no series behind.
        foreach (var (studio, before) in studios)
        {
            var after = await SessionsAsync(studio.Facilitator, studio.Id, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(360));
            Assert.Equal(before.Select(s => s.StartsAt), after.Where(s => s.StartsAt <= before[^1].StartsAt).Select(s => s.StartsAt));
            Assert.Equal(after.Count, after.Select(s => s.StartsAt).Distinct().Count());
        }
        Assert.Equal(new[] { 0, 0 }, await Task.WhenAll(Job(fixture.Factory).RunOnceAsync(CancellationToken.None), Job(second).RunOnceAsync(CancellationToken.None)));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM series WHERE studio_id = ANY(@ids) AND materialised_until < @horizon",
            new { ids, horizon = DateTimeOffset.UtcNow + SchedulingFixture.Horizon - TimeSpan.FromMinutes(35) }));
    }

    private static MaterialisationJob Job(ServiceFactory<Program> factory) =>
        factory.Services.GetServices<IHostedService>().OfType<MaterialisationJob>().Single();
}
