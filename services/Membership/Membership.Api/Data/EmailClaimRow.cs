namespace Studios.Membership.Data;

/// <summary>An address a person gave that is not verified yet.</summary>
public sealed record EmailClaimRow(Guid PersonId, string Email, DateTimeOffset ClaimedAt, DateTimeOffset MailedAt);
