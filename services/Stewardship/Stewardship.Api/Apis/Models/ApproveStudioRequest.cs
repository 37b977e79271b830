namespace Studios.Stewardship.Apis.Models;

/// <summary>Optionally names the steward to support the studio; without one, the steward with the fewest open studios is chosen.</summary>
public sealed record ApproveStudioRequest(Guid? StewardId);
