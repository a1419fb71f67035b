using Hl7.Fhir.Model;

namespace GmConnect.Server.Fhir.Infrastructure;

/// <summary>One entry of a searchset Bundle: the resource, its score in [0, 1] and, for <c>$match</c>, its match grade.</summary>
/// <param name="Resource">The resource (with an id).</param>
/// <param name="Score">Bundle.entry.search.score, or null.</param>
/// <param name="MatchGrade">The <c>match-grade</c> code (certain, probable, possible, certainly-not), or null.</param>
/// <param name="Mode">match, or include for resources returned alongside.</param>
internal sealed record SearchEntry(Resource Resource, decimal? Score = null, string? MatchGrade = null, Bundle.SearchEntryMode Mode = Bundle.SearchEntryMode.Match);
