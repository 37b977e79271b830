using Studios.PracticeContent.Apis;
using Studios.PracticeContent.Data;
using Studios.PracticeContent.Telemetry;

namespace Studios.PracticeContent.Extensions;

public static class PracticeContentExtensions
{
    /// <summary>Practice-Content: practices, versions, session plans, reflections, search: the services this API needs beyond the defaults.</summary>
    public static IHostApplicationBuilder AddPracticeContentServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<PracticeContentMetrics>();
        builder.Services.AddSingleton<PracticeRepository>();
        builder.Services.AddSingleton<PracticeSearch>();
        builder.Services.AddSingleton<StudioRepository>();
        builder.Services.AddSingleton<UsageRepository>();
        builder.Services.AddSingleton<SessionPlanRepository>();
        builder.Services.AddSingleton<ReflectionRepository>();
        builder.Services.AddSingleton<ErasureRepository>();
        return builder;
    }

    public static WebApplication MapPracticeContentApi(this WebApplication app)
    {
        app.UseApiResponseHeaders();
        app.MapPracticesApi();
        app.MapSessionPlansApi();
        app.MapReflectionsApi();
        return app;
    }
}
