using Npgsql;

namespace Studios.Deployment.Tests.Support;

/// <summary>Every column of every table and view a release's SQL could read or write.</summary>
public sealed record SchemaSnapshot(IReadOnlyDictionary<string, IReadOnlyDictionary<string, SchemaSnapshot.Column>> Relations)
{
    public sealed record Column(string Type, bool Nullable, bool HasDefault, bool IsTable);

    public static async Task<SchemaSnapshot> TakeAsync(NpgsqlConnection connection)
    {
        const string sql = """
            SELECT format('%I.%I', c.table_schema, c.table_name) AS relation, c.column_name, c.udt_name,
                   c.is_nullable = 'YES' AS nullable,
                   (c.column_default IS NOT NULL OR c.is_identity = 'YES' OR c.is_generated = 'ALWAYS') AS has_default,
                   t.table_type = 'BASE TABLE' AS is_table
            FROM information_schema.columns c
            JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
            WHERE c.table_schema NOT IN ('pg_catalog', 'information_schema')
            """;
        var relations = new Dictionary<string, Dictionary<string, Column>>();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var relation = reader.GetString(0);
            if (!relations.TryGetValue(relation, out var columns)) relations[relation] = columns = [];
            columns[reader.GetString(1)] = new Column(reader.GetString(2), reader.GetBoolean(3), reader.GetBoolean(4), reader.GetBoolean(5));
        }
        return new SchemaSnapshot(relations.ToDictionary(r => r.Key, r => (IReadOnlyDictionary<string, Column>)r.Value));
    }

    /// <summary>What a release written against this schema would find broken in <paramref name="next"/>.</summary>
    public IEnumerable<string> BreakagesIn(SchemaSnapshot next)
    {
        foreach (var (relation, columns) in Relations)
        {
            if (!next.Relations.TryGetValue(relation, out var nextColumns))
            {
                yield return $"{relation} was dropped or renamed";
                continue;
            }
            foreach (var (name, column) in columns)
            {
                if (!nextColumns.TryGetValue(name, out var nextColumn)) yield return $"{relation}.{name} was dropped or renamed";
                else if (nextColumn.Type != column.Type) yield return $"{relation}.{name} changed type {column.Type} -> {nextColumn.Type}";
                else if (column.IsTable && column.Nullable && !nextColumn.Nullable && !nextColumn.HasDefault)
                    yield return $"{relation}.{name} became NOT NULL without a default (the previous release's inserts may omit it)";
            }
            foreach (var (name, nextColumn) in nextColumns.Where(c => !columns.ContainsKey(c.Key)))
                if (nextColumn.IsTable && !nextColumn.Nullable && !nextColumn.HasDefault)
                    yield return $"{relation}.{name} was added NOT NULL without a default (the previous release's inserts do not set it)";
        }
    }
}
