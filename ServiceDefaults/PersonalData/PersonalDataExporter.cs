using System.Data;
using System.Text.Json;
using Dapper;
using Npgsql;
using Studios.ServiceDefaults.Data;

namespace Studios.ServiceDefaults.PersonalData;

/// <summary>Runs every registered section for one person in one read-only snapshot, so the export is consistent.</summary>
public sealed class PersonalDataExporter(
    NpgsqlDataSource dataSource, ServiceDatabase database, IEnumerable<PersonalDataSection> sections, TimeProvider time)
{
    public async Task<PersonalDataExport> ExportAsync(Guid personId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("SET TRANSACTION READ ONLY", transaction: transaction,
            cancellationToken: cancellationToken));
        var data = new SortedDictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var section in sections)
        {
            // PostgreSQL renders the rows as JSON itself: every column under its own name, with its own type.
            var json = await connection.ExecuteScalarAsync<string>(new CommandDefinition(
                $"SELECT coalesce(json_agg(row_to_json(section)), '[]'::json)::text FROM ({section.Sql}) AS section",
                new { PersonId = personId }, transaction, cancellationToken: cancellationToken));
            data[section.Name] = JsonDocument.Parse(json!).RootElement.Clone();
        }
        await transaction.CommitAsync(cancellationToken);
        return new PersonalDataExport(database.Name, personId, time.GetUtcNow(), data);
    }
}
