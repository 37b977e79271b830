using System.Diagnostics;

namespace Studios.ServiceDefaults.Messaging.Relay;

/// <summary>Runs what looks for work under an unrecorded activity: the SQL it sends inherits "not sampled" and is not
/// exported, so an idle service sends no traces. A pass that finds work is traced by a span of its own.</summary>
internal static class Untraced
{
    public static Activity Begin()
    {
        // Flags set before Start are kept: the activity does not take its parent's "sampled".
        var untraced = new Activity("look for work") { ActivityTraceFlags = ActivityTraceFlags.None };
        return untraced.Start();
    }
}
