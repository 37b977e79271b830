using Microsoft.AspNetCore.Http.HttpResults;

namespace Studios.Membership.Apis;

/// <summary>The problems Membership's endpoints share.</summary>
internal static class MembershipProblems
{
    public static ProblemHttpResult NotRegistered() =>
        Problems.Conflict("You are not registered.", "Register with POST /api/people first.");

    public static ProblemHttpResult StudioNotFound() => Problems.NotFound("Studio");

    public static ProblemHttpResult StudioNotOpen(string status) =>
        Problems.Conflict("The studio is not open for new members.", $"The studio is {status}.", new { studioStatus = status });

    public static ProblemHttpResult NotFacilitator() =>
        Problems.Forbidden("Only the studio's facilitators may do this.");

    public static ProblemHttpResult LastFacilitator() =>
        Problems.Conflict("A studio keeps at least one facilitator.",
            "Make another member facilitator first.");

    /// <summary>The caller claimed the address the invitation went to but has not opened the link mailed to it yet.</summary>
    public static ProblemHttpResult EmailNotVerified() =>
        TypedResults.Problem(title: "Verify your email address first.",
            detail: "Open the link we mailed to your address (or ask for a new one with POST /api/people/me/email-verification), then accept again.",
            statusCode: StatusCodes.Status403Forbidden, extensions: new Dictionary<string, object?> { ["reason"] = "email-not-verified" });
}
