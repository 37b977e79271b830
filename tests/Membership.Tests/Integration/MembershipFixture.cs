using System.Net;
using System.Net.Http.Json;
using Npgsql;
using Studios.Membership.Contracts;
using Studios.Stewardship.Contracts;
using Studios.Testing;

namespace Studios.Membership.Tests.Integration;

[CollectionDefinition(Name)]
public sealed class MembershipCollection : ICollectionFixture<MembershipFixture>
{
    public const string Name = "Membership service";
}

/// <summary>One Membership service on its own database and virtual host for all integration tests (start-up costs
/// seconds), a bus standing in for Stewardship, and logs of every event Membership publishes from the start.
/// Tests isolate themselves with fresh people and studios.</summary>
public sealed class MembershipFixture : IAsyncLifetime
{
    /// <summary>Configured instead of the 14-day default, to show the lifetime is configurable.</summary>
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(3);

    public TestEnvironment Environment { get; private set; } = null!;
    public MembershipFactory Factory { get; private set; } = null!;
    public TestBus Bus { get; private set; } = null!;

    public MessageLog<PersonRegistered> PersonRegistered { get; private set; } = null!;
    public MessageLog<PersonProfileUpdated> PersonProfileUpdated { get; private set; } = null!;
    public MessageLog<PersonErased> PersonErased { get; private set; } = null!;
    public MessageLog<MemberJoinedStudio> MemberJoined { get; private set; } = null!;
    public MessageLog<MemberLeftStudio> MemberLeft { get; private set; } = null!;
    public MessageLog<MemberRoleChanged> MemberRoleChanged { get; private set; } = null!;
    public MessageLog<EmailVerificationRequested> VerificationRequested { get; private set; } = null!;
    public MessageLog<PersonEmailVerified> EmailVerified { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Environment = await TestEnvironment.CreateAsync("membership", "membership");
        Factory = new MembershipFactory(Environment, new Dictionary<string, string?>
        {
            ["Membership:InvitationLifetime"] = InvitationLifetime.ToString(),
            ["Membership:HousekeepingInterval"] = "00:00:00.250",
        });
        using var probe = Factory.CreateClient();
        await Eventually.TrueAsync(async () => (await probe.GetAsync("/health")).IsSuccessStatusCode,
            TimeSpan.FromSeconds(60), "the service should be ready (database migrated, broker connected)");

        Bus = await TestBus.StartAsync(Environment);
        PersonRegistered = await Bus.ObserveAsync<PersonRegistered>();
        PersonProfileUpdated = await Bus.ObserveAsync<PersonProfileUpdated>();
        PersonErased = await Bus.ObserveAsync<PersonErased>();
        MemberJoined = await Bus.ObserveAsync<MemberJoinedStudio>();
        MemberLeft = await Bus.ObserveAsync<MemberLeftStudio>();
        MemberRoleChanged = await Bus.ObserveAsync<MemberRoleChanged>();
        VerificationRequested = await Bus.ObserveAsync<EmailVerificationRequested>();
        EmailVerified = await Bus.ObserveAsync<PersonEmailVerified>();
    }

    public async Task DisposeAsync()
    {
        await Bus.DisposeAsync();
        await Factory.DisposeAsync();
        await Environment.DisposeAsync();
    }

    /// <summary>A signed-in subject that has not registered yet.</summary>
    public TestPerson Person(string? name = null, params string[] roles)
    {
        var id = Guid.NewGuid();
        name ??= $"Person {id.ToString()[..8]}";
        return new TestPerson(id, name, $"{id:N}@example.org",
            Factory.ClientFor(id, name, roles.Length == 0 ? ["participant"] : roles));
    }

    /// <summary>A registered person whose address is verified (they opened the link mailed to it), as most people are.</summary>
    public async Task<TestPerson> RegisterAsync(string? name = null, params string[] roles)
    {
        var person = await RegisterUnverifiedAsync(name, roles);
        await VerifyAsync(person);
        return person;
    }

    /// <summary>A registered person who has not opened the verification link yet: their address is only a claim.</summary>
    public async Task<TestPerson> RegisterUnverifiedAsync(string? name = null, params string[] roles)
    {
        var person = Person(name, roles);
        var response = await person.Client.PostAsJsonAsync("/api/people", Profile(person));
        await response.ShouldBeAsync(HttpStatusCode.Created);
        return person;
    }

    /// <summary>The tokens of the verification links mailed for the person's <paramref name="email"/>, oldest first, once
    /// <paramref name="count"/> have been published (Notifications would mail each).</summary>
    public async Task<IReadOnlyList<string>> VerificationTokensAsync(Guid personId, string email, int count = 1)
    {
        bool Mine(EmailVerificationRequested e) => e.PersonId == personId && e.Email == email;
        await Eventually.TrueAsync(() => VerificationRequested.Messages.Count(Mine) >= count, TimeSpan.FromSeconds(20),
            $"{count} verification link(s) for {email} to be published");
        return VerificationRequested.Messages.Where(Mine).Select(e => e.Token).ToList();
    }

    /// <summary>Opens the (latest) verification link mailed to the person's address, as they would, without signing in.</summary>
    public async Task VerifyAsync(TestPerson person, string? email = null)
    {
        var token = (await VerificationTokensAsync(person.Id, email ?? person.Email))[^1];
        using var anonymous = Factory.CreateClient();
        await (await anonymous.PostAsync($"/api/email-verifications/{token}", content: null)).ShouldBeAsync(HttpStatusCode.OK);
    }

    public static object Profile(TestPerson person, string timeZone = "Europe/Berlin", string locale = "en-GB") =>
        new { displayName = person.Name, email = person.Email, timeZone, locale };

    /// <summary>Stewardship approves a studio with <paramref name="founder"/> as founding facilitator; returns once its
    /// roster is open (the founder sees it), with the given join policy.</summary>
    public async Task<Guid> OpenStudioAsync(TestPerson founder, int capacity, string joinPolicy = "open")
    {
        var studioId = Guid.NewGuid();
        await Bus.PublishAsync(new StudioApproved(studioId, $"Studio {studioId.ToString()[..8]}", founder.Id, capacity,
            "Europe/Lisbon", Guid.NewGuid(), Guid.NewGuid(), DateTimeOffset.UtcNow));
        await Eventually.TrueAsync(async () => (await founder.Client.GetAsync($"/api/studios/{studioId}/members")).IsSuccessStatusCode,
            TimeSpan.FromSeconds(20), "the approved studio's roster should open with its founding facilitator");
        if (joinPolicy != "request-to-join")
        {
            var response = await founder.Client.PutAsJsonAsync($"/api/studios/{studioId}/policy", new { joinPolicy });
            await response.ShouldBeAsync(HttpStatusCode.OK);
        }
        return studioId;
    }

    public async Task<NpgsqlConnection> OpenDatabaseAsync()
    {
        var connection = new NpgsqlConnection(Factory.DatabaseConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
