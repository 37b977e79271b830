namespace Studios.Scheduling.Extensions;

public static class SchedulingExtensions
{
    /// <summary>Scheduling: recurring sessions, RSVPs, capacity, attendance, iCalendar feeds: the services this API needs beyond the defaults.</summary>
    public static IHostApplicationBuilder AddSchedulingServices(this IHostApplicationBuilder builder)
    {
        return builder;
    }

    public static WebApplication MapSchedulingApi(this WebApplication app)
    {
        return app;
    }
}
