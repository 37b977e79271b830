using Microsoft.Extensions.Options;

namespace Studios.DevIdentity.SignIn;

public static class DevSignInExtensions
{
    /// <summary>The code flow's state: the people offered (beside the key file when there is one) and pending codes.</summary>
    public static WebApplicationBuilder AddDevSignIn(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(services =>
        {
            var keyFile = services.GetRequiredService<IOptions<DevIdentityOptions>>().Value.KeyFile;
            return new DevPeople(string.IsNullOrEmpty(keyFile)
                ? null : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(keyFile))!, "people.jsonl"));
        });
        builder.Services.AddSingleton(services => new AuthorizationCodes(services.GetService<TimeProvider>() ?? TimeProvider.System));
        return builder;
    }
}
