using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Http.HttpResults;
using Studios.Membership.Apis.Models;
using Studios.Membership.Contracts;
using Studios.Membership.Domain;

namespace Studios.Membership.Apis;

/// <summary>Email verification: the link mailed to an address a person gave. No login: the token is the secret. GET (a
/// person clicking the link in the mail) only shows a button that POSTs, because mail scanners follow links on their own
/// and must not verify a claim for whoever gave the address; POST verifies.</summary>
public static class EmailVerificationsApi
{
    public static IEndpointRouteBuilder MapEmailVerificationsApi(this IEndpointRouteBuilder app)
    {
        var links = app.MapGroup("/api/email-verifications").WithTags("EmailVerification").AllowAnonymous();
        links.MapGet("/{token}", Confirm).WithName("ConfirmEmailVerification")
            .WithSummary("The page a verification link opens: a button that verifies (GET changes nothing).");
        links.MapPost("/{token}", Verify).WithName("VerifyEmail").DisableAntiforgery()
            .WithSummary("Verifies the address the link was mailed to: it becomes the person's, other claims to it are dropped.");

        var mine = app.MapGroup("/api/people/me/email-verification").WithTags("EmailVerification").RequireAuthorization();
        mine.MapPost("/", MailAgain).WithName("RequestEmailVerification")
            .WithSummary("Mails the caller's unverified address a new verification link (limited to one per interval).");
        return app;
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> Confirm(string token, [AsParameters] MembershipServices services)
    {
        if (token.Length > LinkTokens.MaxLength) return Problems.NotFound("Verification link");
        await using var connection = await services.OpenConnectionAsync();
        var link = await services.Verifications.FindLinkAsync(connection, LinkTokens.Hash(token), services.Aborted);
        if (link is null) return Problems.NotFound("Verification link");
        return Page($"""
            <p>Confirm that <strong>{WebUtility.HtmlEncode(link.Email)}</strong> is your address for Studios?</p>
            <form method="post"><input type="hidden" name="confirm" value="yes"><button type="submit">Confirm my address</button></form>
            """);
    }

    /// <summary>Makes the link's address the person's verified address; every other claim to it is dropped. A form post (the
    /// confirmation page's button) gets a page, any other client JSON.</summary>
    public static async Task<Results<Ok<EmailVerificationResponse>, ContentHttpResult, ProblemHttpResult>> Verify(
        string token, [AsParameters] MembershipServices services)
    {
        if (token.Length > LinkTokens.MaxLength) return Problems.NotFound("Verification link");
        var (hash, now, ct) = (LinkTokens.Hash(token), services.Time.GetUtcNow(), services.Aborted);

        await using var connection = await services.DataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var found = await services.Verifications.FindLinkAsync(connection, hash, ct);
        if (found is null) return Problems.NotFound("Verification link");
        // Person, then link, then claim: the order registration and profile changes lock them in too.
        var person = await services.People.LockAsync(transaction, found.PersonId, exclusive: true, ct);
        var link = await services.Verifications.LockLinkAsync(transaction, hash, ct);
        var claim = await services.Verifications.LockClaimAsync(transaction, found.PersonId, ct);
        if (person is null || person.IsErased || link is null) return NoLongerValid();
        switch (EmailVerificationRules.StatusOf(link.UsedAt, link.ExpiresAt, link.Email, claim?.Email, now))
        {
            case EmailVerificationRules.Used:
                return Problems.Gone("This link was already used.", "Each verification link works once.");
            case EmailVerificationRules.Expired:
                return Problems.Gone("This link has expired.",
                    "Sign in and ask for a new one (POST /api/people/me/email-verification).");
            case EmailVerificationRules.Superseded:
                return NoLongerValid();
        }
        if (await services.People.FindIdByEmailAsync(transaction, link.Email, ct) is { } owner && owner != person.Id)
            return AlreadyVerifiedElsewhere();
        try
        {
            await services.People.SetVerifiedEmailAsync(transaction, person.Id, link.Email, now, ct);
        }
        catch (PostgresException exception) when (exception is
            { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: Data.PeopleRepository.EmailConstraint })
        {
            return AlreadyVerifiedElsewhere();
        }
        await services.Verifications.DeleteClaimAsync(transaction, person.Id, ct);
        await services.Verifications.MarkLinkUsedAsync(transaction, hash, now, ct);
        await services.Verifications.DropOtherClaimsAsync(transaction, link.Email, person.Id, ct);
        // Invitations sent to the address now reach the person (and those to an address they left no longer do).
        await services.Memberships.SyncInvitationsAsync(transaction, person.Id, link.Email, now, ct);
        await services.Outbox.EnqueueAsync(transaction, new PersonEmailVerified(person.Id, link.Email, now), ct);
        await transaction.CommitAsync(ct);

        if (services.Context.Request.HasFormContentType)
            return Page($"<p><strong>{WebUtility.HtmlEncode(link.Email)}</strong> is verified: it is your address for Studios now.</p>");
        return TypedResults.Ok(new EmailVerificationResponse(link.Email, now, null));
    }

    /// <summary>Mails the person's unverified address a new link, at most once per Membership:EmailVerificationResendInterval.</summary>
    public static async Task<Results<Accepted<EmailVerificationResponse>, ProblemHttpResult>> MailAgain([AsParameters] MembershipServices services)
    {
        var (me, now, ct) = (services.Me, services.Time.GetUtcNow(), services.Aborted);
        await using var connection = await services.DataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var person = await services.People.LockAsync(transaction, me, exclusive: true, ct);
        if (person is null || person.IsErased) return MembershipProblems.NotRegistered();
        var claim = await services.Verifications.LockClaimAsync(transaction, me, ct);
        if (claim is null)
            return person.Email is null
                ? Problems.Conflict("You have no address to verify.", "Give one with PUT /api/people/me.", new { emailVerified = false })
                : Problems.Conflict("Your address is already verified.", currentState: new { emailVerified = true });

        var wait = EmailVerificationRules.WaitBeforeMailing(claim.MailedAt, services.Options.Value.EmailVerificationResendInterval, now);
        if (wait > TimeSpan.Zero)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            services.Context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return TypedResults.Problem(title: "The verification mail was sent a moment ago.",
                detail: $"Look for it in your mailbox; you can ask again in {seconds} s.", statusCode: StatusCodes.Status429TooManyRequests,
                extensions: new Dictionary<string, object?> { ["retryAfterSeconds"] = seconds });
        }
        var expiresAt = await services.EmailVerifications.ClaimAsync(transaction, me, claim.Email, now, ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Accepted((string?)null, new EmailVerificationResponse(claim.Email, null, expiresAt));
    }

    private static ProblemHttpResult NoLongerValid() => Problems.Gone("This link no longer works.",
        "The address was changed, or verified for another account, since the link was sent.");

    private static ProblemHttpResult AlreadyVerifiedElsewhere() => Problems.Conflict(
        "This address is already verified for another account.", "Sign in with that account, or give another address.");

    private static ContentHttpResult Page(string body) => TypedResults.Content(
        $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Studios: your email address</title></head><body>{body}</body></html>",
        "text/html; charset=utf-8");
}
