namespace Studios.Stewardship.Data;

/// <summary>The registered people, as Membership announces them: the read model that says who may be a steward.</summary>
public sealed class PeopleRepository
{
    public Task RegisteredAsync(NpgsqlTransaction transaction, Guid personId, DateTimeOffset at, CancellationToken ct) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO registered_people (person_id, registered_at) VALUES (@personId, @at)
            ON CONFLICT (person_id) DO NOTHING
            """, new { personId, at }, transaction, cancellationToken: ct));

    /// <summary>Marks the person erased (recording them if their registration has not arrived yet, so it never counts).</summary>
    public Task ErasedAsync(NpgsqlTransaction transaction, Guid personId, DateTimeOffset at, CancellationToken ct) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO registered_people (person_id, registered_at, erased_at) VALUES (@personId, @at, @at)
            ON CONFLICT (person_id) DO UPDATE SET erased_at = coalesce(registered_people.erased_at, excluded.erased_at)
            """, new { personId, at }, transaction, cancellationToken: ct));

    public Task<bool> IsRegisteredAsync(NpgsqlConnection connection, Guid personId, CancellationToken ct,
        NpgsqlTransaction? transaction = null) =>
        connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM registered_people WHERE person_id = @personId AND erased_at IS NULL)",
            new { personId }, transaction, cancellationToken: ct));
}
