using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Studios.Scheduling.Apis.Models;
using Studios.Scheduling.Contracts;
using Studios.Scheduling.Data;
using Studios.Scheduling.Domain;
using Studios.ServiceDefaults.Identity;

namespace Studios.Scheduling.Apis;

/// <summary>Attendance, recorded by the studio's facilitators once a session has started. Recording again corrects:
/// each person has one status per session, and SessionHeld always carries the full counts.</summary>
public static class AttendanceApi
{
    public const int MaxEntries = 1000;

    public static IEndpointRouteBuilder MapAttendanceApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Attendance").RequireAuthorization();
        api.MapPut("/sessions/{id:guid}/attendance", RecordAsync).WithName("RecordAttendance")
            .WithSummary("Record who attended a session").ProducesProblems(404, 409);
        api.MapGet("/sessions/{id:guid}/attendance", GetAsync).WithName("GetAttendance")
            .WithSummary("Get a session's attendance").ProducesProblems(404);
        return app;
    }

    public static async Task<Results<Ok<AttendanceResult>, ValidationProblem, ProblemHttpResult>> RecordAsync(
        Guid id, AttendanceRequest request, ClaimsPrincipal user, [AsParameters] SchedulingServices services, CancellationToken ct)
    {
        var entries = request.Entries ?? [];
        var errors = new FieldErrors();
        if (entries.Count == 0) errors.Add("entries", "must list at least one person.");
        if (entries.Count > MaxEntries) errors.Add("entries", $"must list at most {MaxEntries} people.");
        for (var i = 0; i < entries.Count && i < MaxEntries; i++)
        {
            if (entries[i].PersonId is null || entries[i].PersonId == Guid.Empty) errors.Add($"entries[{i}].personId", "is required.");
            if (entries[i].Status is null) errors.Add($"entries[{i}].status", "is required: present, late, excused or absent.");
        }
        var duplicate = entries.Where(e => e.PersonId is not null).GroupBy(e => e.PersonId).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) errors.Add("entries", $"lists {duplicate.Key} more than once.");
        if (errors.Any) return Problems.Invalid(errors);

        var me = user.PersonId();
        var now = services.Now;
        await using var connection = await services.DataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var session = await services.Sessions.LockAsync(tx, id, ct);
        if (session is null) return Problems.NotFound("Session");
        if (!(await services.AccessAsync(connection, user, session.StudioId, tx, ct)).CanManage)
            return Problems.Forbidden("Only the studio's facilitators record attendance.");
        if (session.IsCancelled)
            return Problems.Conflict("The session is cancelled.", currentState: new { status = session.Status, reason = session.CancelReason });
        if (session.Start > now)
            return Problems.Conflict("Attendance can be recorded once the session has started.", currentState: new { startsAt = session.Start });

        var people = entries.Select(e => e.PersonId!.Value).ToList();
        var eligible = await services.Attendance.EligibleAsync(tx, id, session.StudioId, people, ct);
        for (var i = 0; i < people.Count; i++)
        {
            if (!eligible.Contains(people[i])) errors.Add($"entries[{i}].personId", "is not a member of the studio.");
        }
        if (errors.Any) return Problems.Invalid(errors);

        var changed = false;
        foreach (var entry in entries)
        {
            var status = Kebab.Of(entry.Status!.Value);
            if (!await services.Attendance.UpsertAsync(tx, id, entry.PersonId!.Value, status, me, ct)) continue;
            changed = true;
            await services.Outbox.EnqueueAsync(tx, new AttendanceRecorded(id, session.StudioId, entry.PersonId.Value, status,
                session.Start, now), ct);
        }

        var rows = await services.Attendance.ListAsync(connection, id, tx, ct);
        var tally = AttendanceTally.Of(rows.Select(r => Kebab.Parse<AttendanceStatus>(r.Status)));
        if (changed)
        {
            var firstTime = await services.Sessions.MarkHeldAsync(tx, id, ct);
            var plan = session.PlanId is { } planId ? await services.Plans.GetAsync(connection, planId, tx, ct) : null;
            var practices = plan is null ? [] : PlanRepository.Practices(plan).Select(p => new PracticeUsed(p.PracticeId, p.Version)).ToList();
            await services.Outbox.EnqueueAsync(tx, new SessionHeld(id, session.StudioId, session.Start, tally.Present, tally.Late,
                tally.Excused, tally.Absent, plan?.Id, practices, now), ct);
            await tx.CommitAsync(ct);
            if (firstTime) services.Metrics.Held(tally.Rate);
        }
        else
        {
            await tx.CommitAsync(ct);
        }
        return TypedResults.Ok(Result(id, tally, rows));
    }

    public static async Task<Results<Ok<AttendanceResult>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, [AsParameters] SchedulingServices services, CancellationToken ct)
    {
        await using var connection = await services.DataSource.OpenConnectionAsync(ct);
        var session = await services.Sessions.GetAsync(connection, id, ct: ct);
        if (session is null) return Problems.NotFound("Session");
        var access = await services.AccessAsync(connection, user, session.StudioId, ct: ct);
        if (!access.CanManage && !access.StewardOrOperator)
            return Problems.Forbidden("Only the studio's facilitators, stewards and operators read attendance.");
        var rows = await services.Attendance.ListAsync(connection, id, ct: ct);
        return TypedResults.Ok(Result(id, AttendanceTally.Of(rows.Select(r => Kebab.Parse<AttendanceStatus>(r.Status))), rows));
    }

    private static AttendanceResult Result(Guid id, AttendanceTally tally, IReadOnlyList<AttendanceRow> rows) =>
        new(id, tally.Present, tally.Late, tally.Excused, tally.Absent, tally.Rate,
            rows.Select(r => new AttendanceEntry(r.PersonId, Kebab.Parse<AttendanceStatus>(r.Status))).ToList());
}
