using Npgsql;

namespace Studios.AppHost.Tests;

/// <summary>What a service process really received: Aspire's conventions, and a database role that reaches only its own database.</summary>
[Collection(AppHostCollection.Name)]
public sealed class ServiceEnvironmentTests(RunningAppHost appHost)
{
    [Fact]
    public async Task A_service_gets_its_connection_strings_discovery_telemetry_url_and_authority()
    {
        var environment = await EnvironmentOfAsync("practice-content");
        var ports = appHost.Ports;

        Assert.Contains("Database=practice_content", environment["ConnectionStrings__practice_content"]);
        Assert.Contains("Username=practice_content", environment["ConnectionStrings__practice_content"]);
        Assert.StartsWith("amqp://", environment["ConnectionStrings__messaging"]);
        Assert.Contains($"@127.0.0.1:{ports["RabbitMq"]}", environment["ConnectionStrings__messaging"]);
        Assert.Equal($"http://127.0.0.1:{ports["Membership"]}", environment["services__membership__http__0"]);
        Assert.Equal($"http://127.0.0.1:{ports["Scheduling"]}", environment["services__scheduling__http__0"]);
        Assert.Equal($"http://127.0.0.1:{ports["Stewardship"]}", environment["services__stewardship__http__0"]);
        Assert.False(environment.ContainsKey("services__practice-content__http__0"), "a service does not discover itself");
        Assert.Equal($"http://127.0.0.1:{ports["OtlpHttp"]}", environment["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        Assert.Equal("http/protobuf", environment["OTEL_EXPORTER_OTLP_PROTOCOL"]);
        Assert.Equal("practice-content", environment["OTEL_SERVICE_NAME"]);
        Assert.StartsWith("service.instance.id=practice-content-", environment["OTEL_RESOURCE_ATTRIBUTES"]);
        Assert.Equal($"http://127.0.0.1:{ports["PracticeContent"]}", environment["ASPNETCORE_URLS"]);
        Assert.Equal(appHost.Issuer, environment["Identity__Authority"]);
        Assert.Equal("Development", environment["ASPNETCORE_ENVIRONMENT"]);
    }

    [Fact]
    public async Task A_service_role_reaches_its_own_database_and_no_other()
    {
        var own = (await EnvironmentOfAsync("membership"))["ConnectionStrings__membership"];
        await using (var connection = new NpgsqlConnection(own))
        {
            await connection.OpenAsync();
        }

        foreach (var other in new[] { "scheduling", "postgres" })
        {
            var elsewhere = new NpgsqlConnectionStringBuilder(own) { Database = other, Pooling = false }.ConnectionString;
            await using var connection = new NpgsqlConnection(elsewhere);
            var refused = await Assert.ThrowsAsync<PostgresException>(() => connection.OpenAsync());
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        }
    }

    private async Task<Dictionary<string, string>> EnvironmentOfAsync(string service)
    {
        var resource = await Resource.OneAsync(appHost.Api, service);
        return ProcessTable.Environment(resource.Pid!.Value)
            .Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Select(assignment => assignment.Split('=', 2))
            .ToDictionary(parts => parts[0], parts => parts.Length > 1 ? parts[1] : "");
    }
}
