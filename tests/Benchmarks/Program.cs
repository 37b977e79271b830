using Spectre.Console;
using Studios.Benchmarks.Messaging;
using Studios.Benchmarks.Network;
using Studios.Benchmarks.RunningSystem;

return args.FirstOrDefault() switch
{
    "messaging" => await MessagingBenchmark.RunAsync(args[1..]),
    "approval-to-roster" => await ApprovalToRoster.RunAsync(args[1..]),
    "seed" => await NetworkSeed.RunAsync(args[1..]),
    "scale" => await NetworkScale.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    AnsiConsole.MarkupLine("usage: dotnet run -c Release --project tests/Benchmarks -- messaging [--events N] [--rounds R] [--latency-seconds S]");
    AnsiConsole.MarkupLine("       dotnet run -c Release --project tests/Benchmarks -- approval-to-roster [--identity URL] [--membership URL] [--stewardship URL] [--approvals N]");
    AnsiConsole.MarkupLine("       dotnet run -c Release --project tests/Benchmarks -- seed --preset small|large [--studios N] [--people N] [--stewards N] [--practices N] [--clients N]");
    AnsiConsole.MarkupLine("       dotnet run -c Release --project tests/Benchmarks -- scale [--measure small|large] [--clients N] [--requests N]");
    return 2;
}
