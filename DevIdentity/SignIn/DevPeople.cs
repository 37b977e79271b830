using System.Collections.Concurrent;
using System.Text.Json;

namespace Studios.DevIdentity.SignIn;

/// <summary>A person the development identity has signed in before, offered again on its sign-in page.</summary>
public sealed record DevPerson(string Subject, string Name, string Email, IReadOnlyList<string> Roles);

/// <summary>
/// The people the sign-in page offers: kept beside the signing key (a JSON file) when one is configured, so a local run
/// remembers them across restarts; in memory otherwise (tests).
/// </summary>
public sealed class DevPeople(string? file)
{
    private readonly ConcurrentDictionary<string, DevPerson> _people = Load(file);
    private readonly Lock _writing = new();

    public IReadOnlyList<DevPerson> All => [.. _people.Values.OrderBy(person => person.Name, StringComparer.OrdinalIgnoreCase)];

    public DevPerson? Find(string subject) => _people.GetValueOrDefault(subject);

    public DevPerson Remember(DevPerson person)
    {
        _people[person.Subject] = person;
        if (file is null) return person;
        lock (_writing) File.WriteAllText(file, JsonSerializer.Serialize(_people.Values.ToArray()));
        return person;
    }

    private static ConcurrentDictionary<string, DevPerson> Load(string? file)
    {
        if (file is null || !File.Exists(file)) return new();
        var people = JsonSerializer.Deserialize<DevPerson[]>(File.ReadAllText(file)) ?? [];
        return new(people.Select(person => KeyValuePair.Create(person.Subject, person)));
    }
}
