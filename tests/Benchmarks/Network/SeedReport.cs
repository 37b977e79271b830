using System.Text.Json;

namespace Studios.Benchmarks.Network;

/// <summary>What one seed did and how fast: the size asked for, the rate of each step, the attendance records written
/// and each service's outbox lag meanwhile (artifacts/scale/seed-&lt;preset&gt;.json).</summary>
public sealed record SeedReport(string Preset, NetworkSize Size, int Clients, double Minutes, Dictionary<string, double> Rates,
    int AttendanceRecords, List<OutboxLagResult> OutboxLag)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string PathOf(string preset) => Path.Combine("artifacts", "scale", $"seed-{preset}.json");

    public static async Task SaveAsync(SeedReport report)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(PathOf(report.Preset))!);
        await File.WriteAllTextAsync(PathOf(report.Preset), JsonSerializer.Serialize(report, Json));
    }

    public static SeedReport? Load(string preset) =>
        File.Exists(PathOf(preset)) ? JsonSerializer.Deserialize<SeedReport>(File.ReadAllText(PathOf(preset)), Json) : null;
}
