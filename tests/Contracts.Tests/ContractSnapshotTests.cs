using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Studios.Contracts.Tests;

/// <summary>The messages against contracts.snapshot.json. A breaking change fails, always. An additive change (a new
/// message, a new field) fails until the snapshot is updated, which is a reviewed diff in the same commit:
/// <c>UPDATE_CONTRACT_SNAPSHOT=1 dotnet test tests/Contracts.Tests</c> rewrites it, and refuses to while anything breaks.</summary>
public sealed class ContractSnapshotTests
{
    private const string UpdateVariable = "UPDATE_CONTRACT_SNAPSHOT";
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    [Fact]
    public void No_message_breaks_the_snapshot()
    {
        var breaks = ContractCompatibility.Breaks(ReadSnapshot(), ContractCatalog.Snapshot());
        Assert.True(breaks.Count == 0,
            "Breaking changes to published messages (add a new versioned message instead, e.g. ...:v2):\n" + string.Join("\n", breaks));
    }

    [Fact]
    public void The_snapshot_records_every_message_as_it_is()
    {
        var current = ContractCatalog.Snapshot();
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1"
            && ContractCompatibility.Breaks(ReadSnapshot(), current).Count == 0)
        {
            File.WriteAllText(SnapshotPath(), current.ToJsonString(Indented) + "\n");
        }
        var recorded = ReadSnapshot();
        Assert.True(JsonNode.DeepEquals(recorded, current),
            $"The messages differ from {Path.GetFileName(SnapshotPath())} (an additive change?). Run {UpdateVariable}=1 dotnet test " +
            $"tests/Contracts.Tests and commit the updated snapshot. Now:\n{current.ToJsonString(Indented)}");
    }

    [Fact]
    public void The_catalog_finds_every_services_contracts()
    {
        Assert.Equal(["Membership.Contracts", "PracticeContent.Contracts", "Scheduling.Contracts", "Stewardship.Contracts"],
            ContractCatalog.Assemblies.Select(assembly => assembly.GetName().Name!));
        Assert.NotEmpty(ContractCatalog.Messages);
    }

    private static JsonObject ReadSnapshot() =>
        File.Exists(SnapshotPath()) ? JsonNode.Parse(File.ReadAllText(SnapshotPath()))!.AsObject() : new JsonObject();

    private static string SnapshotPath([CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(here)!, "contracts.snapshot.json");
}
