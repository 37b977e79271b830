using Microsoft.Extensions.Options;
using Studios.DevIdentity.SignIn;

namespace Studios.DevIdentity;

public static class DevIdentityExtensions
{
    public static WebApplicationBuilder AddDevIdentity(this WebApplicationBuilder builder)
    {
        // Development only: it mints a token for anyone who asks.
        if (!builder.Environment.IsDevelopment())
            throw new InvalidOperationException(
                "The development identity runs only in the Development environment; point the services at a real OIDC authority instead.");

        builder.Services.AddOptions<DevIdentityOptions>().BindConfiguration(DevIdentityOptions.Section)
            .Validate(options => Uri.TryCreate(options.Issuer, UriKind.Absolute, out var issuer) && issuer.IsLoopback,
                "DevIdentity:Issuer must be an absolute loopback URL.")
            .ValidateOnStart();
        builder.Services.AddSingleton(services =>
        {
            var options = services.GetRequiredService<IOptions<DevIdentityOptions>>().Value;
            return string.IsNullOrEmpty(options.KeyFile)
                ? new DevTokens(options.Issuer)
                : DevTokens.LoadOrCreate(options.Issuer, options.KeyFile);
        });
        builder.Services.AddProblemDetails();
        builder.AddDevSignIn();
        return builder;
    }

    /// <summary>Requests whose Host is not loopback are refused by ASP.NET Core's host filtering (AllowedHosts).</summary>
    public static WebApplication MapDevIdentity(this WebApplication app)
    {
        // The signing key is created (and kept) at start, not on the first request.
        app.Services.GetRequiredService<DevTokens>();
        app.UseStatusCodePages();
        app.MapGet("/health", () => TypedResults.Ok("Healthy")).ExcludeFromDescription();
        app.MapDevTokensApi();
        app.MapSignInApi();
        return app;
    }
}
