using Studios.AppHost.Publishing;
using Studios.AppHost.Resources;

// The Studios system on one machine. `publish --output <folder>` writes this same model as Kubernetes manifests.
var builder = DistributedApplication.CreateBuilder(PublishCommand.BuilderArgs(args));

var messaging = builder.AddRabbitMQNode("messaging");

var postgres = builder.AddPostgresCluster("postgres");
var membershipDb = postgres.AddDatabase("membership-db", "membership");
var schedulingDb = postgres.AddDatabase("scheduling-db", "scheduling");
var practiceContentDb = postgres.AddDatabase("practice-content-db", "practice_content");
var stewardshipDb = postgres.AddDatabase("stewardship-db", "stewardship");
var notificationsDb = postgres.AddDatabase("notifications-db", "notifications");

// Local only: every mail the system sends lands here (in production Notifications sends through any SMTP relay).
var mail = builder.AddSmtp4dev("mail");

// Local only: signs the tokens the services accept (in production they trust a real OIDC authority).
var identity = builder.AddDevIdentity("identity");

var membership = builder.AddService<Projects.Membership_Api>("membership", identity)
    .WithDatabase(membershipDb, "membership")
    .WithReference(messaging).WaitFor(messaging);

var scheduling = builder.AddService<Projects.Scheduling_Api>("scheduling", identity)
    .WithDatabase(schedulingDb, "scheduling")
    .WithReference(messaging).WaitFor(messaging)
    .WithPublicBaseUrl("Scheduling__PublicBaseUrl");

var practiceContent = builder.AddService<Projects.PracticeContent_Api>("practice-content", identity)
    .WithDatabase(practiceContentDb, "practice_content")
    .WithReference(messaging).WaitFor(messaging);

var stewardship = builder.AddService<Projects.Stewardship_Api>("stewardship", identity)
    .WithDatabase(stewardshipDb, "stewardship")
    .WithReference(messaging).WaitFor(messaging);

var notifications = builder.AddService<Projects.Notifications_Api>("notifications", identity)
    .WithDatabase(notificationsDb, "notifications")
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(mail).WaitFor(mail)
    .WithPublicBaseUrl("Notifications__PublicBaseUrl")
    // Email verification links point at Membership's anonymous /api/email-verifications/{token}.
    .WithEnvironment("Notifications__MembershipPublicUrl", membership.GetEndpoint("http"));

// The people-facing web app: people sign in at the identity and it calls the services with their token.
var web = builder.AddWebApp("web", identity, membership, scheduling, practiceContent, stewardship, notifications);
// Mails link to the web app (a published system sets Notifications:AppBaseUrl to its public address).
if (builder.ExecutionContext.IsRunMode) notifications.WithEnvironment("Notifications__AppBaseUrl", web.GetEndpoint("http"));

return builder.Build().RunOrPublish(args);
