using Microsoft.Extensions.DependencyInjection;

namespace Studios.ServiceDefaults.PersonalData;

public static class PersonalDataExtensions
{
    /// <summary>Adds sections to this service's personal data export (<see cref="PersonalDataEndpoints"/>).</summary>
    public static IServiceCollection AddPersonalData(this IServiceCollection services, params PersonalDataSection[] sections)
    {
        foreach (var section in sections) services.AddSingleton(section);
        return services;
    }

    /// <summary>The sections every service has: the audit trail's records of what the person did or what was done to them.</summary>
    internal static IServiceCollection AddSharedPersonalData(this IServiceCollection services) =>
        services.AddPersonalData(new PersonalDataSection("auditTrail", """
            SELECT id, occurred_at, actor_id, action, studio_id, person_id, detail, trace_id
            FROM audit_trail WHERE actor_id = @PersonId OR person_id = @PersonId ORDER BY id
            """));
}
