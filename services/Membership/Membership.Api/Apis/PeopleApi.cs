using Microsoft.AspNetCore.Http.HttpResults;
using Studios.Membership.Apis.Models;
using Studios.Membership.Contracts;
using Studios.Membership.Data;
using Studios.Membership.Features;
using Studios.Membership.Domain;

namespace Studios.Membership.Apis;

public static class PeopleApi
{
    public static IEndpointRouteBuilder MapPeopleApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/people").WithTags("People").RequireAuthorization();

        api.MapPost("/", Register).WithName("RegisterPerson").WithSummary("Register the caller").ProducesProblems(409);
        api.MapGet("/me", GetMe).WithName("GetMyProfile").WithSummary("Get the caller's profile").ProducesProblems(404);
        api.MapPut("/me", UpdateMe).WithName("UpdateMyProfile").WithSummary("Update the caller's profile").ProducesProblems(404, 409, 412);
        api.MapGet("/{personId:guid}", GetPerson).WithName("GetPerson").WithSummary("Get a person").ProducesProblems(404, 410);
        api.MapDelete("/{personId:guid}", Erase).WithName("ErasePerson").WithSummary("Erase a person").ProducesProblems(404);
        api.MapGet("/{personId:guid}/studios", GetStudiosOfPerson).WithName("GetStudiosOfPerson").WithSummary("List a person's studios");
        return app;
    }

    /// <summary>Registers the signed-in subject. The address is a claim until verified (a link is mailed to it); the answer
    /// is the same whether or not someone else has the address, so registering tells no one who is registered.</summary>
    public static async Task<Results<Created<PersonResponse>, ValidationProblem, ProblemHttpResult>> Register(
        PersonProfileRequest request, [AsParameters] MembershipServices services)
    {
        var errors = PersonProfile.Validate(request.DisplayName, request.Email, request.TimeZone, request.Locale);
        if (errors.Any) return Problems.Invalid(errors);
        var profile = PersonProfile.From(request.DisplayName!, request.Email!, request.TimeZone!, request.Locale!);
        var (me, now, ct) = (services.Me, services.Time.GetUtcNow(), services.Aborted);

        await using var connection = await services.DataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var person = await services.People.RegisterAsync(transaction, me, profile, now, ct);
        if (person is null)
            return Problems.Conflict("You are already registered.", "Change your profile with PUT /api/people/me.");

        await services.Outbox.EnqueueAsync(transaction,
            new PersonRegistered(me, profile.DisplayName, profile.TimeZone, profile.Locale, now), ct);
        await services.EmailVerifications.ClaimAsync(transaction, me, profile.Email, now, ct);
        await transaction.CommitAsync(ct);

        ETags.Set(services.Context.Response, person.Version);
        return TypedResults.Created($"/api/people/{me}",
            PersonResponse.Own(person, new EmailClaimRow(me, profile.Email, now, now)));
    }

    public static async Task<Results<Ok<PersonResponse>, ProblemHttpResult>> GetMe([AsParameters] MembershipServices services)
    {
        await using var connection = await services.OpenConnectionAsync();
        var person = await services.People.FindAsync(connection, services.Me, services.Aborted);
        if (person is null || person.IsErased) return Problems.NotFound("Your profile");
        var claim = await services.Verifications.FindClaimAsync(connection, services.Me, services.Aborted);
        ETags.Set(services.Context.Response, person.Version);
        return TypedResults.Ok(PersonResponse.Own(person, claim));
    }

    /// <summary>Updates the caller's own profile; If-Match guards against overwriting a change made elsewhere. A new address
    /// is a claim until verified: a link is mailed to it, and the verified address (if any) stays in use meanwhile.</summary>
    public static async Task<Results<Ok<PersonResponse>, ValidationProblem, ProblemHttpResult>> UpdateMe(
        PersonProfileRequest request, [AsParameters] MembershipServices services)
    {
        var errors = PersonProfile.Validate(request.DisplayName, request.Email, request.TimeZone, request.Locale);
        if (errors.Any) return Problems.Invalid(errors);
        var profile = PersonProfile.From(request.DisplayName!, request.Email!, request.TimeZone!, request.Locale!);
        var (me, now, ct) = (services.Me, services.Time.GetUtcNow(), services.Aborted);

        await using var connection = await services.DataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var person = await services.People.LockAsync(transaction, me, exclusive: true, ct);
        if (person is null || person.IsErased) return Problems.NotFound("Your profile");
        if (!ETags.Matches(services.Context.Request, person.Version)) return Problems.StaleVersion(ETags.For(person.Version));

        var claim = await services.Verifications.LockClaimAsync(transaction, me, ct);
        if (profile.Email == person.Email)
        {
            // Back to the verified address: a pending claim is dropped.
            if (claim is not null) await services.Verifications.DeleteClaimAsync(transaction, me, ct);
            claim = null;
        }
        else if (profile.Email != claim?.Email)
        {
            await services.EmailVerifications.ClaimAsync(transaction, me, profile.Email, now, ct);
            claim = new EmailClaimRow(me, profile.Email, now, now);
        }
        var updated = await services.People.UpdateAsync(transaction, me, profile, now, ct);
        if (updated.DisplayName != person.DisplayName || updated.TimeZone != person.TimeZone || updated.Locale != person.Locale)
            await services.Outbox.EnqueueAsync(transaction,
                new PersonProfileUpdated(me, profile.DisplayName, profile.TimeZone, profile.Locale, now), ct);
        await transaction.CommitAsync(ct);

        ETags.Set(services.Context.Response, updated.Version);
        return TypedResults.Ok(PersonResponse.Own(updated, claim));
    }

    /// <summary>Anyone signed in sees a profile; the email only the person, facilitators of a studio they belong to, and operators.</summary>
    public static async Task<Results<Ok<PersonResponse>, ProblemHttpResult>> GetPerson(
        Guid personId, [AsParameters] MembershipServices services)
    {
        await using var connection = await services.OpenConnectionAsync();
        var person = await services.People.FindAsync(connection, personId, services.Aborted);
        if (person is null) return Problems.NotFound("Person");
        if (person.IsErased) return Problems.Gone("This person was erased.");
        var showEmail = personId == services.Me || services.IsOperator
            || await services.RosterViews.FacilitatesStudioOfAsync(connection, services.Me, personId, services.Aborted);
        return TypedResults.Ok(PersonResponse.From(person, showEmail));
    }

    /// <summary>Erases a person (themselves or an operator): memberships end, places go to the waitlist,
    /// personal data is removed here and PersonErased tells every other service to do the same.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> Erase(Guid personId, [AsParameters] MembershipServices services)
    {
        if (personId != services.Me && !services.IsOperator)
            return Problems.Forbidden("Only the person themselves or an operator may erase a person.");
        var (now, ct) = (services.Time.GetUtcNow(), services.Aborted);

        await using var connection = await services.DataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var person = await services.People.LockAsync(transaction, personId, exclusive: true, ct);
        if (person is null) return Problems.NotFound("Person");
        if (person.IsErased) return TypedResults.NoContent();

        var tally = new RosterTally();
        foreach (var membership in await services.Memberships.CurrentOfPersonAsync(transaction, personId, ct))
        {
            var studio = await services.Studios.LockAsync(transaction, membership.StudioId, ct);
            // Re-read under the roster lock: a facilitator may have approved or removed them meanwhile.
            var current = await services.Memberships.FindAsync(transaction, membership.StudioId, membership.Id, ct);
            if (studio is null || current is null || !MemberStates.IsCurrent(current.State)) continue;
            var ended = current.State == MemberStates.Active ? MemberStates.Left : MemberStates.Cancelled;
            await services.Roster.EndAsync(transaction, current, ended, EndReasons.Erased, services.Me, tally, ct);
            await services.Roster.PromoteAsync(transaction, studio, tally, ct);
        }
        await services.Memberships.ForgetIntakeAnswersAsync(transaction, personId, ct);
        if (person.Email is not null)
            await services.Invitations.ForgetEmailAsync(transaction, person.Email, services.Me, now, ct);
        await services.Verifications.ForgetPersonAsync(transaction, personId, ct);
        await services.People.EraseAsync(transaction, personId, now, ct);
        await services.Outbox.EnqueueAsync(transaction, new PersonErased(personId, now), ct);
        await services.Audit.RecordAsync(transaction, new AuditEntry(services.Me, AuditActions.PersonErased, PersonId: personId,
            Detail: new { byThemselves = personId == services.Me }), ct);
        await transaction.CommitAsync(ct);

        services.Metrics.Record(tally);
        return TypedResults.NoContent();
    }

    /// <summary>A person's memberships, current and past: for the person, stewards and operators.</summary>
    public static async Task<Results<Ok<IReadOnlyList<PersonStudioResponse>>, ProblemHttpResult>> GetStudiosOfPerson(
        Guid personId, [AsParameters] MembershipServices services)
    {
        if (personId != services.Me && !services.IsStewardOrOperator)
            return Problems.Forbidden("Only the person, stewards and operators see a person's studios.");
        await using var connection = await services.OpenConnectionAsync();
        var rows = await services.RosterViews.OfPersonAsync(connection, personId, services.Aborted);
        return TypedResults.Ok<IReadOnlyList<PersonStudioResponse>>(rows.Select(PersonStudioResponse.From).ToList());
    }
}
