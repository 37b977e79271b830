namespace Studios.Scheduling.Domain;

/// <summary>Capacity and waitlist: a "going" answer takes a free place or joins the waitlist, and freed places go to
/// the longest-waiting people first.</summary>
public static class Places
{
    public static RsvpStatus ForGoing(int capacity, int going) => going < capacity ? RsvpStatus.Going : RsvpStatus.Waitlisted;

    /// <summary>How many waitlisted people move up when <paramref name="going"/> of <paramref name="capacity"/> places are taken.</summary>
    public static int ToPromote(int capacity, int going, int waitlisted) => Math.Clamp(capacity - going, 0, waitlisted);
}
