using Studios.Membership.Domain;

namespace Studios.Membership.Data;

public sealed class PeopleRepository
{
    private const string Columns = """
        id AS Id, display_name AS DisplayName, email AS Email, time_zone AS TimeZone, locale AS Locale,
        version AS Version, registered_at AS RegisteredAt, updated_at AS UpdatedAt, erased_at AS ErasedAt
        """;

    public const string EmailConstraint = "people_email_unique";

    public Task<PersonRow?> FindAsync(NpgsqlConnection connection, Guid id, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<PersonRow>(new CommandDefinition(
            $"SELECT {Columns} FROM people WHERE id = @Id", new { Id = id }, cancellationToken: cancellationToken));

    /// <summary>Reads the person and locks their row: FOR UPDATE to change it, FOR SHARE to rely on it staying as it is
    /// (a join must not race the person's erasure). People are always locked before studios.</summary>
    public Task<PersonRow?> LockAsync(NpgsqlTransaction transaction, Guid id, bool exclusive, CancellationToken cancellationToken) =>
        transaction.Connection!.QuerySingleOrDefaultAsync<PersonRow>(new CommandDefinition(
            $"SELECT {Columns} FROM people WHERE id = @Id {(exclusive ? "FOR UPDATE" : "FOR SHARE")}",
            new { Id = id }, transaction, cancellationToken: cancellationToken));

    /// <summary>The person whose verified address this is (claims are not addresses yet).</summary>
    public Task<Guid?> FindIdByEmailAsync(NpgsqlTransaction transaction, string email, CancellationToken cancellationToken) =>
        transaction.Connection!.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(
            "SELECT id FROM people WHERE email = @Email", new { Email = email }, transaction, cancellationToken: cancellationToken));

    /// <summary>Registers the person, or registers an erased person afresh; null when they are already registered. The address
    /// the person gave is not theirs yet: it is a claim until verified (<see cref="SetVerifiedEmailAsync"/>).</summary>
    public Task<PersonRow?> RegisterAsync(
        NpgsqlTransaction transaction, Guid id, PersonProfile profile, DateTimeOffset now, CancellationToken cancellationToken) =>
        transaction.Connection!.QuerySingleOrDefaultAsync<PersonRow>(new CommandDefinition($"""
            INSERT INTO people (id, display_name, email, time_zone, locale, registered_at, updated_at)
            VALUES (@Id, @DisplayName, NULL, @TimeZone, @Locale, @Now, @Now)
            ON CONFLICT (id) DO UPDATE
            SET display_name = excluded.display_name, email = NULL, time_zone = excluded.time_zone,
                locale = excluded.locale, registered_at = excluded.registered_at, updated_at = excluded.updated_at,
                erased_at = NULL, version = people.version + 1
            WHERE people.erased_at IS NOT NULL
            RETURNING {Columns}
            """, new { Id = id, profile.DisplayName, profile.TimeZone, profile.Locale, Now = now },
            transaction, cancellationToken: cancellationToken));

    /// <summary>Changes name, zone and locale; the address changes only when a new one is verified.</summary>
    public Task<PersonRow> UpdateAsync(
        NpgsqlTransaction transaction, Guid id, PersonProfile profile, DateTimeOffset now, CancellationToken cancellationToken) =>
        transaction.Connection!.QuerySingleAsync<PersonRow>(new CommandDefinition($"""
            UPDATE people
            SET display_name = @DisplayName, time_zone = @TimeZone, locale = @Locale,
                updated_at = @Now, version = version + 1
            WHERE id = @Id
            RETURNING {Columns}
            """, new { Id = id, profile.DisplayName, profile.TimeZone, profile.Locale, Now = now },
            transaction, cancellationToken: cancellationToken));

    /// <summary>The person verified <paramref name="email"/>: it becomes their address. A unique index keeps one verified owner
    /// per address (<see cref="EmailConstraint"/>).</summary>
    public Task<PersonRow> SetVerifiedEmailAsync(
        NpgsqlTransaction transaction, Guid id, string email, DateTimeOffset now, CancellationToken cancellationToken) =>
        transaction.Connection!.QuerySingleAsync<PersonRow>(new CommandDefinition($"""
            UPDATE people SET email = @Email, updated_at = @Now, version = version + 1
            WHERE id = @Id
            RETURNING {Columns}
            """, new { Id = id, Email = email, Now = now }, transaction, cancellationToken: cancellationToken));

    /// <summary>Removes every personal field; the row stays so the id is known to have been erased.</summary>
    public Task EraseAsync(NpgsqlTransaction transaction, Guid id, DateTimeOffset now, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            UPDATE people
            SET display_name = NULL, email = NULL, time_zone = NULL, locale = NULL,
                erased_at = @Now, updated_at = @Now, version = version + 1
            WHERE id = @Id
            """, new { Id = id, Now = now }, transaction, cancellationToken: cancellationToken));
}
