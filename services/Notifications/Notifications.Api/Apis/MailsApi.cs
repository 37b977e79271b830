using Microsoft.AspNetCore.Http.HttpResults;
using Studios.Notifications.Apis.Models;
using Studios.Notifications.Data;
using Studios.Notifications.Domain;

namespace Studios.Notifications.Apis;

/// <summary>For operators: the mails (failed ones first of all) and sending failed ones again. Never addresses or content.</summary>
public static class MailsApi
{
    public static IEndpointRouteBuilder MapMailsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/operations/mails").WithTags("Mails").RequireAuthorization(StudiosPolicies.Operator);
        api.MapGet("/", ListMails).WithName("ListMails").WithSummary("List mails sent and failed");
        api.MapPost("/{id:guid}/resend", Resend).WithName("ResendMail").WithSummary("Send a failed mail again").ProducesProblems(404, 409);
        api.MapPost("/resend-failed", ResendFailed).WithName("ResendFailedMails").WithSummary("Send every failed mail again");
        return app;
    }

    /// <summary>Mails by status (pending, sent, failed, skipped; all when absent), oldest first, a page at a time.</summary>
    public static async Task<Results<Ok<Page<MailResponse>>, ValidationProblem>> ListMails(
        string? status, string? cursor, int? limit, [AsParameters] NotificationsServices services)
    {
        var errors = new FieldErrors().Check(status is null || MailStatus.IsKnown(status), "status",
            $"must be one of: {string.Join(", ", MailStatus.All)}.");
        var page = Paging.Read<MailCursor>(cursor, limit, errors);
        if (errors.Any) return Problems.Invalid(errors);

        await using var connection = await services.OpenConnectionAsync();
        var rows = await services.Mails.ListAsync(connection, status, page.After, page.Limit, services.Aborted);
        var found = Cursor.ToPage(rows, page.Limit, row => new MailCursor(row.CreatedAt, row.Id));
        return TypedResults.Ok(new Page<MailResponse>(found.Items.Select(MailResponse.From).ToList(), found.NextCursor));
    }

    /// <summary>A failed mail is sent again with a fresh count of attempts; a pending one is already on its way; a sent or
    /// skipped one is 409.</summary>
    public static async Task<Results<Accepted<MailResponse>, ProblemHttpResult>> Resend(Guid id, [AsParameters] NotificationsServices services)
    {
        var ct = services.Aborted;
        await using var connection = await services.OpenConnectionAsync();
        await using (var transaction = await connection.BeginTransactionAsync(ct))
        {
            var before = await services.Mails.ResendAsync(transaction, id, services.Time.GetUtcNow(), ct);
            if (before is null) return Problems.NotFound("Mail");
            if (before is MailStatus.Sent or MailStatus.Skipped)
                return Problems.Conflict($"This mail was {before}; only failed mails are sent again.", currentState: new { status = before });
            await services.Audit.RecordAsync(transaction, new AuditEntry(services.Me, AuditActions.MailResent,
                Detail: new { mailId = id, previousStatus = before }), ct);
            await transaction.CommitAsync(ct);
        }
        var mail = (await services.Mails.FindAsync(connection, id, ct))!;
        return TypedResults.Accepted($"/api/operations/mails/{id}", MailResponse.From(mail));
    }

    public static async Task<Ok<ResendResponse>> ResendFailed([AsParameters] NotificationsServices services)
    {
        var ct = services.Aborted;
        await using var connection = await services.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var resent = await services.Mails.ResendFailedAsync(transaction, services.Time.GetUtcNow(), ct);
        await services.Audit.RecordAsync(transaction, new AuditEntry(services.Me, AuditActions.FailedMailsResent,
            Detail: new { resent }), ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Ok(new ResendResponse(resent));
    }
}
