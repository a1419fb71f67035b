namespace GmConnect.Locator.RecordTypes;

/// <summary>A broad category of records (FHIR <c>DocumentReference.category</c>).</summary>
/// <param name="Code">The code, e.g. <c>social-care</c>.</param>
/// <param name="Display">Its name for people.</param>
public sealed record RecordCategory(string Code, string Display);
