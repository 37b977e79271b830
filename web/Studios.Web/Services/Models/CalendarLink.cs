namespace Studios.Web.Services.Models;

/// <summary>A personal calendar feed's address (Scheduling); shown once, as anyone holding it can read the feed.</summary>
public sealed record CalendarLink(string Token, string FeedUrl);
