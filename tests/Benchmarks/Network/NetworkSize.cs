namespace Studios.Benchmarks.Network;

/// <summary>How big a network to seed. <c>--preset small|large</c>, each count overridable (<c>--studios</c>,
/// <c>--people</c>, <c>--stewards</c>, <c>--practices</c>, <c>--attendance</c>, <c>--reflections</c>). The presets keep the
/// issue's proportions per studio: 20 people, 100 attendance records, half a practice, 5 reflections.</summary>
public sealed record NetworkSize(int Studios, int People, int Stewards, int Practices, int Attendance, int Reflections)
{
    /// <summary>The baseline: 100 studios.</summary>
    public static readonly NetworkSize Small = new(Studios: 100, People: 2_000, Stewards: 5, Practices: 50, Attendance: 10_000, Reflections: 500);

    /// <summary>Ten times the baseline (the full network is `--studios 10000 --people 200000 --stewards 200
    /// --practices 5000 --attendance 1000000 --reflections 50000`; see docs/scale.md for what this machine manages).</summary>
    public static readonly NetworkSize Large = new(Studios: 1_000, People: 20_000, Stewards: 50, Practices: 500, Attendance: 100_000, Reflections: 5_000);

    public static NetworkSize From(Arguments args)
    {
        var preset = args.Text("--preset", "small") switch
        {
            "small" => Small,
            "large" => Large,
            var other => throw new ArgumentException($"--preset must be small or large, not '{other}'."),
        };
        var size = new NetworkSize(args.Number("--studios") ?? preset.Studios, args.Number("--people") ?? preset.People,
            args.Number("--stewards") ?? preset.Stewards, args.Number("--practices") ?? preset.Practices,
            args.Number("--attendance") ?? preset.Attendance, args.Number("--reflections") ?? preset.Reflections);
        if (size.Studios < 1 || size.Stewards < 1 || size.People < size.Studios * 2 || size.Practices < 1 || size.Attendance < 0 || size.Reflections < 0)
            throw new ArgumentException("--studios and --stewards must be at least 1, --people at least twice --studios, --practices at least 1, the rest not negative.");
        return size;
    }
}
