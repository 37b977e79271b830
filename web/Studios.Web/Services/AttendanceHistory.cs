using Studios.Web.Services.Models;

namespace Studios.Web.Services;

/// <summary>Each member's attendance over a studio's recent sessions, assembled from Scheduling's attendance sheets
/// (Scheduling keeps attendance per session; the facilitator reads it per person here).</summary>
public sealed class AttendanceHistory
{
    private readonly Dictionary<Guid, Marks> _byPerson = [];

    public int Sessions { get; private set; }

    public Marks Of(Guid personId) => _byPerson.GetValueOrDefault(personId) ?? new Marks();

    /// <summary>The sessions that began in the last 90 days and were not cancelled, one call after another (the calls
    /// share the request's HttpContext).</summary>
    public static async Task<AttendanceHistory> LoadAsync(SchedulingClient scheduling, Guid studioId, CancellationToken ct)
    {
        var history = new AttendanceHistory();
        var now = DateTimeOffset.UtcNow;
        var sessions = (await scheduling.StudioSessionsAsync(studioId, ct, now.AddDays(-90), now)).Value?.Items ?? [];
        foreach (var session in sessions.Where(s => s.StartsAt <= now && s.Status != "cancelled"))
        {
            var sheet = (await scheduling.AttendanceAsync(session.Id, ct)).Value;
            if (sheet is null) continue;
            history.Sessions++;
            foreach (var mark in sheet.Entries.Where(e => e.PersonId is not null))
            {
                if (!history._byPerson.TryGetValue(mark.PersonId!.Value, out var marks)) history._byPerson[mark.PersonId.Value] = marks = new Marks();
                marks.Add(mark.Status);
            }
        }
        return history;
    }

    public sealed class Marks
    {
        public int Present { get; private set; }
        public int Late { get; private set; }
        public int Excused { get; private set; }
        public int Absent { get; private set; }
        public int Recorded => Present + Late + Excused + Absent;

        internal void Add(string? status)
        {
            switch (status)
            {
                case "present": Present++; break;
                case "late": Late++; break;
                case "excused": Excused++; break;
                case "absent": Absent++; break;
            }
        }
    }
}
