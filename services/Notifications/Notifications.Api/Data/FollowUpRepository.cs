namespace Studios.Notifications.Data;

/// <summary>The stewards' follow-ups (ids, studio and due date only), for the weekly digest.</summary>
public sealed class FollowUpRepository
{
    public Task AgreeAsync(NpgsqlTransaction transaction, Guid followUpId, Guid studioId, Guid stewardId, DateOnly dueOn, CancellationToken ct) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO follow_ups (follow_up_id, studio_id, steward_id, due_on) VALUES (@followUpId, @studioId, @stewardId, @dueOn)
            ON CONFLICT (follow_up_id) DO NOTHING
            """, new { followUpId, studioId, stewardId, dueOn }, transaction, cancellationToken: ct));

    /// <summary>Marks it done; one completed before it was agreed here is recorded done, so its late agreement stays done.</summary>
    public Task CompleteAsync(NpgsqlTransaction transaction, Guid followUpId, Guid studioId, Guid stewardId, CancellationToken ct) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO follow_ups (follow_up_id, studio_id, steward_id, due_on, completed) VALUES (@followUpId, @studioId, @stewardId, '-infinity', true)
            ON CONFLICT (follow_up_id) DO UPDATE SET completed = true
            """, new { followUpId, studioId, stewardId }, transaction, cancellationToken: ct));

    public Task<FollowUpCounts> CountsAsync(NpgsqlConnection connection, Guid stewardId, DateOnly today, CancellationToken ct) =>
        connection.QuerySingleAsync<FollowUpCounts>(new CommandDefinition("""
            SELECT count(*)::int AS Open, count(*) FILTER (WHERE due_on < @today)::int AS Overdue
            FROM follow_ups WHERE steward_id = @stewardId AND NOT completed
            """, new { stewardId, today }, cancellationToken: ct));
}
