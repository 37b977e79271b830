using Studios.Web.Identity;

namespace Studios.Web.Services;

public static class ServiceClientsExtensions
{
    /// <summary>One typed client per service, found by service discovery ("http://stewardship": the AppHost's
    /// services__stewardship__http__0 or Kubernetes' DNS), each sending the signed-in person's token; the standard
    /// resilience handler comes from ServiceDefaults' HttpClient defaults.</summary>
    public static WebApplicationBuilder AddServiceClients(this WebApplicationBuilder builder)
    {
        builder.Services.AddTransient<AccessTokenHandler>();
        builder.Services.AddHttpClient<StewardshipClient>(http => http.BaseAddress = new Uri("http://stewardship"))
            .AddHttpMessageHandler<AccessTokenHandler>();
        builder.Services.AddHttpClient<MembershipClient>(http => http.BaseAddress = new Uri("http://membership"))
            .AddHttpMessageHandler<AccessTokenHandler>();
        builder.Services.AddHttpClient<SchedulingClient>(http => http.BaseAddress = new Uri("http://scheduling"))
            .AddHttpMessageHandler<AccessTokenHandler>();
        builder.Services.AddHttpClient<PracticeContentClient>(http => http.BaseAddress = new Uri("http://practice-content"))
            .AddHttpMessageHandler<AccessTokenHandler>();
        builder.Services.AddHttpClient<NotificationsClient>(http => http.BaseAddress = new Uri("http://notifications"))
            .AddHttpMessageHandler<AccessTokenHandler>();
        return builder;
    }
}
