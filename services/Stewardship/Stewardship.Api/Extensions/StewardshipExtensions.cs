using Studios.ServiceDefaults.PersonalData;
using Studios.Stewardship.Apis;
using Studios.Stewardship.Data;
using Studios.ServiceDefaults.Jobs;
using Studios.ServiceDefaults.Options;
using Studios.Stewardship.Features;
using Studios.Stewardship.Jobs;
using Studios.Stewardship.Telemetry;

namespace Studios.Stewardship.Extensions;

public static class StewardshipExtensions
{
    /// <summary>Stewardship: studio registry and lifecycle, steward assignment, studio health: the services this API needs beyond the defaults.</summary>
    public static IHostApplicationBuilder AddStewardshipServices(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<StewardshipOptions>(StewardshipOptions.Section);

        builder.Services.AddPersonalData(StewardshipPersonalData.Sections);
        builder.Services.AddSingleton<StudioRepository>();
        builder.Services.AddSingleton<StewardRepository>();
        builder.Services.AddSingleton<PeopleRepository>();
        builder.Services.AddSingleton<StewardAssigner>();
        builder.Services.AddSingleton<ActivityRepository>();
        builder.Services.AddSingleton<CheckInRepository>();
        builder.Services.AddSingleton<StudioHealthRepository>();
        builder.Services.AddSingleton<OverviewRepository>();
        builder.Services.AddSingleton<StudioDiscoveryRepository>();
        builder.Services.AddSingleton<StudioHealthEvaluator>();

        builder.Services.AddSingleton<StewardshipMetrics>();
        builder.Services.AddSingleton<NetworkFiguresSnapshot>();
        builder.Services.AddIntervalJob<StudioCountsRefresher>();
        builder.Services.AddIntervalJob<StudioHealthSweep>();
        return builder;
    }

    public static WebApplication MapStewardshipApi(this WebApplication app)
    {
        app.MapStudiosApi();
        app.MapStudioDiscoveryApi();
        app.MapStudioLifecycleApi();
        app.MapStudioStewardsApi();
        app.MapStewardsApi();
        app.MapCheckInsApi();
        app.MapFollowUpsApi();
        app.MapStudioHealthApi();
        app.MapNetworkApi();
        return app;
    }
}
