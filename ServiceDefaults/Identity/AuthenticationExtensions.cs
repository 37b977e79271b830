using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace Studios.ServiceDefaults.Identity;

public static class AuthenticationExtensions
{
    /// <summary>JWT bearer tokens from any OIDC authority (Identity:Authority; keys from its JWKS).
    /// Roles come from the "role" claim: participant, facilitator, steward, operator.</summary>
    public static IHostApplicationBuilder AddStudiosAuthentication(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<IdentityOptions>().BindConfiguration(IdentityOptions.Section);
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                var identity = builder.Configuration.GetSection(IdentityOptions.Section).Get<IdentityOptions>() ?? new();
                options.Authority = identity.Authority;
                options.Audience = identity.Audience;
                // A development issuer on loopback serves plain HTTP; anything else must be HTTPS.
                options.RequireHttpsMetadata = identity.Authority is not null && !IsLoopback(identity.Authority);
                options.MapInboundClaims = false;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    NameClaimType = StudiosClaims.Name,
                    RoleClaimType = StudiosClaims.Role,
                    ValidateAudience = identity.Audience is not null,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
            });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(StudiosPolicies.Steward, policy => policy.RequireRole(StudiosRoles.Steward))
            .AddPolicy(StudiosPolicies.Operator, policy => policy.RequireRole(StudiosRoles.Operator))
            .AddPolicy(StudiosPolicies.StewardOrOperator, policy => policy.RequireRole(StudiosRoles.Steward, StudiosRoles.Operator))
            .AddPolicy(StudiosPolicies.FacilitatorOrSteward, policy => policy.RequireRole(StudiosRoles.Facilitator, StudiosRoles.Steward));
        return builder;
    }

    private static bool IsLoopback(string authority) =>
        Uri.TryCreate(authority, UriKind.Absolute, out var uri) && uri.IsLoopback;
}
