namespace Studios.Membership.Extensions;

public static class MembershipExtensions
{
    /// <summary>Membership: people, studio rosters, roles, joins, invitations, waitlists: the services this API needs beyond the defaults.</summary>
    public static IHostApplicationBuilder AddMembershipServices(this IHostApplicationBuilder builder)
    {
        return builder;
    }

    public static WebApplication MapMembershipApi(this WebApplication app)
    {
        return app;
    }
}
