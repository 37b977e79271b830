using Microsoft.Extensions.DependencyInjection.Extensions;
using Studios.Scheduling.Apis;
using Studios.Scheduling.Data;
using Studios.Scheduling.Jobs;
using Studios.Scheduling.Telemetry;

namespace Studios.Scheduling.Extensions;

public static class SchedulingExtensions
{
    /// <summary>Scheduling: recurring sessions, RSVPs, capacity, attendance, iCalendar feeds: the services this API needs beyond the defaults.</summary>
    public static IHostApplicationBuilder AddSchedulingServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SchedulingOptions>().BindConfiguration(SchedulingOptions.Section)
            .Validate(o => o.Horizon > TimeSpan.Zero && o.MaterialiseInterval > TimeSpan.Zero && o.MaxSessionsInHorizon > 0,
                "Scheduling:Horizon, MaterialiseInterval and MaxSessionsInHorizon must be positive.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
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

        builder.Services.AddHostedService<MaterialisationJob>();
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
