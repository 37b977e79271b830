namespace Studios.Membership.Features;

/// <summary>Who joined and left in one transaction, counted in the metrics once it commits.</summary>
public sealed class RosterTally
{
    private readonly List<string> _joined = [];
    private readonly List<string> _left = [];

    public IReadOnlyList<string> Joined => _joined;
    public IReadOnlyList<string> Left => _left;

    public void AddJoined(string joinedVia) => _joined.Add(joinedVia);
    public void AddLeft(string reason) => _left.Add(reason);
}
