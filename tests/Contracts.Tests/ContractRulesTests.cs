using System.Text.RegularExpressions;

namespace Studios.Contracts.Tests;

/// <summary>The house rules for a published message (docs/design.md, Messages): a stable URN naming service, event and
/// version; sealed records; past-tense names; an OccurredAt.</summary>
public sealed partial class ContractRulesTests
{
    public static TheoryData<string> Messages() => [.. ContractCatalog.Messages.Select(type => type.FullName!)];

    [Theory]
    [MemberData(nameof(Messages))]
    public void Has_a_urn_naming_its_service_its_event_and_a_version(string message)
    {
        var type = Find(message);
        var urn = ContractCatalog.Urn(type);
        Assert.NotNull(urn);
        var service = Kebab(type.Assembly.GetName().Name!.Split('.')[0]);
        Assert.Matches(UrnPattern(), urn);
        Assert.StartsWith($"studios:{service}:{Kebab(type.Name)}:v", urn);
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void Is_a_sealed_record(string message) => Assert.True(Find(message).IsSealed, $"{message} must be sealed");

    [Theory]
    [MemberData(nameof(Messages))]
    public void Is_named_in_the_past_tense(string message)
    {
        var words = Words().Matches(Find(message).Name).Select(match => match.Value).ToList();
        Assert.True(words.Skip(1).Any(IsPastTense), $"{message}: an event says what happened (MemberJoinedStudio, SessionHeld)");
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void Says_when_it_happened(string message)
    {
        var occurredAt = Find(message).GetProperty("OccurredAt");
        Assert.NotNull(occurredAt);
        Assert.Equal(typeof(DateTimeOffset), occurredAt.PropertyType);
    }

    [Fact]
    public void Every_urn_is_used_once()
    {
        var urns = ContractCatalog.Messages.Select(ContractCatalog.Urn).Where(urn => urn is not null).ToList();
        Assert.Equal(urns.Count, urns.Distinct().Count());
    }

    [Theory]
    [InlineData("MemberJoinedStudio", true)]
    [InlineData("MemberLeftStudio", true)]
    [InlineData("SessionHeld", true)]
    [InlineData("JoinStudio", false)]
    [InlineData("StudioHealth", false)]
    public void Past_tense_is_recognised(string name, bool past) =>
        Assert.Equal(past, Words().Matches(name).Select(match => match.Value).Skip(1).Any(IsPastTense));

    private static readonly HashSet<string> IrregularPast =
    [
        "Held", "Left", "Sent", "Made", "Met", "Kept", "Set", "Put", "Won", "Lost", "Paid", "Found", "Built", "Chosen", "Begun",
        "Done", "Given", "Taken", "Written", "Shown", "Known", "Run", "Read", "Seen", "Spent", "Withdrawn", "Undone", "Reset",
        "Split", "Cut", "Shut", "Quit", "Hidden", "Frozen", "Forgotten", "Drawn", "Sold", "Told", "Understood", "Bought", "Brought",
    ];

    private static bool IsPastTense(string word) => word.EndsWith("ed", StringComparison.Ordinal) || IrregularPast.Contains(word);

    private static Type Find(string fullName) => ContractCatalog.Messages.Single(type => type.FullName == fullName);

    private static string Kebab(string pascal) => string.Join('-', Words().Matches(pascal).Select(match => match.Value.ToLowerInvariant()));

    [GeneratedRegex("[A-Z][a-z0-9]*")]
    private static partial Regex Words();

    [GeneratedRegex("^studios:[a-z][a-z0-9-]*:[a-z][a-z0-9-]*:v[1-9][0-9]*$")]
    private static partial Regex UrnPattern();
}
