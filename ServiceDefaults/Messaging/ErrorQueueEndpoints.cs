using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using System.Security.Claims;
using Studios.ServiceDefaults.Audit;
using Studios.ServiceDefaults.Http;
using Studios.ServiceDefaults.Identity;

namespace Studios.ServiceDefaults.Messaging;

/// <summary>Operators see the messages that failed their last retry, with the reason, and send them back to be
/// consumed once the cause is fixed. Every service has these, for its own queues only.</summary>
public static class ErrorQueueEndpoints
{
    public const string Path = "/api/operations/error-queues";

    public static IEndpointRouteBuilder MapErrorQueueEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(Path)
            .WithTags("Operations")
            .RequireAuthorization(StudiosPolicies.Operator);
        group.MapGet("", ListAsync).WithName("ListErrorQueues").WithSummary("List the error queues and their failed messages");
        group.MapPost("{queue}/requeue", RequeueAsync).WithName("RequeueErrorQueue")
            .WithSummary("Send an error queue's messages back to be consumed").ProducesProblems(404);
        return endpoints;
    }

    private static async Task<Ok<IReadOnlyList<ErrorQueue>>> ListAsync(ErrorQueues errorQueues, CancellationToken cancellationToken,
        int limit = 20) =>
        TypedResults.Ok(await errorQueues.ListAsync(Math.Clamp(limit, 0, 500), cancellationToken));

    private static async Task<Results<Ok<RequeueResult>, ProblemHttpResult>> RequeueAsync(string queue, ErrorQueues errorQueues,
        AuditTrail audit, ClaimsPrincipal user, CancellationToken cancellationToken, int limit = 1000)
    {
        var result = await errorQueues.RequeueAsync(queue, Math.Clamp(limit, 1, 100_000), cancellationToken);
        if (result is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"'{queue}' is not an error queue of this service.");
        }
        await audit.RecordAsync(new AuditEntry(user.PersonId(), AuditActions.ErrorQueueRequeued,
            Detail: new { result.Queue, result.RequeuedTo, result.Requeued }), CancellationToken.None);
        return TypedResults.Ok(result);
    }
}
