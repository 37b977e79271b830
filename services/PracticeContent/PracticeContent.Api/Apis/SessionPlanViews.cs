using System.Security.Claims;
using Studios.PracticeContent.Data;
using Studios.PracticeContent.Domain;

using Studios.PracticeContent.Apis.Models;

namespace Studios.PracticeContent.Apis;

/// <summary>Plan responses, access rules that need the roster, and pinned-version checks.</summary>
internal static class SessionPlanViews
{
    /// <summary>Templates: their author, and (once published) everyone. Studio plans: the studio's facilitators, stewards
    /// and operators; other members once published.</summary>
    public static async Task<bool> MayReadAsync(NpgsqlConnection connection, SessionPlanRow plan, ClaimsPrincipal user,
        SessionPlanServices services, CancellationToken ct)
    {
        var caller = user.PersonId();
        if (plan.AuthorId == caller || user.IsStewardOrOperator()) return true;
        if (plan.PlanKind == PlanKind.Template) return plan.PublishedAt is not null;
        var role = await services.Studios.RoleAsync(connection, plan.StudioId!.Value, caller, ct);
        return role is not null && (RosterRules.Facilitates(role) || plan.PublishedAt is not null);
    }

    /// <summary>Templates: their author (and stewards, who curate the network's). Studio plans: the studio's facilitators.</summary>
    public static async Task<bool> MayEditAsync(NpgsqlConnection connection, SessionPlanRow plan, ClaimsPrincipal user,
        SessionPlanServices services, CancellationToken ct, NpgsqlTransaction? transaction = null) =>
        plan.PlanKind == PlanKind.Template
            ? plan.AuthorId == user.PersonId() || user.IsInRole(StudiosRoles.Steward)
            : await services.Studios.FacilitatesAsync(connection, plan.StudioId!.Value, user.PersonId(), ct, transaction);

    /// <summary>Adds an error for every pinned version that was never published.</summary>
    public static async Task CheckPinsAsync(NpgsqlConnection connection, SessionPlanContent content, FieldErrors errors,
        SessionPlanServices services, CancellationToken ct)
    {
        var pins = content.Steps.Where(step => step.IsPractice).Select(step => (step.PracticeId!.Value, step.Version!.Value)).ToList();
        var existing = await services.Practices.ExistingVersionsAsync(connection, pins, ct);
        for (var i = 0; i < content.Steps.Count; i++)
        {
            var step = content.Steps[i];
            if (step.IsPractice && !existing.Contains((step.PracticeId!.Value, step.Version!.Value)))
                errors.Add($"steps[{i}].version", $"practice {step.PracticeId} has no published version {step.Version}.");
        }
    }

    public static async Task<SessionPlanResponse> DescribeAsync(NpgsqlConnection connection, SessionPlanRow plan,
        SessionPlanServices services, CancellationToken ct)
    {
        var content = plan.ToContent();
        var titles = await services.Practices.VersionTitlesAsync(connection,
            content.Steps.Where(step => step.IsPractice).Select(step => (step.PracticeId!.Value, step.Version!.Value)), ct);
        var steps = content.Steps.Select(step => step.IsPractice
            ? new PlanStepResponse("practice", step.PracticeId, step.Version,
                step.Title.Length > 0 ? step.Title : titles.GetValueOrDefault((step.PracticeId!.Value, step.Version!.Value), ""),
                step.Notes, step.Minutes)
            : new PlanStepResponse("free-form", null, null, step.Title, step.Notes, step.Minutes)).ToList();
        var published = plan.Published;
        return new SessionPlanResponse(plan.PlanId, plan.PlanKind, plan.StudioId, plan.TemplateId, plan.AuthorId is null,
            content.Title, content.SessionMinutes, content.TotalMinutes, steps,
            published is null ? "draft" : "published",
            published is null || !published.SameAs(content),
            plan.PublishedAt is { } at ? DapperTimestamps.Utc(at) : null,
            plan.Version, DapperTimestamps.Utc(plan.CreatedAt), DapperTimestamps.Utc(plan.UpdatedAt));
    }
}
