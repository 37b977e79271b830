using System.Text.Json;
using Studios.Stewardship.Apis.Models;
using Studios.Stewardship.Data;
using Studios.Stewardship.Domain;
using Studios.Stewardship.Domain.StudioHealth;

namespace Studios.Stewardship.Apis;

/// <summary>The network overview for operators and stewards.</summary>
public static class NetworkApi
{
    private const int AttentionListLimit = 50;

    public static IEndpointRouteBuilder MapNetworkApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/network/overview", OverviewAsync).WithTags("Network").WithName("GetNetworkOverview").WithSummary("Get the network overview")
            .RequireAuthorization(StudiosPolicies.StewardOrOperator);
        return app;
    }

    /// <summary>The at-risk and dormant studios, worst (lowest score, longest in that state) first, as they are now;
    /// studios per lifecycle and health state, members and sessions held across active studios as the counts refresher
    /// last counted them (<c>FiguresAt</c>).</summary>
    public static async Task<Ok<NetworkOverviewResponse>> OverviewAsync([AsParameters] StewardshipServices services, CancellationToken ct)
    {
        var now = services.Time.GetUtcNow();
        await using var connection = await services.DataSource.OpenConnectionAsync(ct);
        var counted = await services.NetworkFigures.GetAsync(connection, ct);
        var atRisk = await services.Overview.InStateAsync(connection, HealthState.AtRisk.ToText(), AttentionListLimit, ct);
        var dormant = await services.Overview.InStateAsync(connection, HealthState.Dormant.ToText(), AttentionListLimit, ct);

        return TypedResults.Ok(new NetworkOverviewResponse(
            counted.Studios.ToDictionary(entry => entry.Key.ToText(), entry => entry.Value),
            counted.Health.ToDictionary(entry => entry.Key.ToText(), entry => entry.Value),
            counted.Figures.Memberships, counted.Figures.People, counted.Figures.SessionsHeldLast7Days,
            counted.Figures.SessionsHeldLast30Days, counted.At, atRisk.Select(ToResponse).ToList(), dormant.Select(ToResponse).ToList(), now));
    }

    private static StudioAttentionResponse ToResponse(StudioAtRisk studio) => new(studio.StudioId, studio.Name, studio.Score,
        JsonSerializer.Deserialize<List<string>>(studio.Reasons) ?? [], studio.Since);
}
