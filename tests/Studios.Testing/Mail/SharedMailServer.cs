using Studios.Launchers;

namespace Studios.Testing.Mail;

/// <summary>One smtp4dev per test process, started on first use on free loopback ports and stopped when the process
/// exits. Tests tell their mails apart by recipient (every test uses addresses of its own). Tests that stop the mail
/// server start their own with <see cref="TestServers.StartSmtp4devAsync"/>.</summary>
public static class SharedMailServer
{
    private static readonly Lazy<Task<Smtp4devServer>> Instance = new(() => TestServers.StartSmtp4devAsync());

    public static Task<Smtp4devServer> GetAsync() => Instance.Value;
}
