using Studios.ServiceDefaults.PersonalData;
using Studios.Notifications.Apis;
using Studios.Notifications.Data;
using Studios.Notifications.Features;
using Studios.Notifications.Jobs;
using Studios.Notifications.Telemetry;
using Studios.ServiceDefaults.Jobs;
using Studios.ServiceDefaults.Options;

namespace Studios.Notifications.Extensions;

public static class NotificationsExtensions
{
    /// <summary>Notifications: mails about what happens elsewhere, once each: the services this API needs beyond the defaults.</summary>
    public static IHostApplicationBuilder AddNotificationsServices(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<NotificationsOptions>(NotificationsOptions.Section)
            .Configure<IConfiguration>((options, configuration) => options.MailServer = configuration.GetConnectionString("mail"));
        builder.Services.AddPersonalData(NotificationsPersonalData.Sections);
        builder.Services.AddSingleton<NotificationsMetrics>();

        builder.Services.AddSingleton<PeopleRepository>();
        builder.Services.AddSingleton<StudioRepository>();
        builder.Services.AddSingleton<SessionRepository>();
        builder.Services.AddSingleton<FollowUpRepository>();
        builder.Services.AddSingleton<PreferenceRepository>();
        builder.Services.AddSingleton<UnsubscribeRepository>();
        builder.Services.AddSingleton<ReminderRepository>();
        builder.Services.AddSingleton<MailRepository>();
        builder.Services.AddSingleton<Notifier>();
        builder.Services.AddSingleton<Reminders>();
        builder.Services.AddSingleton<MailComposer>();

        builder.Services.AddIntervalJob<MailDelivery>();
        builder.Services.AddIntervalJob<ReminderDispatch>();
        builder.Services.AddIntervalJob<StewardDigests>();
        builder.Services.AddIntervalJob<NotificationsHousekeeping>();
        return builder;
    }

    public static WebApplication MapNotificationsApi(this WebApplication app)
    {
        app.MapPreferencesApi();
        app.MapUnsubscribeApi();
        app.MapMailsApi();
        return app;
    }
}
