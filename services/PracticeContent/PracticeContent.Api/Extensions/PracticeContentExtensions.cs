namespace Studios.PracticeContent.Extensions;

public static class PracticeContentExtensions
{
    /// <summary>Practice-Content: practices, versions, session plans, reflections, search: the services this API needs beyond the defaults.</summary>
    public static IHostApplicationBuilder AddPracticeContentServices(this IHostApplicationBuilder builder)
    {
        return builder;
    }

    public static WebApplication MapPracticeContentApi(this WebApplication app)
    {
        return app;
    }
}
