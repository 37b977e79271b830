using System.Collections.Concurrent;
using System.Text.Json;

namespace Studios.DevIdentity.SignIn;

/// <summary>A person the development identity has signed in before, offered again on its sign-in page.</summary>
public sealed record DevPerson(string Subject, string Name, string Email, IReadOnlyList<string> Roles);

/// <summary>
/// The people the sign-in page offers: kept beside the signing key when one is configured, so a local run remembers them
/// across restarts; in memory otherwise (tests). The file is JSON Lines, one line appended per new or changed person
/// (the last line of a subject wins), so remembering the 20,000th person costs what remembering the first did.
/// </summary>
public sealed class DevPeople(string? file)
{
    private readonly ConcurrentDictionary<string, DevPerson> _people = Load(file);
    private readonly Lock _writing = new();

    public IReadOnlyList<DevPerson> All => [.. _people.Values.OrderBy(person => person.Name, StringComparer.OrdinalIgnoreCase)];

    public DevPerson? Find(string subject) => _people.GetValueOrDefault(subject);

    public DevPerson Remember(DevPerson person)
    {
        lock (_writing)
        {
            if (_people.TryGetValue(person.Subject, out var known) && Same(known, person)) return person;
            _people[person.Subject] = person;
            if (file is not null) File.AppendAllText(file, JsonSerializer.Serialize(person) + "\n");
        }
        return person;
    }

    private static bool Same(DevPerson a, DevPerson b) =>
        a.Name == b.Name && a.Email == b.Email && a.Roles.SequenceEqual(b.Roles);

    private static ConcurrentDictionary<string, DevPerson> Load(string? file)
    {
        var people = new ConcurrentDictionary<string, DevPerson>();
        if (file is null || !File.Exists(file)) return people;
        foreach (var line in File.ReadLines(file).Where(line => line.Length > 0))
        {
            try
            {
                if (JsonSerializer.Deserialize<DevPerson>(line) is { } person) people[person.Subject] = person;
            }
            catch (JsonException)
            {
                // A line cut short by a killed run: that person is offered again once they get a token.
            }
        }
        return people;
    }
}
