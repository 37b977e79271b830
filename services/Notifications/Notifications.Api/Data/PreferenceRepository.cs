using Studios.Notifications.Domain;

namespace Studios.Notifications.Data;

/// <summary>Each person's notification preferences; a person who never chose has the defaults (version 0).</summary>
public sealed class PreferenceRepository
{
    public async Task<(NotificationPreferences Preferences, int Version)> GetAsync(NpgsqlConnection connection, Guid personId,
        CancellationToken ct) =>
        ToPreferences(await connection.QuerySingleOrDefaultAsync<PreferencesRow>(new CommandDefinition("""
            SELECT disabled_kinds AS DisabledKinds, reminder_minutes AS ReminderMinutes, version AS Version
            FROM preferences WHERE person_id = @personId
            """, new { personId }, cancellationToken: ct)));

    /// <summary>The current preferences, locked until the transaction ends (a save and an unsubscribe take turns).</summary>
    public async Task<(NotificationPreferences Preferences, int Version)> LockAsync(NpgsqlTransaction transaction, Guid personId,
        CancellationToken ct)
    {
        var connection = transaction.Connection!;
        // The row exists from here on, so there is always something to lock.
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO preferences (person_id, reminder_minutes, version) VALUES (@personId, @defaults, 0) ON CONFLICT DO NOTHING
            """, new { personId, defaults = NotificationPreferences.DefaultReminderMinutes.ToArray() }, transaction, cancellationToken: ct));
        return ToPreferences(await connection.QuerySingleAsync<PreferencesRow>(new CommandDefinition("""
            SELECT disabled_kinds AS DisabledKinds, reminder_minutes AS ReminderMinutes, version AS Version
            FROM preferences WHERE person_id = @personId FOR UPDATE
            """, new { personId }, transaction, cancellationToken: ct)));
    }

    /// <summary>Saves the preferences of a person whose row is locked; returns the new version.</summary>
    public Task<int> SaveAsync(NpgsqlTransaction transaction, Guid personId, NotificationPreferences preferences, CancellationToken ct) =>
        transaction.Connection!.ExecuteScalarAsync<int>(new CommandDefinition("""
            UPDATE preferences SET disabled_kinds = @disabled, reminder_minutes = @minutes, version = version + 1
            WHERE person_id = @personId RETURNING version
            """, new { personId, disabled = preferences.Disabled.Order().ToArray(), minutes = preferences.ReminderMinutes.ToArray() },
            transaction, cancellationToken: ct));

    private static (NotificationPreferences, int) ToPreferences(PreferencesRow? row) => row is null
        ? (NotificationPreferences.Default, 0)
        : (new NotificationPreferences(row.DisabledKinds.ToHashSet(), row.ReminderMinutes), row.Version);
}
