using System.Net;
using Microsoft.AspNetCore.Http.HttpResults;
using Studios.Notifications.Domain;

namespace Studios.Notifications.Apis;

/// <summary>RFC 8058 one-click unsubscribe: the link in every mail's List-Unsubscribe header. No login: the token is the
/// secret. POST turns the mail's kind off; GET (a person clicking the link) only shows a button that POSTs, because mail
/// scanners follow links on their own.</summary>
public static class UnsubscribeApi
{
    public static IEndpointRouteBuilder MapUnsubscribeApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/unsubscribe").WithTags("Unsubscribe").AllowAnonymous();
        api.MapGet("/{token}", Confirm).WithName("ConfirmUnsubscribe").WithSummary("Show the unsubscribe confirmation page").ProducesProblems(404);
        api.MapPost("/{token}", Unsubscribe).WithName("Unsubscribe")
            .WithSummary("Unsubscribe in one click").ProducesProblems(404).DisableAntiforgery();
        return app;
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> Confirm(string token, [AsParameters] NotificationsServices services)
    {
        await using var connection = await services.OpenConnectionAsync();
        var link = token.Length <= UnsubscribeTokens.MaxLength
            ? await services.Unsubscribes.FindLinkAsync(connection, UnsubscribeTokens.Hash(token), services.Aborted) : null;
        if (link is null) return Problems.NotFound("Unsubscribe link");
        return Page($"""
            <p>Stop receiving <strong>{Describe(link.Kind)}</strong> emails from Studios?</p>
            <form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">Unsubscribe</button></form>
            """);
    }

    /// <summary>Turns the kind off for the person (their preferences) or, for an unregistered invitee, for the address.
    /// Unsubscribing again changes nothing.</summary>
    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> Unsubscribe(string token, [AsParameters] NotificationsServices services)
    {
        var ct = services.Aborted;
        await using var connection = await services.OpenConnectionAsync();
        var link = token.Length <= UnsubscribeTokens.MaxLength
            ? await services.Unsubscribes.FindLinkAsync(connection, UnsubscribeTokens.Hash(token), ct) : null;
        if (link is null) return Problems.NotFound("Unsubscribe link");

        await using var transaction = await connection.BeginTransactionAsync(ct);
        if (link.PersonId is { } personId)
        {
            var (preferences, _) = await services.Preferences.LockAsync(transaction, personId, ct);
            if (preferences.Allows(link.Kind))
            {
                await services.Preferences.SaveAsync(transaction, personId, preferences.Without(link.Kind), ct);
                await services.Reminders.PlanPersonAsync(transaction, personId, ct);
            }
        }
        else if (link.AddressHash is { } addressHash)
        {
            await services.Unsubscribes.OptOutAsync(transaction, addressHash, link.Kind, ct);
        }
        await transaction.CommitAsync(ct);
        return Page($"<p>You will no longer receive <strong>{Describe(link.Kind)}</strong> emails from Studios.</p>");
    }

    private static string Describe(string kind) => WebUtility.HtmlEncode(kind.Replace('-', ' '));

    private static ContentHttpResult Page(string body) => TypedResults.Content(
        $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Studios: unsubscribe</title></head><body>{body}</body></html>",
        "text/html; charset=utf-8");
}
