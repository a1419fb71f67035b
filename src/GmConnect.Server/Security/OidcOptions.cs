namespace GmConnect.Server.Security;

/// <summary>
/// Sign-in with an OpenID Connect issuer (section <c>Authentication:Oidc</c>). When <see cref="Authority"/> is
/// unset the exchange keeps its built-in development issuer and the demo sign-in page; when set, bearer tokens are
/// validated against the issuer's published metadata and keys, and the web pages sign in through the issuer.
/// </summary>
public sealed class OidcOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Authentication:Oidc";

    /// <summary>The issuer's URL (its metadata is at <c>{Authority}/.well-known/openid-configuration</c>). Default: unset.</summary>
    public string? Authority { get; set; }

    /// <summary>This exchange's client id at the issuer (for the pages' sign-in). Required with <see cref="Authority"/>.</summary>
    public string? ClientId { get; set; }

    /// <summary>The client secret, when the issuer gives one (keep it out of files: use the environment). Default: none (PKCE only).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The audience API tokens must carry. Default: <see cref="ClientId"/>.</summary>
    public string? Audience { get; set; }

    /// <summary>Refuse metadata over plain HTTP. Default <c>true</c>; only a loopback test issuer turns it off.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Extra scopes to ask for besides <c>openid</c> and <c>profile</c>. Default: none.</summary>
    public IList<string> Scopes { get; } = [];

    /// <summary>Which of the issuer's claims carry what the exchange needs.</summary>
    public OidcClaimMap Claims { get; set; } = new();

    /// <summary>True when an issuer is configured.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);

    /// <summary>Checks the settings at start-up.</summary>
    public void Validate()
    {
        if (!Enabled)
        {
            return;
        }

        if (!Uri.TryCreate(Authority, UriKind.Absolute, out var authority) || authority.Scheme is not ("https" or "http"))
        {
            throw new InvalidOperationException($"{Section}:Authority must be an absolute http(s) URL.");
        }

        if (RequireHttpsMetadata && authority.Scheme != "https")
        {
            throw new InvalidOperationException($"{Section}:Authority must use https (or set {Section}:RequireHttpsMetadata to false for a loopback test issuer).");
        }

        if (string.IsNullOrWhiteSpace(ClientId))
        {
            throw new InvalidOperationException($"{Section}:ClientId is required when {Section}:Authority is set.");
        }

        foreach (var (name, value) in Claims.Sources())
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new InvalidOperationException($"{Section}:Claims:{name} must name a claim.");
            }
        }
    }
}

/// <summary>
/// The issuer's claim names for the practitioner, organisation, role, purpose of use and display name. Each
/// defaults to the name Governance reads (IHE IUA: <c>sub</c>, <c>subject_organization_id</c>,
/// <c>subject_role</c>, <c>purpose_of_use</c>) and <c>name</c>; an issuer that uses other names is mapped onto
/// those, so Governance sees the same claims whichever issuer signed the token.
/// </summary>
public sealed class OidcClaimMap
{
    /// <summary>The claim with the practitioner's registry key. Default <c>sub</c>.</summary>
    public string Practitioner { get; set; } = UserClaims.Practitioner;

    /// <summary>The claim with the organisation the practitioner acts for. Default <c>subject_organization_id</c>.</summary>
    public string Organisation { get; set; } = UserClaims.Organisation;

    /// <summary>The claim with the role code. Default <c>subject_role</c>.</summary>
    public string Role { get; set; } = UserClaims.Role;

    /// <summary>The claim with the purpose-of-use code. Default <c>purpose_of_use</c>; when a page user's token has none, they state it after signing in.</summary>
    public string Purpose { get; set; } = UserClaims.Purpose;

    /// <summary>The claim with the display name. Default <c>name</c>.</summary>
    public string Name { get; set; } = UserClaims.Name;

    internal IEnumerable<(string Name, string Value)> Sources() =>
    [
        (nameof(Practitioner), Practitioner), (nameof(Organisation), Organisation), (nameof(Role), Role),
        (nameof(Purpose), Purpose), (nameof(Name), Name),
    ];

    /// <summary>Pairs of (issuer's claim, exchange's claim).</summary>
    internal IEnumerable<(string From, string To)> Pairs() =>
    [
        (Practitioner, UserClaims.Practitioner), (Organisation, UserClaims.Organisation), (Role, UserClaims.Role),
        (Purpose, UserClaims.Purpose), (Name, UserClaims.Name),
    ];
}
