namespace Studios.AppHost.Tests.Support;

/// <summary>One AppHost for the tests that only look at a running system (or restore what they disturb).</summary>
public sealed class RunningApp : IAsyncLifetime
{
    public StudiosApp Studios { get; private set; } = null!;

    public async Task InitializeAsync() => Studios = await StudiosApp.StartAsync();

    public async Task DisposeAsync()
    {
        if (Studios is not null) await Studios.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class RunningAppCollection : ICollectionFixture<RunningApp>
{
    public const string Name = "running AppHost";
}
