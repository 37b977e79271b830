using System.Security.Claims;
using Microsoft.Extensions.Options;
using Studios.Membership.Data;
using Studios.Membership.Domain;
using Studios.Membership.Extensions;
using Studios.Membership.Features;
using Studios.Membership.Telemetry;

namespace Studios.Membership.Apis;

/// <summary>What Membership's handlers need, bound with [AsParameters].</summary>
public sealed record MembershipServices(
    HttpContext Context,
    NpgsqlDataSource DataSource,
    Outbox Outbox,
    AuditTrail Audit,
    PeopleRepository People,
    StudioRepository Studios,
    MembershipRepository Memberships,
    RosterViewRepository RosterViews,
    InvitationRepository Invitations,
    EmailVerificationRepository Verifications,
    Roster Roster,
    EmailVerifications EmailVerifications,
    MembershipMetrics Metrics,
    TimeProvider Time,
    IOptions<MembershipOptions> Options)
{
    public ClaimsPrincipal User => Context.User;

    /// <summary>The signed-in person's id.</summary>
    public Guid Me => User.PersonId();

    public bool IsOperator => User.IsInRole(StudiosRoles.Operator);

    public bool IsStewardOrOperator => User.IsStewardOrOperator();

    public CancellationToken Aborted => Context.RequestAborted;

    /// <summary>A connection for the request's reads; commands begin their transaction on it.</summary>
    public ValueTask<NpgsqlConnection> OpenConnectionAsync() => DataSource.OpenConnectionAsync(Aborted);

    /// <summary>Contact details (email, intake answer) go to the person, the studio's facilitators and operators.</summary>
    public bool ShowsContact(Guid personId, string? viewerRole) =>
        personId == Me || StudioRoleRules.Manages(viewerRole) || IsOperator;
}
