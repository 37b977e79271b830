using Studios.Membership.Contracts;
using Studios.PracticeContent.Contracts;
using Studios.Scheduling.Contracts;
using Studios.Testing;

namespace Studios.Stewardship.Tests.Integration;

/// <summary>Builds the events Membership, Scheduling and PracticeContent would publish about one studio, remembering each
/// with its message id so a test can publish them, redeliver them (same ids) or republish the same facts (new ids).</summary>
public sealed class StudioStream(Guid studioId, DateTimeOffset now)
{
    private readonly List<(object Message, Guid MessageId)> _published = [];

    public Guid StudioId => studioId;

    public IReadOnlyList<(object Message, Guid MessageId)> Published => _published;

    public Task JoinAsync(TestBus bus, Guid person, string role, int daysAgo) =>
        PublishAsync(bus, new MemberJoinedStudio(studioId, person, role, "open", now.AddDays(-daysAgo)));

    public Task LeaveAsync(TestBus bus, Guid person, int daysAgo) =>
        PublishAsync(bus, new MemberLeftStudio(studioId, person, StudioRoles.Participant, "left", now.AddDays(-daysAgo)));

    public Task ReflectAsync(TestBus bus, Guid person, int daysAgo) =>
        PublishAsync(bus, new ReflectionShared(Guid.NewGuid(), person, studioId, null, null, "studio", now.AddDays(-daysAgo)));

    /// <summary>A session <paramref name="daysAgo"/> days ago: scheduled, each person's attendance, then the held report.</summary>
    public async Task<Guid> HoldSessionAsync(TestBus bus, double daysAgo, IReadOnlyCollection<Guid> present, IReadOnlyCollection<Guid> absent)
    {
        var sessionId = Guid.NewGuid();
        var startsAt = now.AddDays(-daysAgo);
        await PublishAsync(bus, new SessionScheduled(sessionId, studioId, null, "Weekly practice", startsAt, startsAt.AddHours(2),
            "Europe/Berlin", null, 20, startsAt.AddDays(-14)));
        foreach (var person in present)
        {
            await PublishAsync(bus, new AttendanceRecorded(sessionId, studioId, person, "present", startsAt, startsAt.AddHours(2)));
        }
        foreach (var person in absent)
        {
            await PublishAsync(bus, new AttendanceRecorded(sessionId, studioId, person, "absent", startsAt, startsAt.AddHours(2)));
        }
        await PublishAsync(bus, new SessionHeld(sessionId, studioId, startsAt, present.Count, 0, 0, absent.Count, null, [], startsAt.AddHours(2)));
        return sessionId;
    }

    /// <summary>Publishes every event again: with the same message ids (<paramref name="sameIds"/>: a redelivery) or new ones
    /// (the same facts published again). Returns the ids used.</summary>
    public async Task<IReadOnlyList<Guid>> RepublishAsync(TestBus bus, bool sameIds)
    {
        var publish = typeof(TestBus).GetMethod(nameof(TestBus.PublishAsync))!;
        var ids = new List<Guid>();
        foreach (var (message, messageId) in _published)
        {
            var id = sameIds ? messageId : Guid.NewGuid();
            ids.Add(id);
            await (Task)publish.MakeGenericMethod(message.GetType()).Invoke(bus, [message, (Guid?)id])!;
        }
        return ids;
    }

    private async Task PublishAsync<T>(TestBus bus, T message) where T : class
    {
        var messageId = Guid.NewGuid();
        _published.Add((message, messageId));
        await bus.PublishAsync(message, messageId);
    }
}
