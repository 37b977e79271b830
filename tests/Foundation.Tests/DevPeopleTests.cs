using Studios.DevIdentity.SignIn;

namespace Studios.Foundation.Tests;

/// <summary>The people the development identity's sign-in page offers survive a restart, one appended line per change.</summary>
public sealed class DevPeopleTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"people-{Guid.NewGuid():N}.jsonl");

    [Fact]
    public void People_remembered_are_offered_after_a_restart_with_their_latest_details()
    {
        var people = new DevPeople(_file);
        people.Remember(new DevPerson("a", "Ada", "ada@example.org", ["participant"]));
        people.Remember(new DevPerson("b", "Ben", "ben@example.org", ["steward"]));
        people.Remember(new DevPerson("a", "Ada", "ada@example.org", ["participant"]));
        people.Remember(new DevPerson("a", "Ada L.", "ada@example.org", ["facilitator"]));

        // The same details again add nothing; a change is one more line.
        Assert.Equal(3, File.ReadAllLines(_file).Length);
        File.AppendAllText(_file, """{"Subject":"c","Na""");   // a line cut short by a killed run

        var restarted = new DevPeople(_file);
        Assert.Equal(["Ada L.", "Ben"], restarted.All.Select(person => person.Name));
        Assert.Equal(["facilitator"], restarted.Find("a")!.Roles);
    }

    public void Dispose() => File.Delete(_file);
}
