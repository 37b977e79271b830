
namespace Studios.Membership.Data;

public sealed class InvitationRepository
{
    private const string Columns = """
        id AS Id, studio_id AS StudioId, email AS Email, role AS Role, invited_by AS InvitedBy, created_at AS CreatedAt,
        expires_at AS ExpiresAt, accepted_at AS AcceptedAt, accepted_by AS AcceptedBy, revoked_at AS RevokedAt
        """;

    public Task InsertAsync(NpgsqlTransaction transaction, InvitationRow invitation, byte[] tokenHash, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO invitations (id, studio_id, email, role, token_hash, invited_by, created_at, expires_at)
            VALUES (@Id, @StudioId, @Email, @Role, @TokenHash, @InvitedBy, @CreatedAt, @ExpiresAt)
            """, new
        {
            invitation.Id, invitation.StudioId, invitation.Email, invitation.Role, TokenHash = tokenHash,
            invitation.InvitedBy, invitation.CreatedAt, invitation.ExpiresAt,
        }, transaction, cancellationToken: cancellationToken));

    public Task<InvitationRow?> FindAsync(NpgsqlConnection connection, Guid studioId, Guid id, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<InvitationRow>(new CommandDefinition(
            $"SELECT {Columns} FROM invitations WHERE studio_id = @StudioId AND id = @Id",
            new { StudioId = studioId, Id = id }, cancellationToken: cancellationToken));

    /// <summary>Reads and locks the invitation, so it is accepted or revoked once.</summary>
    public Task<InvitationRow?> LockAsync(NpgsqlTransaction transaction, Guid studioId, Guid id, CancellationToken cancellationToken) =>
        transaction.Connection!.QuerySingleOrDefaultAsync<InvitationRow>(new CommandDefinition(
            $"SELECT {Columns} FROM invitations WHERE studio_id = @StudioId AND id = @Id FOR UPDATE",
            new { StudioId = studioId, Id = id }, transaction, cancellationToken: cancellationToken));

    public Task<InvitationRow?> FindByTokenAsync(NpgsqlTransaction transaction, byte[] tokenHash, CancellationToken cancellationToken) =>
        transaction.Connection!.QuerySingleOrDefaultAsync<InvitationRow>(new CommandDefinition(
            $"SELECT {Columns} FROM invitations WHERE token_hash = @TokenHash",
            new { TokenHash = tokenHash }, transaction, cancellationToken: cancellationToken));

    public async Task<IReadOnlyList<InvitationRow>> ListAsync(NpgsqlConnection connection, Guid studioId, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<InvitationRow>(new CommandDefinition(
            $"SELECT {Columns} FROM invitations WHERE studio_id = @StudioId ORDER BY created_at DESC, id",
            new { StudioId = studioId }, cancellationToken: cancellationToken))).AsList();

    public Task MarkAcceptedAsync(NpgsqlTransaction transaction, Guid id, Guid personId, DateTimeOffset now, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "UPDATE invitations SET accepted_at = @Now, accepted_by = @PersonId WHERE id = @Id",
            new { Id = id, PersonId = personId, Now = now }, transaction, cancellationToken: cancellationToken));

    public Task RevokeAsync(NpgsqlTransaction transaction, Guid id, Guid revokedBy, DateTimeOffset now, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "UPDATE invitations SET revoked_at = @Now, revoked_by = @RevokedBy WHERE id = @Id",
            new { Id = id, RevokedBy = revokedBy, Now = now }, transaction, cancellationToken: cancellationToken));

    /// <summary>Revokes a studio's pending invitations (the studio retired).</summary>
    public Task RevokePendingAsync(NpgsqlTransaction transaction, Guid studioId, Guid revokedBy, DateTimeOffset now,
        CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            UPDATE invitations SET revoked_at = @Now, revoked_by = @RevokedBy
            WHERE studio_id = @StudioId AND accepted_at IS NULL AND revoked_at IS NULL
            """, new { StudioId = studioId, RevokedBy = revokedBy, Now = now }, transaction, cancellationToken: cancellationToken));

    /// <summary>Erasure: drops the address from every invitation sent to it; pending ones can no longer be used.</summary>
    public Task ForgetEmailAsync(NpgsqlTransaction transaction, string email, Guid erasedBy, DateTimeOffset now, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            UPDATE invitations
            SET email = NULL,
                revoked_at = CASE WHEN accepted_at IS NULL AND revoked_at IS NULL THEN @Now ELSE revoked_at END,
                revoked_by = CASE WHEN accepted_at IS NULL AND revoked_at IS NULL THEN @ErasedBy ELSE revoked_by END
            WHERE email = @Email
            """, new { Email = email, ErasedBy = erasedBy, Now = now }, transaction, cancellationToken: cancellationToken));
}
