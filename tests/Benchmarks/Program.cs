using Spectre.Console;
using Studios.Benchmarks.Messaging;

return args.FirstOrDefault() switch
{
    "messaging" => await MessagingBenchmark.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    AnsiConsole.MarkupLine("usage: dotnet run -c Release --project tests/Benchmarks -- messaging [--events N] [--rounds R] [--latency-seconds S]");
    return 2;
}
