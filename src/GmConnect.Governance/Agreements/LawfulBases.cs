using System.Collections.Frozen;

namespace GmConnect.Governance.Agreements;

/// <summary>
/// The catalogue of lawful bases an agreement may cite. Agreements citing an unknown code are rejected, so that
/// the statutory-override rule below cannot be triggered by a typo.
/// </summary>
public static class LawfulBases
{
    /// <summary>Every known basis.</summary>
    public static IReadOnlyList<LawfulBasis> All { get; } =
    [
        new("uk-gdpr-6-1-a", "UK GDPR Art 6(1)(a) consent", LawfulBasisKind.Article6, IsConsent: true),
        new("uk-gdpr-6-1-c", "UK GDPR Art 6(1)(c) legal obligation", LawfulBasisKind.Article6),
        new("uk-gdpr-6-1-d", "UK GDPR Art 6(1)(d) vital interests", LawfulBasisKind.Article6),
        new("uk-gdpr-6-1-e", "UK GDPR Art 6(1)(e) public task", LawfulBasisKind.Article6),
        new("uk-gdpr-9-2-a", "UK GDPR Art 9(2)(a) explicit consent", LawfulBasisKind.Article9, IsConsent: true),
        new("uk-gdpr-9-2-g", "UK GDPR Art 9(2)(g) substantial public interest", LawfulBasisKind.Article9),
        new("uk-gdpr-9-2-h", "UK GDPR Art 9(2)(h) health or social care", LawfulBasisKind.Article9),
        new("uk-gdpr-9-2-j", "UK GDPR Art 9(2)(j) archiving, research and statistics", LawfulBasisKind.Article9),
        new("dpa-2018-sch1-para18", "DPA 2018 Sch 1 para 18 safeguarding of children and individuals at risk", LawfulBasisKind.Article9),
        new("dpa-2018-part3", "DPA 2018 Part 3 law enforcement processing", LawfulBasisKind.LawEnforcement),
        new("hsca-2012-s251b", "Health and Social Care Act 2012 s.251B duty to share for direct care", LawfulBasisKind.StatutoryGateway),
        new("children-act-1989-s47", "Children Act 1989 s.47 duty to investigate", LawfulBasisKind.StatutoryGateway, OverridesObjection: true),
        new("children-act-2004-s11", "Children Act 2004 s.11 duty to safeguard and promote welfare", LawfulBasisKind.StatutoryGateway),
        new("care-act-2014-s42", "Care Act 2014 s.42 safeguarding enquiry", LawfulBasisKind.StatutoryGateway, OverridesObjection: true),
        new("crime-and-disorder-act-1998-s115", "Crime and Disorder Act 1998 s.115", LawfulBasisKind.StatutoryGateway),
    ];

    private static readonly FrozenDictionary<string, LawfulBasis> ByCode =
        All.ToFrozenDictionary(b => b.Code, StringComparer.Ordinal);

    /// <summary>Finds a basis by code.</summary>
    public static LawfulBasis? Find(string code) => ByCode.GetValueOrDefault(code);
}
