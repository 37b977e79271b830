using System.Text.Json.Nodes;

namespace Studios.Testing.Fuzz;

/// <summary>What a service's fuzz test gives the fuzzer: a client with a valid token, the real values for path
/// parameters and for body fields that must be real, and the valid state that must come through unchanged.</summary>
public sealed class FuzzTarget
{
    public required HttpClient Client { get; init; }

    /// <summary>The value for a path parameter of an operation (a studio the caller runs, a session of it...).</summary>
    public required Func<FuzzOperation, string, string> PathValue { get; init; }

    /// <summary>Body fields by name that need a real value to get past the first rule (studioId, timeZone, rule...).</summary>
    public IReadOnlyDictionary<string, JsonNode?> BodyValues { get; init; } = new Dictionary<string, JsonNode?>();

    /// <summary>GET URLs of valid state created before the run, never named by <see cref="PathValue"/>: each must read
    /// the same after the run.</summary>
    public IReadOnlyList<string> Witnesses { get; init; } = [];

    /// <summary>Who reads the witnesses (someone else's own state); by default <see cref="Client"/>.</summary>
    public HttpClient? WitnessReader { get; init; }
}
