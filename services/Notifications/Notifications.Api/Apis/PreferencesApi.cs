using Microsoft.AspNetCore.Http.HttpResults;
using Studios.Notifications.Apis.Models;
using Studios.Notifications.Domain;

namespace Studios.Notifications.Apis;

public static class PreferencesApi
{
    public static IEndpointRouteBuilder MapPreferencesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/people/me/notification-preferences").WithTags("Preferences").RequireAuthorization();
        api.MapGet("/", GetPreferences).WithName("GetNotificationPreferences").WithSummary("Get the caller's notification preferences");
        api.MapPut("/", SetPreferences).WithName("SetNotificationPreferences")
            .WithSummary("Replace the caller's notification preferences").ProducesProblems(412);
        return app;
    }

    /// <summary>The signed-in person's preferences (the defaults until they choose); ETag = version.</summary>
    public static async Task<Ok<PreferencesResponse>> GetPreferences([AsParameters] NotificationsServices services)
    {
        await using var connection = await services.OpenConnectionAsync();
        var (preferences, version) = await services.Preferences.GetAsync(connection, services.Me, services.Aborted);
        ETags.Set(services.Context.Response, version);
        return TypedResults.Ok(PreferencesResponse.From(preferences));
    }

    /// <summary>Replaces the preferences (If-Match optional: stale is 412); reminders ahead are planned again at once.</summary>
    public static async Task<Results<Ok<PreferencesResponse>, ValidationProblem, ProblemHttpResult>> SetPreferences(
        PreferencesRequest request, [AsParameters] NotificationsServices services)
    {
        var errors = NotificationPreferences.Validate(request.Enabled, request.ReminderMinutesBefore);
        if (errors.Any) return Problems.Invalid(errors);
        var preferences = NotificationPreferences.From(request.Enabled, request.ReminderMinutesBefore);
        var (me, ct) = (services.Me, services.Aborted);

        await using var connection = await services.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var (_, version) = await services.Preferences.LockAsync(transaction, me, ct);
        if (!ETags.Matches(services.Context.Request, version)) return Problems.StaleVersion(ETags.For(version));
        var saved = await services.Preferences.SaveAsync(transaction, me, preferences, ct);
        await services.Reminders.PlanPersonAsync(transaction, me, ct);
        await transaction.CommitAsync(ct);

        ETags.Set(services.Context.Response, saved);
        return TypedResults.Ok(PreferencesResponse.From(preferences));
    }
}
