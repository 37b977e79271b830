using Xunit;

namespace Studios.Testing;

/// <summary>
/// xunit class fixture giving a test class its own virtual host and databases on the shared servers:
/// <c>public class MyTests(IsolatedEnvironment env) : IClassFixture&lt;IsolatedEnvironment&gt;</c>.
/// Derive and override <see cref="Name"/> / <see cref="Databases"/> to name them or create databases up front.
/// </summary>
public class IsolatedEnvironment : IAsyncLifetime
{
    private TestEnvironment? _environment;

    protected virtual string Name => "test";

    protected virtual IEnumerable<string> Databases => [];

    public TestEnvironment Environment =>
        _environment ?? throw new InvalidOperationException("The environment is created in InitializeAsync, before the tests run.");

    public string MessagingConnectionString => Environment.MessagingConnectionString;

    public string DatabaseConnectionString(string database) => Environment.DatabaseConnectionString(database);

    public Task<string> DatabaseConnectionStringAsync(string database) => Environment.DatabaseConnectionStringAsync(database);

    public async Task InitializeAsync() => _environment = await TestEnvironment.CreateAsync(Name, [.. Databases]);

    public async Task DisposeAsync()
    {
        if (_environment is not null) await _environment.DisposeAsync();
    }
}
