using Spectre.Console;
using Studios.AppHost.Model;

namespace Studios.AppHost.Hosting;

/// <summary>What the developer sees once everything is up: each resource, its state and where to reach it.</summary>
public static class StartupTable
{
    public static void Print(Supervisor supervisor, ApplicationModel model, DataLayout data, TimeSpan elapsed, bool allUp, string dashboardLoginUrl)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings());
        if (Console.IsOutputRedirected) console.Profile.Width = 160;

        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("Resource", "Type", "State", "Health", "PID", "URLs", "Restarts");
        foreach (var resource in supervisor.Resources)
        {
            var color = resource.State switch
            {
                ResourceState.Running => "green",
                ResourceState.Failed or ResourceState.Exited or ResourceState.Unhealthy => "red",
                _ => "yellow",
            };
            table.AddRow(
                Markup.Escape(resource.Name), resource.Type, $"[{color}]{resource.State}[/]", resource.Health.ToString(),
                resource.Pid?.ToString() ?? "-", Markup.Escape(string.Join("  ", resource.Urls)), resource.RestartCount.ToString());
        }
        console.Write(table);

        var appHost = $"http://127.0.0.1:{model.AppHost.Port}";
        console.MarkupLine(allUp
            ? $"[green]Studios is up[/] in {elapsed.TotalSeconds:0.0} s."
            : $"[red]Not everything is healthy[/] after {elapsed.TotalSeconds:0.0} s: see the logs below. Failed services keep being restarted.");
        console.WriteLine($"Dashboard      {dashboardLoginUrl}");
        console.WriteLine($"OTLP           grpc http://127.0.0.1:{model.OtlpGrpc.Port}  http/protobuf http://127.0.0.1:{model.OtlpHttp.Port}");
        console.WriteLine($"Resources API  {appHost}/api/resources  (header x-dashboard-token: <the token above>)");
        console.WriteLine($"Dev tokens     POST {appHost}/api/dev-tokens  {{\"name\":\"Ada\",\"roles\":[\"facilitator\"]}}");
        console.WriteLine($"Logs           {data.Logs}");
        console.WriteLine("Ctrl+C stops everything.");
    }
}
