using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace GmConnect.Server.Security;

/// <summary>
/// Switches the host's sign-in to a configured OpenID Connect issuer (<see cref="OidcOptions"/>): the JWT bearer
/// handler validates against the issuer's metadata and keys instead of the development issuer's, and the pages
/// sign in with the authorisation-code flow (PKCE). Unset, nothing changes.
/// </summary>
internal static class OidcSignIn
{
    /// <summary>The page a user without a purpose-of-use claim is sent to after signing in.</summary>
    public const string PurposePath = "/sign-in/purpose";

    /// <summary>Registers the issuer's sign-in. Call after the host's own authentication set-up, so this configuration wins.</summary>
    public static WebApplicationBuilder AddOidcSignIn(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(OidcOptions.Section).Get<OidcOptions>() ?? new OidcOptions();
        options.Validate();
        builder.Services.AddSingleton(options);
        if (!options.Enabled)
        {
            return builder;
        }

        var audience = string.IsNullOrWhiteSpace(options.Audience) ? options.ClientId! : options.Audience;
        builder.Services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, jwt =>
        {
            jwt.Authority = options.Authority;
            jwt.Audience = audience;
            jwt.RequireHttpsMetadata = options.RequireHttpsMetadata;
            jwt.MapInboundClaims = false;
            // A fresh set: the issuer and its keys come from the metadata, not from the development issuer.
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidAudience = audience,
                ValidateIssuer = true,
                ValidateAudience = true,
                ValidateLifetime = true,
                RequireSignedTokens = true,
                RequireExpirationTime = true,
                ClockSkew = TimeSpan.FromSeconds(30),
                NameClaimType = UserClaims.Practitioner,
            };
            jwt.Events ??= new JwtBearerEvents();
            jwt.Events.OnTokenValidated = context =>
            {
                MapClaims(context.Principal, options.Claims);
                return Task.CompletedTask;
            };
        });

        // The issuer sends the browser back from another site: a Strict session cookie would not travel on that
        // first request, so the session is Lax here (forms are still protected by antiforgery tokens).
        builder.Services.Configure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, cookie =>
            cookie.Cookie.SameSite = SameSiteMode.Lax);

        builder.Services.AddAuthentication().AddOpenIdConnect(oidc =>
        {
            oidc.Authority = options.Authority;
            oidc.ClientId = options.ClientId;
            oidc.ClientSecret = options.ClientSecret;
            oidc.RequireHttpsMetadata = options.RequireHttpsMetadata;
            oidc.ResponseType = OpenIdConnectResponseType.Code;
            oidc.ResponseMode = OpenIdConnectResponseMode.Query;
            oidc.UsePkce = true;
            oidc.SaveTokens = false;
            oidc.GetClaimsFromUserInfoEndpoint = false;
            oidc.MapInboundClaims = false;
            oidc.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            oidc.Scope.Clear();
            oidc.Scope.Add("openid");
            oidc.Scope.Add("profile");
            foreach (var scope in options.Scopes)
            {
                oidc.Scope.Add(scope);
            }

            oidc.TokenValidationParameters.NameClaimType = UserClaims.Name;
            oidc.TokenValidationParameters.RoleClaimType = UserClaims.Role;
            // Query response mode: the correlation and nonce cookies come back on a top-level GET, so Lax suffices,
            // and they follow the request's scheme (https in production, http on a loopback test issuer).
            oidc.CorrelationCookie.SameSite = SameSiteMode.Lax;
            oidc.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            oidc.NonceCookie.SameSite = SameSiteMode.Lax;
            oidc.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            oidc.Events.OnTokenValidated = context =>
            {
                MapClaims(context.Principal, options.Claims);
                if (context.Principal?.FindFirst(UserClaims.Purpose) is null && context.Properties is { } properties)
                {
                    // The issuer knows who they are, not why they are looking: they say so before going on.
                    var returnUrl = properties.RedirectUri ?? "/";
                    properties.RedirectUri = PurposePath + "?ReturnUrl=" + Uri.EscapeDataString(returnUrl);
                }

                return Task.CompletedTask;
            };
        });
        return builder;
    }

    /// <summary>Puts the issuer's claims under the exchange's names, so Governance reads one set of names.</summary>
    internal static void MapClaims(ClaimsPrincipal? principal, OidcClaimMap map)
    {
        if (principal?.Identity is not ClaimsIdentity identity)
        {
            return;
        }

        foreach (var (from, to) in map.Pairs())
        {
            if (string.Equals(from, to, StringComparison.Ordinal))
            {
                continue;
            }

            // The configured claim wins: the issuer's own claim of the exchange's name (its opaque "sub", say) is
            // not the practitioner's registry key and must not be read as one.
            foreach (var stale in identity.FindAll(to).ToArray())
            {
                identity.RemoveClaim(stale);
            }

            if (identity.FindFirst(from) is { } claim)
            {
                identity.AddClaim(new Claim(to, claim.Value, claim.ValueType, claim.Issuer));
            }
        }
    }
}
