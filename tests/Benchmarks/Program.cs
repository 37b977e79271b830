using Spectre.Console;
using Studios.Benchmarks.Messaging;
using Studios.Benchmarks.RunningSystem;

return args.FirstOrDefault() switch
{
    "messaging" => await MessagingBenchmark.RunAsync(args[1..]),
    "approval-to-roster" => await ApprovalToRoster.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    AnsiConsole.MarkupLine("usage: dotnet run -c Release --project tests/Benchmarks -- messaging [--events N] [--rounds R] [--latency-seconds S]");
    AnsiConsole.MarkupLine("       dotnet run -c Release --project tests/Benchmarks -- approval-to-roster [--identity URL] [--membership URL] [--stewardship URL] [--approvals N]");
    return 2;
}
