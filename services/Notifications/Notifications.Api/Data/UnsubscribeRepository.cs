namespace Studios.Notifications.Data;

/// <summary>One-click unsubscribe links (by the token's hash) and the kinds addresses of unregistered people turned off.</summary>
public sealed class UnsubscribeRepository
{
    public Task AddLinkAsync(NpgsqlTransaction transaction, byte[] tokenHash, Guid? personId, byte[]? addressHash, string kind,
        DateTimeOffset at, CancellationToken ct) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO unsubscribe_links (token_hash, person_id, address_hash, kind, created_at)
            VALUES (@tokenHash, @personId, @addressHash, @kind, @at)
            """, new { tokenHash, personId, addressHash, kind, at }, transaction, cancellationToken: ct));

    public Task<UnsubscribeLinkRow?> FindLinkAsync(NpgsqlConnection connection, byte[] tokenHash, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<UnsubscribeLinkRow>(new CommandDefinition("""
            SELECT person_id AS PersonId, address_hash AS AddressHash, kind AS Kind FROM unsubscribe_links WHERE token_hash = @tokenHash
            """, new { tokenHash }, cancellationToken: ct));

    public Task OptOutAsync(NpgsqlTransaction transaction, byte[] addressHash, string kind, CancellationToken ct) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "INSERT INTO address_opt_outs (address_hash, kind) VALUES (@addressHash, @kind) ON CONFLICT DO NOTHING",
            new { addressHash, kind }, transaction, cancellationToken: ct));

    public Task<bool> IsOptedOutAsync(NpgsqlConnection connection, byte[] addressHash, string kind, CancellationToken ct) =>
        connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM address_opt_outs WHERE address_hash = @addressHash AND kind = @kind)",
            new { addressHash, kind }, cancellationToken: ct));

    /// <summary>Links older than <paramref name="before"/> stop working (housekeeping).</summary>
    public Task<int> DeleteLinksBeforeAsync(NpgsqlTransaction transaction, DateTimeOffset before, CancellationToken ct) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "DELETE FROM unsubscribe_links WHERE created_at < @before", new { before }, transaction, cancellationToken: ct));
}
