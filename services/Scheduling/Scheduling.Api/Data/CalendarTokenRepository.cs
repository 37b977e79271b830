using System.Security.Cryptography;
using System.Text;

namespace Studios.Scheduling.Data;

/// <summary>Per-person feed tokens: 256 random bits, stored only as a SHA-256 hash; issuing a new one revokes the old.</summary>
public sealed class CalendarTokenRepository
{
    /// <summary>A reminder by default, as a calendar app would set one; the person may turn it off.</summary>
    public const int DefaultReminderMinutes = 30;
    public const int MaxReminderMinutes = 7 * 24 * 60;

    public async Task<string> IssueAsync(NpgsqlConnection connection, Guid personId, CancellationToken ct)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO calendar_tokens (person_id, token_hash) VALUES (@personId, @hash)
            ON CONFLICT (person_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = now()
            """, new { personId, hash = Hash(token) }, cancellationToken: ct));
        return token;
    }

    public async Task<bool> RevokeAsync(NpgsqlConnection connection, Guid personId, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM calendar_tokens WHERE person_id = @personId",
            new { personId }, cancellationToken: ct)) > 0;

    public async Task<Guid?> PersonOfAsync(NpgsqlConnection connection, string token, CancellationToken ct) =>
        token.Length is < 20 or > 100 ? null : await connection.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(
            "SELECT person_id FROM calendar_tokens WHERE token_hash = @hash", new { hash = Hash(token) }, cancellationToken: ct));

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    /// <summary>Minutes before a session the person's feed reminds them; null when they turned reminders off.</summary>
    public async Task<int?> ReminderMinutesAsync(NpgsqlConnection connection, Guid personId, CancellationToken ct)
    {
        var preference = await connection.QuerySingleOrDefaultAsync<ReminderPreference>(new CommandDefinition(
            "SELECT reminder_minutes AS Minutes FROM calendar_preferences WHERE person_id = @personId", new { personId }, cancellationToken: ct));
        return preference is null ? DefaultReminderMinutes : preference.Minutes;
    }

    public Task SetReminderMinutesAsync(NpgsqlConnection connection, Guid personId, int? minutes, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO calendar_preferences (person_id, reminder_minutes) VALUES (@personId, @minutes)
            ON CONFLICT (person_id) DO UPDATE SET reminder_minutes = EXCLUDED.reminder_minutes, updated_at = now()
            """, new { personId, minutes }, cancellationToken: ct));

    private sealed record ReminderPreference(int? Minutes);
}
