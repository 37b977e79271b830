namespace Studios.Scheduling.Apis.Models;

/// <summary>A personal feed URL for calendar apps; anyone holding it can read the feed, so it is shown only once.</summary>
public sealed record CalendarTokenResult(string Token, string FeedUrl);
