using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.WebUtilities;

namespace GmConnect.Server.Fhir.Infrastructure;

/// <summary>
/// Builds searchset Bundles: <c>total</c> (what the caller may see in all, never counting withheld items),
/// <c>self</c>/<c>first</c>/<c>previous</c>/<c>next</c> links paged by <c>_offset</c> and <c>_count</c>, a
/// <c>fullUrl</c> per entry and <c>entry.search</c> with score and match grade.
/// </summary>
internal static class FhirBundles
{
    /// <summary>The FHIR extension that carries a match grade on <c>Bundle.entry.search</c>.</summary>
    public const string MatchGradeExtension = "http://hl7.org/fhir/StructureDefinition/match-grade";

    /// <summary>The default and largest page sizes.</summary>
    public const int DefaultCount = 20;

    /// <inheritdoc cref="DefaultCount"/>
    public const int MaxCount = 100;

    /// <summary>The server's FHIR base URL as the caller reached it, e.g. <c>http://127.0.0.1:5080/fhir</c>.</summary>
    public static string BaseUrl(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, "/fhir");
    }

    /// <summary>
    /// A searchset Bundle for one page. <paramref name="total"/> is the number of permitted matches in all; the
    /// page starts at <paramref name="offset"/> and holds at most <paramref name="count"/>. Links keep the request's
    /// other parameters as they came.
    /// </summary>
    public static Bundle SearchSet(HttpRequest request, IReadOnlyList<SearchEntry> page, int total, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(page);
        var baseUrl = BaseUrl(request);
        var bundle = new Bundle
        {
            Id = Guid.NewGuid().ToString("N"),
            Type = Bundle.BundleType.Searchset,
            Total = total,
        };
        bundle.Link.Add(new Bundle.LinkComponent { Relation = "self", Url = PageUrl(request, offset, count) });
        if (count > 0)
        {
            bundle.Link.Add(new Bundle.LinkComponent { Relation = "first", Url = PageUrl(request, 0, count) });
            if (offset > 0)
            {
                bundle.Link.Add(new Bundle.LinkComponent { Relation = "previous", Url = PageUrl(request, Math.Max(0, offset - count), count) });
            }

            if (offset + count < total)
            {
                bundle.Link.Add(new Bundle.LinkComponent { Relation = "next", Url = PageUrl(request, offset + count, count) });
            }
        }

        foreach (var item in page)
        {
            var search = new Bundle.SearchComponent { Mode = item.Mode, Score = item.Score };
            if (item.MatchGrade is not null)
            {
                search.Extension.Add(new Extension(MatchGradeExtension, new Code(item.MatchGrade)));
            }

            bundle.Entry.Add(new Bundle.EntryComponent
            {
                FullUrl = $"{baseUrl}/{item.Resource.TypeName}/{item.Resource.Id}",
                Resource = item.Resource,
                Search = search,
            });
        }

        return bundle;
    }

    /// <summary>Reads <c>_count</c> (default <see cref="DefaultCount"/>, at most <see cref="MaxCount"/>) and <c>_offset</c> (default 0).</summary>
    public static (int Offset, int Count) Paging(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var count = ReadInt(request, "_count", DefaultCount);
        var offset = ReadInt(request, "_offset", 0);
        return (offset, Math.Min(count, MaxCount));
    }

    private static int ReadInt(HttpRequest request, string name, int fallback)
    {
        var raw = request.Query[name].FirstOrDefault();
        if (raw is null)
        {
            return fallback;
        }

        return int.TryParse(raw, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : throw FhirRequestException.Invalid($"{name} must be a whole number of zero or more.");
    }

    private static string PageUrl(HttpRequest request, int offset, int count)
    {
        var query = request.Query
            .Where(q => q.Key is not "_offset" and not "_count")
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
            .Append(new KeyValuePair<string, string?>("_count", count.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Append(new KeyValuePair<string, string?>("_offset", offset.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var path = UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, request.Path);
        return QueryHelpers.AddQueryString(path, query);
    }
}
