using System.Buffers.Text;
using System.Text.Json;

namespace Studios.Benchmarks.Network;

/// <summary>What the seed created, written next to the run so the scale command can read the same network back:
/// the people with their tokens, the studios with their facilitator, members and series.</summary>
public sealed class SeededNetwork
{
    public required string Preset { get; init; }
    public required string OperatorToken { get; init; }
    public required List<SeededPerson> People { get; init; }
    public required List<SeededStudio> Studios { get; init; }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    public static string PathOf(string preset) => Path.Combine("artifacts", "scale", $"network-{preset}.json");

    public async Task SaveAsync()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(PathOf(Preset))!);
        await File.WriteAllTextAsync(PathOf(Preset), JsonSerializer.Serialize(this, Json));
    }

    /// <summary>How long a token asked for by <see cref="SystemApi.TokenAsync"/> lasts; a network measured later than
    /// that gets new ones (<see cref="WithNewTokensAsync"/>).</summary>
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(600);

    /// <summary>When the earliest of the tokens runs out: the operator's, issued before anyone else's (the token's own
    /// <c>exp</c> claim).</summary>
    public DateTimeOffset TokensExpireAt
    {
        get
        {
            var payload = Base64Url.DecodeFromChars(OperatorToken.Split('.')[1]);
            return DateTimeOffset.FromUnixTimeSeconds(JsonDocument.Parse(payload).RootElement.GetProperty("exp").GetInt64());
        }
    }

    /// <summary>The same network with a new operator and a new token for every person (the operator's first, so it stays
    /// the earliest), from the development identity: a network seeded hours ago can be measured again.</summary>
    public async Task<SeededNetwork> WithNewTokensAsync(SystemApi api, int clients)
    {
        var operatorId = Guid.NewGuid();
        var operatorToken = await api.TokenAsync(operatorId, "Olu Operator", $"olu-{operatorId:N}@example.org", "operator");
        var people = new SeededPerson[People.Count];
        await Phase.RunAsync("tokens issued again (untimed)", people.Length, clients, async (i, _) =>
        {
            var person = People[i];
            people[i] = person with { Token = await api.TokenAsync(person.Id, person.Name, person.Email, person.Role) };
        });
        return new SeededNetwork { Preset = Preset, OperatorToken = operatorToken, People = [.. people], Studios = Studios };
    }

    public static async Task<SeededNetwork> LoadAsync(string preset) =>
        JsonSerializer.Deserialize<SeededNetwork>(await File.ReadAllTextAsync(PathOf(preset)), Json)
        ?? throw new InvalidOperationException($"{PathOf(preset)} is empty.");
}

public sealed record SeededPerson(Guid Id, string Name, string Email, string Role, string Token);

public sealed class SeededStudio
{
    public required Guid Id { get; init; }
    public required int FacilitatorIndex { get; init; }
    public required int StewardIndex { get; init; }
    public required int Capacity { get; init; }
    public string State { get; set; } = "active";
    /// <summary>Active participants (the founding facilitator is a member besides).</summary>
    public List<int> Members { get; init; } = [];
    public List<int> Waitlist { get; init; } = [];
    public Guid? SeriesId { get; set; }
    /// <summary>Sessions before the seed, with attendance recorded.</summary>
    public List<Guid> PastSessions { get; init; } = [];
}
