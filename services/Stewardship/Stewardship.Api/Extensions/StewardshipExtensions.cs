namespace Studios.Stewardship.Extensions;

public static class StewardshipExtensions
{
    /// <summary>Stewardship: studio registry and lifecycle, steward assignment, studio health, alerts: the services this API needs beyond the defaults.</summary>
    public static IHostApplicationBuilder AddStewardshipServices(this IHostApplicationBuilder builder)
    {
        return builder;
    }

    public static WebApplication MapStewardshipApi(this WebApplication app)
    {
        return app;
    }
}
