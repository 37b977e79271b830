using Studios.ServiceDefaults.PersonalData;
using Studios.Membership.Apis;
using Studios.Membership.Data;
using Studios.Membership.Features;
using Studios.Membership.Jobs;
using Studios.Membership.Telemetry;
using Studios.ServiceDefaults.Jobs;
using Studios.ServiceDefaults.Options;

namespace Studios.Membership.Extensions;

public static class MembershipExtensions
{
    /// <summary>Membership: people, studio rosters, roles, joins, invitations, waitlists: the services this API needs beyond the defaults.</summary>
    public static IHostApplicationBuilder AddMembershipServices(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<MembershipOptions>(MembershipOptions.Section);
        builder.Services.AddPersonalData(MembershipPersonalData.Sections);
        builder.Services.AddSingleton<MembershipMetrics>();

        builder.Services.AddSingleton<PeopleRepository>();
        builder.Services.AddSingleton<StudioRepository>();
        builder.Services.AddSingleton<MembershipRepository>();
        builder.Services.AddSingleton<RosterViewRepository>();
        builder.Services.AddSingleton<InvitationRepository>();
        builder.Services.AddSingleton<EmailVerificationRepository>();
        builder.Services.AddSingleton<Roster>();
        builder.Services.AddSingleton<EmailVerifications>();

        builder.Services.AddIntervalJob<MembershipHousekeeping>();
        return builder;
    }

    public static WebApplication MapMembershipApi(this WebApplication app)
    {
        app.MapPeopleApi();
        app.MapEmailVerificationsApi();
        app.MapStudiosApi();
        app.MapJoinRequestsApi();
        app.MapInvitationsApi();
        app.MapMembersApi();
        return app;
    }
}
