namespace Studios.Membership.Data;

/// <summary>Unverified addresses (claims, one per person) and the verification links mailed to them.</summary>
public sealed class EmailVerificationRepository
{
    private const string ClaimColumns = "person_id AS PersonId, email AS Email, claimed_at AS ClaimedAt, mailed_at AS MailedAt";

    private const string LinkColumns = """
        person_id AS PersonId, email AS Email, created_at AS CreatedAt, expires_at AS ExpiresAt, used_at AS UsedAt
        """;

    public Task<EmailClaimRow?> FindClaimAsync(NpgsqlConnection connection, Guid personId, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<EmailClaimRow>(new CommandDefinition(
            $"SELECT {ClaimColumns} FROM email_claims WHERE person_id = @PersonId", new { PersonId = personId },
            cancellationToken: cancellationToken));

    /// <summary>Reads the person's claim and locks it; the caller holds the person's lock already.</summary>
    public Task<EmailClaimRow?> LockClaimAsync(NpgsqlTransaction transaction, Guid personId, CancellationToken cancellationToken) =>
        transaction.Connection!.QuerySingleOrDefaultAsync<EmailClaimRow>(new CommandDefinition(
            $"SELECT {ClaimColumns} FROM email_claims WHERE person_id = @PersonId FOR UPDATE", new { PersonId = personId },
            transaction, cancellationToken: cancellationToken));

    /// <summary>Records <paramref name="email"/> as the person's claim (replacing an earlier one), mailed now.</summary>
    public Task SaveClaimAsync(NpgsqlTransaction transaction, Guid personId, string email, DateTimeOffset now, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO email_claims (person_id, email, claimed_at, mailed_at) VALUES (@PersonId, @Email, @Now, @Now)
            ON CONFLICT (person_id) DO UPDATE
            SET email = excluded.email, mailed_at = excluded.mailed_at,
                claimed_at = CASE WHEN email_claims.email = excluded.email THEN email_claims.claimed_at ELSE excluded.claimed_at END
            """, new { PersonId = personId, Email = email, Now = now }, transaction, cancellationToken: cancellationToken));

    public Task DeleteClaimAsync(NpgsqlTransaction transaction, Guid personId, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "DELETE FROM email_claims WHERE person_id = @PersonId", new { PersonId = personId }, transaction,
            cancellationToken: cancellationToken));

    /// <summary>The address was verified by someone: every other claim to it is dropped. Returns how many.</summary>
    public Task<int> DropOtherClaimsAsync(NpgsqlTransaction transaction, string email, Guid ownerId, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "DELETE FROM email_claims WHERE email = @Email AND person_id <> @OwnerId", new { Email = email, OwnerId = ownerId },
            transaction, cancellationToken: cancellationToken));

    public Task InsertLinkAsync(NpgsqlTransaction transaction, byte[] tokenHash, EmailVerificationRow link, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO email_verifications (token_hash, person_id, email, created_at, expires_at)
            VALUES (@TokenHash, @PersonId, @Email, @CreatedAt, @ExpiresAt)
            """, new { TokenHash = tokenHash, link.PersonId, link.Email, link.CreatedAt, link.ExpiresAt }, transaction,
            cancellationToken: cancellationToken));

    public Task<EmailVerificationRow?> FindLinkAsync(NpgsqlConnection connection, byte[] tokenHash, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<EmailVerificationRow>(new CommandDefinition(
            $"SELECT {LinkColumns} FROM email_verifications WHERE token_hash = @TokenHash", new { TokenHash = tokenHash },
            cancellationToken: cancellationToken));

    /// <summary>Reads and locks the link, so it is used once.</summary>
    public Task<EmailVerificationRow?> LockLinkAsync(NpgsqlTransaction transaction, byte[] tokenHash, CancellationToken cancellationToken) =>
        transaction.Connection!.QuerySingleOrDefaultAsync<EmailVerificationRow>(new CommandDefinition(
            $"SELECT {LinkColumns} FROM email_verifications WHERE token_hash = @TokenHash FOR UPDATE", new { TokenHash = tokenHash },
            transaction, cancellationToken: cancellationToken));

    public Task MarkLinkUsedAsync(NpgsqlTransaction transaction, byte[] tokenHash, DateTimeOffset now, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "UPDATE email_verifications SET used_at = @Now WHERE token_hash = @TokenHash", new { TokenHash = tokenHash, Now = now },
            transaction, cancellationToken: cancellationToken));

    /// <summary>Erasure: the person's claim and links go.</summary>
    public Task ForgetPersonAsync(NpgsqlTransaction transaction, Guid personId, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            DELETE FROM email_claims WHERE person_id = @PersonId;
            DELETE FROM email_verifications WHERE person_id = @PersonId;
            """, new { PersonId = personId }, transaction, cancellationToken: cancellationToken));

    /// <summary>Links expired before <paramref name="before"/> are deleted (housekeeping); returns how many.</summary>
    public Task<int> DeleteExpiredLinksAsync(NpgsqlConnection connection, DateTimeOffset before, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM email_verifications WHERE expires_at < @Before", new { Before = before }, cancellationToken: cancellationToken));
}
