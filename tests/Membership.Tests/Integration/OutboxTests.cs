using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Studios.Membership.Contracts;
using Studios.Testing;

namespace Studios.Membership.Tests.Integration;

/// <summary>Every event goes through the transactional outbox, with the contract's type and fields.</summary>
[Collection(MembershipCollection.Name)]
[Trait("Category", "Integration")]
public sealed class OutboxTests(MembershipFixture fixture)
{
    [Fact]
    public async Task Published_events_are_the_outbox_rows_with_the_contract_shapes()
    {
        var facilitator = await fixture.RegisterAsync();
        var person = await fixture.RegisterAsync("Outbox Person");
        var studioId = await fixture.OpenStudioAsync(facilitator, capacity: 2);
        await (await person.Client.PutAsJsonAsync("/api/people/me", new { displayName = "Renamed", email = person.Email, timeZone = "Asia/Tokyo", locale = "ja" }))
            .ShouldBeAsync(HttpStatusCode.OK);
        await (await person.Client.PostEmptyAsync($"/api/studios/{studioId}/join-requests")).ShouldBeAsync(HttpStatusCode.Created);
        await (await facilitator.Client.PutAsJsonAsync($"/api/studios/{studioId}/members/{person.Id}/role", new { role = "co-facilitator" }))
            .ShouldBeAsync(HttpStatusCode.OK);
        await (await person.Client.DeleteAsync($"/api/people/{person.Id}")).ShouldBeAsync(HttpStatusCode.NoContent);

        Assert.Equal(new PersonRegistered(person.Id, "Outbox Person", "Europe/Berlin", "en-GB", default),
            (await fixture.PersonRegistered.WaitForAsync(e => e.PersonId == person.Id)) with { OccurredAt = default });
        Assert.Equal(new PersonProfileUpdated(person.Id, "Renamed", "Asia/Tokyo", "ja", default),
            (await fixture.PersonProfileUpdated.WaitForAsync(e => e.PersonId == person.Id)) with { OccurredAt = default });
        Assert.Equal(new MemberJoinedStudio(studioId, person.Id, "participant", "open", default),
            (await fixture.MemberJoined.WaitForAsync(e => e.PersonId == person.Id)) with { OccurredAt = default });
        Assert.Equal(new MemberRoleChanged(studioId, person.Id, "participant", "co-facilitator", facilitator.Id, default),
            (await fixture.MemberRoleChanged.WaitForAsync(e => e.PersonId == person.Id)) with { OccurredAt = default });
        Assert.Equal(new MemberLeftStudio(studioId, person.Id, "co-facilitator", "erased", default),
            (await fixture.MemberLeft.WaitForAsync(e => e.PersonId == person.Id)) with { OccurredAt = default });
        Assert.Equal(new PersonErased(person.Id, default),
            (await fixture.PersonErased.WaitForAsync(e => e.PersonId == person.Id)) with { OccurredAt = default });

        await using var connection = await fixture.OpenDatabaseAsync();
        // The broker may deliver a message before the relay has recorded the publisher confirm.
        await Eventually.TrueAsync(async () => await connection.ExecuteScalarAsync<long>(
                "SELECT count(*) FROM outbox WHERE body->>'personId' = @Id AND sent_at IS NULL", new { Id = person.Id.ToString() }) == 0,
            TimeSpan.FromSeconds(20), "the relay should mark every published row sent");
        var rows = (await connection.QueryAsync<(Guid Id, string Type, string Body, DateTime? SentAt)>("""
            SELECT id, message_type, body::text, sent_at FROM outbox
            WHERE body->>'personId' = @Id ORDER BY sequence
            """, new { Id = person.Id.ToString() })).ToList();

        Assert.Equal(
            [typeof(PersonRegistered), typeof(EmailVerificationRequested), typeof(PersonEmailVerified), typeof(PersonProfileUpdated),
             typeof(MemberJoinedStudio), typeof(MemberRoleChanged), typeof(MemberLeftStudio), typeof(PersonErased)],
            rows.Select(row => Type.GetType(row.Type)));
        Assert.All(rows, row => Assert.NotNull(row.SentAt));

        // The messages observed on the broker carry the outbox rows' ids.
        Assert.Contains(rows[0].Id, fixture.PersonRegistered.MessageIds.Cast<Guid>());
        Assert.Contains(rows[1].Id, fixture.VerificationRequested.MessageIds.Cast<Guid>());
        Assert.Contains(rows[2].Id, fixture.EmailVerified.MessageIds.Cast<Guid>());
        Assert.Contains(rows[3].Id, fixture.PersonProfileUpdated.MessageIds.Cast<Guid>());
        Assert.Contains(rows[4].Id, fixture.MemberJoined.MessageIds.Cast<Guid>());
        Assert.Contains(rows[5].Id, fixture.MemberRoleChanged.MessageIds.Cast<Guid>());
        Assert.Contains(rows[6].Id, fixture.MemberLeft.MessageIds.Cast<Guid>());
        Assert.Contains(rows[7].Id, fixture.PersonErased.MessageIds.Cast<Guid>());

        // Each body has exactly the contract's properties.
        foreach (var row in rows)
        {
            var contract = Type.GetType(row.Type)!;
            var expected = contract.GetProperties().Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).Order();
            var actual = JsonDocument.Parse(row.Body).RootElement.EnumerateObject().Select(p => p.Name).Order();
            Assert.Equal(expected, actual);
        }
        // The address travels only in the verification events, which only Notifications consumes.
        Assert.Equal([typeof(EmailVerificationRequested), typeof(PersonEmailVerified)],
            rows.Where(row => row.Body.Contains('@')).Select(row => Type.GetType(row.Type)));
        Assert.Equal(person.Email, JsonDocument.Parse(rows[2].Body).RootElement.GetProperty("email").GetString());
    }
}
