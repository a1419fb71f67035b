namespace GmConnect.Governance.Agreements;

/// <summary>A lawful basis an agreement cites.</summary>
/// <param name="Code">The code used in agreements, e.g. <c>uk-gdpr-6-1-e</c> or <c>children-act-1989-s47</c>.</param>
/// <param name="Title">What it is.</param>
/// <param name="Kind">Article 6 basis, Article 9 condition, statutory gateway or law-enforcement processing.</param>
/// <param name="IsConsent">True when sharing under it needs the person's consent.</param>
/// <param name="OverridesObjection">
/// True for statutory safeguarding duties under which a person's objection does not stop sharing for
/// safeguarding. This is an explicit rule, not an inference: see <see cref="LawfulBases"/>.
/// </param>
public sealed record LawfulBasis(string Code, string Title, LawfulBasisKind Kind, bool IsConsent = false, bool OverridesObjection = false);
