using Microsoft.AspNetCore.Http.HttpResults;
using System.Security.Claims;
using Microsoft.Extensions.Options;
using Studios.Scheduling.Data;
using Studios.Scheduling.Domain;
using Studios.Scheduling.Extensions;
using Studios.Scheduling.Telemetry;
using Studios.ServiceDefaults.Identity;
using Studios.Scheduling.Features;

namespace Studios.Scheduling.Apis;

/// <summary>What the Scheduling endpoints need, gathered for [AsParameters].</summary>
public sealed record SchedulingServices(
    NpgsqlDataSource DataSource,
    Outbox Outbox,
    StudioRepository Studios,
    SeriesRepository Series,
    SessionRepository Sessions,
    RsvpRepository Rsvps,
    AttendanceRepository Attendance,
    PlanRepository Plans,
    CalendarTokenRepository CalendarTokens,
    Materialiser Materialiser,
    SeriesChanges SeriesChanges,
    Cancellations Cancellations,
    Waitlist Waitlist,
    SchedulingMetrics Metrics,
    IOptions<SchedulingOptions> Options,
    TimeProvider Time)
{
    public DateTimeOffset Now => Time.GetUtcNow();

    /// <summary>What the caller may do in the studio, from the local roster.</summary>
    public async Task<StudioAccess> AccessAsync(NpgsqlConnection connection, ClaimsPrincipal user, Guid studioId,
        NpgsqlTransaction? tx = null, CancellationToken ct = default) =>
        StudioAccess.For(user, await Studios.RoleAsync(connection, studioId, user.PersonId(), tx, ct));

    /// <summary>The [from, to) window a session list asks for: now to the horizon by default, at most a year.</summary>
    public bool Window(DateTimeOffset? from, DateTimeOffset? to,
        out DateTimeOffset start, out DateTimeOffset end, out ValidationProblem? problem)
    {
        start = from ?? Now;
        end = to ?? start + Options.Value.Horizon;
        problem = null;
        if (end <= start) problem = Problems.Invalid("to", "must be after from.");
        else if (end - start > SessionsApi.MaxListRange) problem = Problems.Invalid("to", $"must be at most {SessionsApi.MaxListRange.TotalDays:0} days after from.");
        return problem is null;
    }
}
