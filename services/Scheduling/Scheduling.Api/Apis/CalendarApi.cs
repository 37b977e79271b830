using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Studios.Scheduling.Domain;

namespace Studios.Scheduling.Apis;

/// <summary>iCalendar feeds: a studio's (for its members) and a person's at a secret, revocable URL, because
/// calendar apps cannot send bearer tokens.</summary>
public static class CalendarApi
{
    public static IEndpointRouteBuilder MapCalendarApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Calendars");
        api.MapGet("/studios/{studioId:guid}/calendar.ics", StudioFeedAsync).WithName("StudioCalendar")
            .WithSummary("Get a studio's iCalendar feed").ProducesProblems(404).RequireAuthorization();
        api.MapGet("/calendars/{token}.ics", PersonalFeedAsync).WithName("PersonalCalendar")
            .WithSummary("Get a person's iCalendar feed (the link's token is the credential)").ProducesProblems(404).AllowAnonymous();
        return app;
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> StudioFeedAsync(
        Guid studioId, ClaimsPrincipal user, [AsParameters] SchedulingServices services, CancellationToken ct)
    {
        await using var connection = await services.DataSource.OpenConnectionAsync(ct);
        var studio = await services.Studios.GetAsync(connection, studioId, ct: ct);
        if (studio is null) return Problems.NotFound("Studio");
        if (!(await services.AccessAsync(connection, user, studioId, ct: ct)).CanRead)
            return Problems.Forbidden("Only the studio's members, stewards and operators read its calendar.");
        return await FeedAsync(connection, services, studio.Name ?? "Studio", [studioId], ct);
    }

    /// <summary>Every series of the person's studios. An unknown or revoked token is simply not found.</summary>
    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> PersonalFeedAsync(
        string token, [AsParameters] SchedulingServices services, CancellationToken ct)
    {
        await using var connection = await services.DataSource.OpenConnectionAsync(ct);
        var personId = await services.CalendarTokens.PersonOfAsync(connection, token, ct);
        if (personId is null) return Problems.NotFound("Calendar");
        var studios = await services.Studios.OfMemberAsync(connection, personId.Value, ct);
        return await FeedAsync(connection, services, "My studio sessions", studios.Select(s => s.Id).ToList(), ct, personId);
    }

    /// <summary>A studio's feed, or a person's (<paramref name="person"/>): their declined sessions marked, their reminders.</summary>
    private static async Task<ContentHttpResult> FeedAsync(NpgsqlConnection connection, SchedulingServices services, string name,
        IReadOnlyList<Guid> studioIds, CancellationToken ct, Guid? person = null)
    {
        var series = studioIds.Count == 0 ? [] : await services.Series.OfStudiosAsync(connection, studioIds, ct);
        var seriesIds = series.Select(s => s.Id).ToList();
        var detached = series.Count == 0 ? [] : await services.Sessions.DetachedAsync(connection, seriesIds, ct);
        PersonalFeed? personal = null;
        if (person is { } personId)
        {
            var declined = series.Count == 0 ? [] : await services.Sessions.DeclinedAsync(connection, personId, seriesIds, ct);
            personal = new PersonalFeed(declined.Select(s => s.ToFeed()).ToList(),
                await services.CalendarTokens.ReminderMinutesAsync(connection, personId, ct));
        }
        var text = CalendarFeed.Write(name, series.Select(s => s.ToFeed()).ToList(), detached.Select(s => s.ToFeed()).ToList(), personal);
        return TypedResults.Text(text, CalendarFeed.ContentType);
    }
}
