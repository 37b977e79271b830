using Studios.AppHost.Model;

namespace Studios.AppHost;

/// <summary>The Studios system, described once: what runs, what each part needs, and in which order it starts.</summary>
public static class AppHostModel
{
    public static ApplicationModel Describe(ApplicationModelBuilder builder)
    {
        var messaging = builder.AddRabbitMq("messaging");
        var postgres = builder.AddPostgres("postgres");

        var membershipDb = postgres.AddDatabase("membership");
        var schedulingDb = postgres.AddDatabase("scheduling");
        var practiceContentDb = postgres.AddDatabase("practice_content");
        var stewardshipDb = postgres.AddDatabase("stewardship");

        var membership = builder.AddProject("membership", "services/Membership/Membership.Api/Membership.Api.csproj", "Membership", 5101)
            .WithReference(membershipDb).WaitFor(membershipDb)
            .WithReference(messaging).WaitFor(messaging);

        var scheduling = builder.AddProject("scheduling", "services/Scheduling/Scheduling.Api/Scheduling.Api.csproj", "Scheduling", 5102)
            .WithReference(schedulingDb).WaitFor(schedulingDb)
            .WithReference(messaging).WaitFor(messaging);

        var practiceContent = builder.AddProject("practice-content", "services/PracticeContent/PracticeContent.Api/PracticeContent.Api.csproj", "PracticeContent", 5103)
            .WithReference(practiceContentDb).WaitFor(practiceContentDb)
            .WithReference(messaging).WaitFor(messaging);

        var stewardship = builder.AddProject("stewardship", "services/Stewardship/Stewardship.Api/Stewardship.Api.csproj", "Stewardship", 5104)
            .WithReference(stewardshipDb).WaitFor(stewardshipDb)
            .WithReference(messaging).WaitFor(messaging);

        // Each service may discover the others; none calls another on a request's hot path (DESIGN.md).
        ProjectResource[] services = [membership, scheduling, practiceContent, stewardship];
        foreach (var service in services)
            foreach (var other in services.Where(other => other != service))
                service.WithReference(other);

        return builder.Build();
    }
}
