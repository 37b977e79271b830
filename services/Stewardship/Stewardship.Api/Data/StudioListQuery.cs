using Studios.Stewardship.Domain;

namespace Studios.Stewardship.Data;

/// <summary>One page of the registry in name order. Callers who are neither steward nor operator see active studios
/// and the ones they proposed or found (<paramref name="SeeAll"/> false).</summary>
public sealed record StudioListQuery(StudioState? State, StudioCursor? After, int Limit, bool SeeAll, Guid Viewer);
