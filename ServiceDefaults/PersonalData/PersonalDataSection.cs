namespace Studios.ServiceDefaults.PersonalData;

/// <summary>One part of what a service holds about a person: a name in the export and the query for its rows, which
/// selects by <c>@PersonId</c> and names its columns (no secrets such as token hashes, no other person's contact data).</summary>
public sealed record PersonalDataSection(string Name, string Sql);
