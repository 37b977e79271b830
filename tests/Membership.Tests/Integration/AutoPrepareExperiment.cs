using System.Net;
using System.Net.Http.Json;
using Dapper;
using Npgsql;
using Xunit.Abstractions;

namespace Studios.Membership.Tests.Integration;

/// <summary>Experiment (evidence for the report, not kept): a NUL in the execution that auto-prepares a statement.</summary>
[Collection(MembershipCollection.Name)]
[Trait("Category", "Experiment")]
public sealed class AutoPrepareExperiment(MembershipFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Raw_npgsql_one_connection()
    {
        var builder = new NpgsqlConnectionStringBuilder(fixture.Factory.DatabaseConnectionString) { MaxAutoPrepare = 64, MaxPoolSize = 1 };
        await using var dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
        await using (var setup = await dataSource.OpenConnectionAsync())
            await setup.ExecuteAsync("CREATE TABLE IF NOT EXISTS nul_experiment (id serial PRIMARY KEY, v text NOT NULL)");
        foreach (var returning in new[] { true, false })
        {
            var sql = "INSERT INTO nul_experiment (v) VALUES (@V)" + (returning ? " RETURNING id" : "") + $" -- {returning}";
            for (var use = 1; use <= 7; use++)
            {
                var value = use == 5 ? "bad\0value" : $"value {use}";
                try
                {
                    await using var connection = await dataSource.OpenConnectionAsync();
                    await using var tx = await connection.BeginTransactionAsync();
                    var result = returning ? await connection.QuerySingleAsync<int>(sql, new { V = value }, tx) : await connection.ExecuteAsync(sql, new { V = value }, tx);
                    await tx.CommitAsync();
                    output.WriteLine($"RETURNING={returning} use {use}: ok ({result})");
                }
                catch (Exception e)
                {
                    output.WriteLine($"RETURNING={returning} use {use} ({(value.Contains('\0') ? "NUL" : "valid")}): {e.GetType().Name}: {e.Message}");
                }
            }
        }
    }

    [Fact]
    public async Task Service_policy_with_a_NUL_question_at_each_position()
    {
        var statuses = new List<string>();
        for (var position = 1; position <= 8; position++)
        {
            var facilitator = await fixture.RegisterAsync();
            var studioId = await fixture.OpenStudioAsync(facilitator, capacity: 3, joinPolicy: "request-to-join");
            for (var i = 1; i <= 10; i++)
            {
                var question = i == position ? "Why\0now?" : $"Why now {i}?";
                var response = await facilitator.Client.PutAsJsonAsync($"/api/studios/{studioId}/policy", new { joinPolicy = "request-to-join", intakeQuestion = question });
                if (response.StatusCode != HttpStatusCode.OK && !question.Contains('\0'))
                    statuses.Add($"NUL at {position}, valid request {i}: {(int)response.StatusCode}");
            }
        }
        output.WriteLine(statuses.Count == 0 ? "every valid request succeeded" : string.Join(Environment.NewLine, statuses));
    }
}
