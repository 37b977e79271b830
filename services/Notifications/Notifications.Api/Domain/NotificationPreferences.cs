namespace Studios.Notifications.Domain;

/// <summary>A person's choices: the kinds they turned off and how many minutes before a session they are reminded.</summary>
public sealed record NotificationPreferences(IReadOnlySet<string> Disabled, IReadOnlyList<int> ReminderMinutes)
{
    /// <summary>24 hours and 1 hour before.</summary>
    public static readonly IReadOnlyList<int> DefaultReminderMinutes = [1440, 60];

    public const int MaxReminders = 5;
    public const int MinMinutesBefore = 5;
    public const int MaxMinutesBefore = 14 * 24 * 60;

    public static readonly NotificationPreferences Default = new(new HashSet<string>(), DefaultReminderMinutes);

    public bool Allows(string kind) => !Disabled.Contains(kind);

    public NotificationPreferences Without(string kind) =>
        this with { Disabled = new HashSet<string>(Disabled) { kind } };

    /// <summary>The reasons <paramref name="enabled"/> and <paramref name="reminderMinutes"/> cannot be saved, by field.</summary>
    public static FieldErrors Validate(IReadOnlyDictionary<string, bool>? enabled, IReadOnlyList<int>? reminderMinutes)
    {
        var errors = new FieldErrors();
        foreach (var kind in enabled?.Keys ?? [])
            errors.Check(NotificationKinds.IsKnown(kind), $"enabled.{kind}", $"is not a kind of notification; known: {string.Join(", ", NotificationKinds.All)}.");
        if (reminderMinutes is null) return errors;
        errors.Check(reminderMinutes.Count <= MaxReminders, "reminderMinutesBefore", $"holds at most {MaxReminders} reminders.");
        errors.Check(reminderMinutes.All(m => m is >= MinMinutesBefore and <= MaxMinutesBefore), "reminderMinutesBefore",
            $"each must be between {MinMinutesBefore} and {MaxMinutesBefore} minutes (14 days).");
        errors.Check(reminderMinutes.Distinct().Count() == reminderMinutes.Count, "reminderMinutesBefore", "must not repeat a value.");
        return errors;
    }

    /// <summary>What a PUT saves: kinds not named stay on; reminders default when not given.</summary>
    public static NotificationPreferences From(IReadOnlyDictionary<string, bool>? enabled, IReadOnlyList<int>? reminderMinutes) => new(
        (enabled ?? new Dictionary<string, bool>()).Where(entry => !entry.Value).Select(entry => entry.Key).ToHashSet(),
        (reminderMinutes ?? DefaultReminderMinutes).OrderDescending().ToList());
}
