namespace Studios.Web.Services.Models;

/// <summary>A session series (Scheduling): its recurrence rule and what each of its sessions shares.</summary>
public sealed record Series(
    Guid Id, Guid StudioId, string Title, string Rule, DateOnly StartDate, TimeOnly StartTime, int DurationMinutes, string TimeZone,
    IReadOnlyList<DateOnly> ExceptionDates, string? Location, string? OnlineUrl, int Capacity, Guid? FacilitatorId);
