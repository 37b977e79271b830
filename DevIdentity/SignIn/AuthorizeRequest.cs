namespace Studios.DevIdentity.SignIn;

/// <summary>The parameters of an authorization request (OpenID Connect Core §3.1.2.1) this identity supports: the code
/// flow with PKCE S256, the answer in the redirect's query.</summary>
public sealed record AuthorizeRequest(
    string? ClientId, string? RedirectUri, string? State, string? Nonce, string? CodeChallenge, string? CodeChallengeMethod,
    string? ResponseType, string? ResponseMode)
{
    public static AuthorizeRequest From(Func<string, string?> read) => new(read("client_id"), read("redirect_uri"),
        read("state"), read("nonce"), read("code_challenge"), read("code_challenge_method"), read("response_type"),
        read("response_mode"));

    /// <summary>A redirect URI this identity answers to: absolute, on loopback (the identity exists for local runs).</summary>
    public Uri? ValidRedirectUri =>
        Uri.TryCreate(RedirectUri, UriKind.Absolute, out var uri) && uri.IsLoopback && uri.Scheme is "http" or "https" ? uri : null;

    /// <summary>What is wrong with the rest of the request (the redirect URI being good), as an OAuth error, or null.</summary>
    public (string Error, string Description)? Problem() =>
        string.IsNullOrWhiteSpace(ClientId) ? ("invalid_request", "client_id is required.")
        : ResponseType != "code" ? ("unsupported_response_type", "Only the authorization code flow (response_type=code) is supported.")
        : ResponseMode is not (null or "" or "query") ? ("invalid_request", "Only response_mode=query is supported.")
        : string.IsNullOrWhiteSpace(CodeChallenge) || CodeChallengeMethod != "S256"
            ? ("invalid_request", "PKCE is required: code_challenge with code_challenge_method=S256.")
        : null;

    public IEnumerable<(string Name, string Value)> Fields()
    {
        (string, string?)[] fields =
        [
            ("client_id", ClientId), ("redirect_uri", RedirectUri), ("state", State), ("nonce", Nonce),
            ("code_challenge", CodeChallenge), ("code_challenge_method", CodeChallengeMethod),
            ("response_type", ResponseType), ("response_mode", ResponseMode),
        ];
        foreach (var (name, value) in fields)
            if (value is not null) yield return (name, value);
    }
}
