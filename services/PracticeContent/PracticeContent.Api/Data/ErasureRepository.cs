namespace Studios.PracticeContent.Data;

/// <summary>PersonErased: practices and plans keep their content but lose the author; reflections and roster rows go.</summary>
public sealed class ErasureRepository
{
    public async Task EraseAsync(NpgsqlTransaction transaction, Guid personId, DateTimeOffset erasedAt, CancellationToken ct) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO erased_people (person_id, erased_at) VALUES (@personId, @erasedAt) ON CONFLICT (person_id) DO NOTHING;
            UPDATE practices SET author_id = NULL, author_name = NULL, updated_at = now() WHERE author_id = @personId;
            UPDATE practice_versions SET published_by = NULL WHERE published_by = @personId;
            UPDATE session_plans SET author_id = NULL WHERE author_id = @personId;
            DELETE FROM reflections WHERE author_id = @personId;
            DELETE FROM studio_members WHERE person_id = @personId;
            """, new { personId, erasedAt = erasedAt.ToUniversalTime() }, transaction, cancellationToken: ct));
}
