using Microsoft.Extensions.DependencyInjection.Extensions;
using Studios.Membership.Apis;
using Studios.Membership.Data;
using Studios.Membership.Telemetry;

namespace Studios.Membership.Extensions;

public static class MembershipExtensions
{
    /// <summary>Membership: people, studio rosters, roles, joins, invitations, waitlists: the services this API needs beyond the defaults.</summary>
    public static IHostApplicationBuilder AddMembershipServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<MembershipOptions>()
            .BindConfiguration(MembershipOptions.Section)
            .Validate(options => options.InvitationLifetime > TimeSpan.Zero, "Membership:InvitationLifetime must be positive.")
            .Validate(options => options.HousekeepingInterval > TimeSpan.Zero, "Membership:HousekeepingInterval must be positive.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<PeopleRepository>();
        builder.Services.AddSingleton<StudioRepository>();
        builder.Services.AddSingleton<MembershipRepository>();
        builder.Services.AddSingleton<InvitationRepository>();
        builder.Services.AddSingleton<Roster>();
        builder.Services.AddSingleton<MembershipMetrics>();
        builder.Services.AddHostedService<MembershipHousekeeping>();
        return builder;
    }

    public static WebApplication MapMembershipApi(this WebApplication app)
    {
        app.MapPeopleApi();
        app.MapStudiosApi();
        app.MapJoinRequestsApi();
        app.MapInvitationsApi();
        app.MapMembersApi();
        return app;
    }
}
