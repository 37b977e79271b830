namespace Studios.Scheduling.Apis.Models;

/// <summary>A personal feed URL for calendar apps; anyone holding it can read the feed, so it is shown only once.</summary>
public sealed record CalendarTokenResult(string Token, string FeedUrl)
{
    /// <summary>Where the personal feed of <paramref name="token"/> is served (CalendarApi).</summary>
    public static string FeedPath(string token) => $"/api/calendars/{token}.ics";
}
