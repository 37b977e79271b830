namespace Studios.Notifications.Data;

/// <summary>The people read model. Each part is kept with the time of the event that set it, so an older event arriving
/// late changes nothing; events from before a person's erasure are ignored.</summary>
public sealed class PeopleRepository
{
    private const string NotErasedSince = "NOT EXISTS (SELECT 1 FROM erased_people e WHERE e.person_id = @personId AND e.erased_at >= @at)";

    public Task SaveProfileAsync(NpgsqlTransaction transaction, Guid personId, string displayName, string timeZone, string locale,
        DateTimeOffset at, CancellationToken ct) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition($"""
            INSERT INTO people (person_id, display_name, time_zone, locale, profile_at)
            SELECT @personId, @displayName, @timeZone, @locale, @at WHERE {NotErasedSince}
            ON CONFLICT (person_id) DO UPDATE SET display_name = EXCLUDED.display_name, time_zone = EXCLUDED.time_zone,
                locale = EXCLUDED.locale, profile_at = EXCLUDED.profile_at
            WHERE people.profile_at IS NULL OR people.profile_at < EXCLUDED.profile_at
            """, new { personId, displayName, timeZone, locale, at }, transaction, cancellationToken: ct));

    public Task SaveEmailAsync(NpgsqlTransaction transaction, Guid personId, string email, DateTimeOffset at, CancellationToken ct) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition($"""
            INSERT INTO people (person_id, email, email_at)
            SELECT @personId, @email, @at WHERE {NotErasedSince}
            ON CONFLICT (person_id) DO UPDATE SET email = EXCLUDED.email, email_at = EXCLUDED.email_at
            WHERE people.email_at IS NULL OR people.email_at < EXCLUDED.email_at
            """, new { personId, email, at }, transaction, cancellationToken: ct));

    public Task<PersonRow?> FindAsync(NpgsqlConnection connection, Guid personId, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<PersonRow>(new CommandDefinition("""
            SELECT person_id AS PersonId, display_name AS DisplayName, time_zone AS TimeZone, locale AS Locale, email AS Email
            FROM people WHERE person_id = @personId
            """, new { personId }, cancellationToken: ct));

    /// <summary>Erased and not registered again since.</summary>
    public Task<bool> IsErasedAsync(NpgsqlConnection connection, Guid personId, CancellationToken ct) =>
        connection.ExecuteScalarAsync<bool>(new CommandDefinition("""
            SELECT EXISTS (SELECT 1 FROM erased_people e WHERE e.person_id = @personId
                AND NOT EXISTS (SELECT 1 FROM people p WHERE p.person_id = e.person_id AND p.profile_at > e.erased_at))
            """, new { personId }, cancellationToken: ct));

    /// <summary>Erasure: everything held about the person goes (their unsent mails too); only the tombstone stays.</summary>
    public Task EraseAsync(NpgsqlTransaction transaction, Guid personId, DateTimeOffset at, CancellationToken ct) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO erased_people (person_id, erased_at) VALUES (@personId, @at)
            ON CONFLICT (person_id) DO UPDATE SET erased_at = GREATEST(erased_people.erased_at, EXCLUDED.erased_at);
            DELETE FROM people WHERE person_id = @personId;
            DELETE FROM preferences WHERE person_id = @personId;
            DELETE FROM unsubscribe_links WHERE person_id = @personId;
            DELETE FROM studio_members WHERE person_id = @personId;
            DELETE FROM studio_stewards WHERE steward_id = @personId;
            DELETE FROM follow_ups WHERE steward_id = @personId;
            DELETE FROM rsvps WHERE person_id = @personId;
            DELETE FROM reminders WHERE person_id = @personId;
            DELETE FROM mails WHERE person_id = @personId;
            UPDATE studios SET proposed_by = NULL WHERE proposed_by = @personId;
            UPDATE studios SET founding_facilitator_id = NULL WHERE founding_facilitator_id = @personId;
            """, new { personId, at }, transaction, cancellationToken: ct));
}
