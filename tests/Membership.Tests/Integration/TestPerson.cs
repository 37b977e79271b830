namespace Studios.Membership.Tests.Integration;

/// <summary>Someone signed in to the service: their id (the token's subject), email and HTTP client.</summary>
public sealed record TestPerson(Guid Id, string Name, string Email, HttpClient Client);
