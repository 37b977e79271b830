using Dapper;

namespace Studios.Benchmarks.Network;

/// <summary>What the databases hold when a network is measured (the small network's rows stay when the large one is
/// seeded on top, so the large figures are these totals, not the preset's).</summary>
public sealed record NetworkTotals(long Studios, long ActiveStudios, long People, long Memberships, long Sessions, long Attendance,
    long Practices, long PracticeVersions, long Reflections)
{
    public static async Task<NetworkTotals> CountAsync(LocalDatabases databases)
    {
        async Task<long> Count(string database, string sql)
        {
            await using var connection = await databases.For(database).OpenConnectionAsync();
            return await connection.ExecuteScalarAsync<long>(sql);
        }
        return new NetworkTotals(
            await Count("stewardship", "SELECT count(*) FROM studios"),
            await Count("stewardship", "SELECT count(*) FROM studios WHERE state = 'active'"),
            await Count("membership", "SELECT count(*) FROM people"),
            await Count("membership", "SELECT count(*) FROM memberships"),
            await Count("scheduling", "SELECT count(*) FROM sessions"),
            await Count("scheduling", "SELECT count(*) FROM attendance"),
            await Count("practice_content", "SELECT count(*) FROM practices"),
            await Count("practice_content", "SELECT count(*) FROM practice_versions"),
            await Count("practice_content", "SELECT count(*) FROM reflections"));
    }

    public override string ToString() =>
        $"{Studios:N0} studios ({ActiveStudios:N0} active), {People:N0} people, {Memberships:N0} memberships, {Sessions:N0} sessions, " +
        $"{Attendance:N0} attendance records, {Practices:N0} practices ({PracticeVersions:N0} versions), {Reflections:N0} reflections";
}
