using Studios.Membership.Contracts;
using Studios.Scheduling.Contracts;
using Studios.Stewardship.Contracts;

namespace Studios.Notifications.Tests.Integration;

/// <summary>Publishes what the other services would, so a test reads like the story it tells. Studios, rosters, sessions
/// and answers are waited for until the service has consumed them: in the real system they come long before what a test
/// does next, while events of different kinds travel through different queues and may overtake each other.</summary>
public sealed class Community(NotificationsFixture fixture)
{
    /// <summary>The service's clock, to the microsecond PostgreSQL keeps.</summary>
    public DateTimeOffset Now
    {
        get
        {
            var now = fixture.Time.GetUtcNow();
            return now.AddTicks(-(now.Ticks % 10));
        }
    }

    public async Task<TestPerson> RegisterAsync(TestPerson person)
    {
        await fixture.Bus.PublishAsync(new PersonRegistered(person.Id, person.Name, person.TimeZone, person.Locale, Now));
        await fixture.Bus.PublishAsync(new PersonEmailVerified(person.Id, person.Email, Now));
        return person;
    }

    /// <summary>A proposed and approved studio whose founding facilitator is on its roster.</summary>
    public async Task<Guid> StudioAsync(TestPerson facilitator, TestPerson? steward = null, string? name = null, Guid? proposedBy = null)
    {
        var studioId = Guid.NewGuid();
        name ??= $"Listening {studioId.ToString()[..6]}";
        await PublishAsync(new StudioProposed(studioId, name, "Practise listening.", "Listening", "Weekly", 12, "Europe/Berlin",
            facilitator.Id, proposedBy ?? facilitator.Id, Now));
        await PublishAsync(new StudioApproved(studioId, name, facilitator.Id, 12, "Europe/Berlin", Guid.NewGuid(), steward?.Id, Now));
        await JoinAsync(studioId, facilitator, StudioRoles.Facilitator, "founding");
        return studioId;
    }

    public Task JoinAsync(Guid studioId, TestPerson person, string role = StudioRoles.Participant, string via = "open") =>
        PublishAsync(new MemberJoinedStudio(studioId, person.Id, role, via, Now));

    public async Task<Guid> SessionAsync(Guid studioId, DateTimeOffset startsAt, string title = "Tuesday circle")
    {
        var sessionId = Guid.NewGuid();
        await PublishAsync(new SessionScheduled(sessionId, studioId, null, title, startsAt, startsAt.AddHours(1), "Europe/Berlin", null, 8, Now));
        return sessionId;
    }

    public Task RsvpAsync(Guid studioId, Guid sessionId, TestPerson person, string status, string? previous = null) =>
        PublishAsync(new RsvpChanged(sessionId, studioId, person.Id, previous, status, Now));

    /// <summary>Publishes and waits until the service has consumed it.</summary>
    public async Task PublishAsync<T>(T message) where T : class
    {
        var id = Guid.NewGuid();
        await fixture.Bus.PublishAsync(message, id);
        await fixture.ConsumedAsync(id);
    }
}
