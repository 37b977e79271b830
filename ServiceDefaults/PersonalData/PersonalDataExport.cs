using System.Text.Json;

namespace Studios.ServiceDefaults.PersonalData;

/// <summary>Everything one service holds about the caller (GDPR access): each section's rows as the database has them.</summary>
public sealed record PersonalDataExport(string Service, Guid PersonId, DateTimeOffset ExportedAt, IReadOnlyDictionary<string, JsonElement> Data);
