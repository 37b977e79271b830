using Studios.ServiceDefaults.PersonalData;
using Studios.Scheduling.Apis;
using Studios.Scheduling.Data;
using Studios.Scheduling.Features;
using Studios.Scheduling.Jobs;
using Studios.Scheduling.Telemetry;
using Studios.ServiceDefaults.Jobs;
using Studios.ServiceDefaults.Options;

namespace Studios.Scheduling.Extensions;

public static class SchedulingExtensions
{
    /// <summary>Scheduling: recurring sessions, RSVPs, capacity, attendance, iCalendar feeds: the services this API needs beyond the defaults.</summary>
    public static IHostApplicationBuilder AddSchedulingServices(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<SchedulingOptions>(SchedulingOptions.Section);
        builder.Services.AddPersonalData(SchedulingPersonalData.Sections);
        builder.Services.AddSingleton<SchedulingMetrics>();

        builder.Services.AddSingleton<StudioRepository>();
        builder.Services.AddSingleton<SeriesRepository>();
        builder.Services.AddSingleton<SessionRepository>();
        builder.Services.AddSingleton<RsvpRepository>();
        builder.Services.AddSingleton<AttendanceRepository>();
        builder.Services.AddSingleton<PlanRepository>();
        builder.Services.AddSingleton<CalendarTokenRepository>();
        builder.Services.AddSingleton<Waitlist>();
        builder.Services.AddSingleton<Cancellations>();
        builder.Services.AddSingleton<Materialiser>();
        builder.Services.AddSingleton<SeriesChanges>();

        builder.Services.AddIntervalJob<MaterialisationJob>();
        return builder;
    }

    public static WebApplication MapSchedulingApi(this WebApplication app)
    {
        app.MapSeriesApi();
        app.MapSessionsApi();
        app.MapRsvpsApi();
        app.MapAttendanceApi();
        app.MapPeopleApi();
        app.MapCalendarApi();
        return app;
    }
}
