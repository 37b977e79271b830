using Microsoft.Extensions.DependencyInjection.Extensions;
using Studios.Stewardship.Apis;
using Studios.Stewardship.Data;
using Studios.Stewardship.Health;
using Studios.Stewardship.Telemetry;

namespace Studios.Stewardship.Extensions;

public static class StewardshipExtensions
{
    /// <summary>Stewardship: studio registry and lifecycle, steward assignment, studio health: the services this API needs beyond the defaults.</summary>
    public static IHostApplicationBuilder AddStewardshipServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StewardshipOptions>().BindConfiguration(StewardshipOptions.Section);
        builder.Services.TryAddSingleton(new StewardshipClock(TimeProvider.System));

        builder.Services.AddSingleton<StudioRepository>();
        builder.Services.AddSingleton<StewardRepository>();
        builder.Services.AddSingleton<StewardAssigner>();
        builder.Services.AddSingleton<ActivityRepository>();
        builder.Services.AddSingleton<CheckInRepository>();
        builder.Services.AddSingleton<HealthRepository>();
        builder.Services.AddSingleton<OverviewRepository>();
        builder.Services.AddSingleton<HealthEvaluator>();

        builder.Services.AddSingleton<StewardshipMetrics>();
        builder.Services.AddSingleton<StudioCountsRefresher>();
        builder.Services.AddHostedService(services => services.GetRequiredService<StudioCountsRefresher>());
        builder.Services.AddSingleton<HealthSweep>();
        builder.Services.AddHostedService(services => services.GetRequiredService<HealthSweep>());
        return builder;
    }

    public static WebApplication MapStewardshipApi(this WebApplication app)
    {
        app.MapStudiosApi();
        app.MapStudioLifecycleApi();
        app.MapStudioStewardsApi();
        app.MapStewardsApi();
        app.MapCheckInsApi();
        app.MapFollowUpsApi();
        app.MapHealthApi();
        app.MapNetworkApi();
        return app;
    }
}
