namespace GmConnect.Governance.Objections;

/// <summary>What a person said about the use of their records.</summary>
public enum DirectiveKind
{
    /// <summary>The person objects to sharing (in the scope of the directive).</summary>
    Objection,

    /// <summary>The person consents to sharing (needed only where an agreement's basis is consent).</summary>
    Consent,

    /// <summary>The national data opt-out: applies to secondary use only, never to direct care.</summary>
    NationalDataOptOut,
}
