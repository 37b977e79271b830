using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Studios.Scheduling.Apis.Models;
using Studios.ServiceDefaults.Identity;

namespace Studios.Scheduling.Apis;

/// <summary>The signed-in person's sessions across their studios, and their personal calendar feed token.</summary>
public static class PeopleApi
{
    public static IEndpointRouteBuilder MapPeopleApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/people/me").WithTags("People").RequireAuthorization();
        api.MapGet("/sessions", ListSessionsAsync).WithName("ListMySessions").WithSummary("List the caller's sessions");
        api.MapPost("/calendar-token", RotateTokenAsync).WithName("RotateCalendarToken").WithSummary("Create or replace the caller's calendar link");
        api.MapDelete("/calendar-token", RevokeTokenAsync).WithName("RevokeCalendarToken")
            .WithSummary("Revoke the caller's calendar link").ProducesProblems(404);
        api.MapGet("/calendar-preferences", GetCalendarPreferencesAsync).WithName("GetCalendarPreferences")
            .WithSummary("Read whether the caller's calendar feed carries reminders");
        api.MapPut("/calendar-preferences", SetCalendarPreferencesAsync).WithName("SetCalendarPreferences")
            .WithSummary("Turn the reminders in the caller's calendar feed on or off");
        return app;
    }

    /// <summary>Sessions of every studio the person belongs to, starting in [from, to), with their own RSVP.</summary>
    public static async Task<Results<Ok<Page<SessionResponse>>, ValidationProblem>> ListSessionsAsync(
        DateTimeOffset? from, DateTimeOffset? to, string? cursor, int? limit, ClaimsPrincipal user,
        [AsParameters] SchedulingServices services, CancellationToken ct)
    {
        if (!services.Window(from, to, out var start, out var end, out var problem)) return problem!;
        var errors = new FieldErrors();
        var (after, take) = Paging.Read<Data.SessionKey>(cursor, limit, errors);
        if (errors.Any) return Problems.Invalid(errors);
        await using var connection = await services.DataSource.OpenConnectionAsync(ct);
        var studios = await services.Studios.OfMemberAsync(connection, user.PersonId(), ct);
        var rows = studios.Count == 0 ? [] :
            await services.Sessions.ListAsync(connection, studios.Select(s => s.Id).ToList(), start, end, after, take, user.PersonId(), ct);
        return TypedResults.Ok(SessionResponse.PageOf(rows, take));
    }

    /// <summary>Issues a new feed token; the previous one stops working at once.</summary>
    public static async Task<Created<CalendarTokenResult>> RotateTokenAsync(
        ClaimsPrincipal user, HttpRequest request, [AsParameters] SchedulingServices services, CancellationToken ct)
    {
        await using var connection = await services.DataSource.OpenConnectionAsync(ct);
        var token = await services.CalendarTokens.IssueAsync(connection, user.PersonId(), ct);
        // Absolute: a calendar app is given the address on its own, with nothing to resolve it against.
        var baseUrl = services.Options.Value.PublicBaseUrl is { Length: > 0 } configured
            ? configured.TrimEnd('/') : $"{request.Scheme}://{request.Host}{request.PathBase}";
        var url = baseUrl + CalendarTokenResult.FeedPath(token);
        return TypedResults.Created(url, new CalendarTokenResult(token, url));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RevokeTokenAsync(
        ClaimsPrincipal user, [AsParameters] SchedulingServices services, CancellationToken ct)
    {
        await using var connection = await services.DataSource.OpenConnectionAsync(ct);
        return await services.CalendarTokens.RevokeAsync(connection, user.PersonId(), ct)
            ? TypedResults.NoContent()
            : Problems.NotFound("Calendar token");
    }

    public static async Task<Ok<CalendarPreferences>> GetCalendarPreferencesAsync(
        ClaimsPrincipal user, [AsParameters] SchedulingServices services, CancellationToken ct)
    {
        await using var connection = await services.DataSource.OpenConnectionAsync(ct);
        return TypedResults.Ok(new CalendarPreferences(await services.CalendarTokens.ReminderMinutesAsync(connection, user.PersonId(), ct)));
    }

    /// <summary>Reminders on (minutes before) or off (null); calendar apps see the change at their next refresh.</summary>
    public static async Task<Results<Ok<CalendarPreferences>, ValidationProblem>> SetCalendarPreferencesAsync(
        CalendarPreferences request, ClaimsPrincipal user, [AsParameters] SchedulingServices services, CancellationToken ct)
    {
        if (request.ReminderMinutesBefore is < 0 or > Data.CalendarTokenRepository.MaxReminderMinutes)
            return Problems.Invalid(new FieldErrors().Add("reminderMinutesBefore",
                $"must be between 0 and {Data.CalendarTokenRepository.MaxReminderMinutes} minutes, or null for no reminder."));
        await using var connection = await services.DataSource.OpenConnectionAsync(ct);
        await services.CalendarTokens.SetReminderMinutesAsync(connection, user.PersonId(), request.ReminderMinutesBefore, ct);
        return TypedResults.Ok(request);
    }
}
