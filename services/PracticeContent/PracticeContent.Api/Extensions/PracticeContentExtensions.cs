using Studios.ServiceDefaults.PersonalData;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http.Json;
using Studios.PracticeContent.Apis;
using Studios.PracticeContent.Data;
using Studios.PracticeContent.Telemetry;

namespace Studios.PracticeContent.Extensions;

public static class PracticeContentExtensions
{
    /// <summary>Practice-Content: practices, versions, session plans, reflections, search: the services this API needs beyond the defaults.</summary>
    public static IHostApplicationBuilder AddPracticeContentServices(this IHostApplicationBuilder builder)
    {
        // Markup typed by people is data: escape <, >, & and quotes in every JSON response so it cannot run even if a
        // response is ever mistaken for HTML (any other character is written as is).
        builder.Services.Configure<JsonOptions>(options =>
            options.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All));
        builder.Services.AddPersonalData(PracticeContentPersonalData.Sections);
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
        app.MapPracticesApi();
        app.MapSessionPlansApi();
        app.MapReflectionsApi();
        return app;
    }
}
