using System.Globalization;
using GmConnect.Identity.Identifiers;
using GmConnect.Identity.Linkage.Records;
using GmConnect.Identity.Manager;

namespace GmConnect.Identity.Matching;

/// <summary>An <see cref="IdentityRecord"/> as the linkage engine's columns (the person-records CSV names).</summary>
internal static class RecordColumns
{
    public static string? Value(IdentityRecord record, string column) => column switch
    {
        "source" => record.Source,
        "record_id" => record.RecordId,
        "nhs_number" => record.NhsNumber,
        "upn" => record.Upn,
        "nino" => record.Nino,
        "pnc_id" => record.PncId,
        "given_name" => record.GivenName,
        "middle_names" => record.MiddleNames,
        "family_name" => record.FamilyName,
        "sex" => record.Sex,
        "date_of_birth" => record.DateOfBirth?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        "postcode" => record.Postcode,
        "address" => record.Address,
        "phone" => record.Phone,
        "email" => record.Email,
        "recorded_on" => record.RecordedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => null,
    };

    /// <summary>A table of the records, in order, with the given columns.</summary>
    public static RecordTable Table(IReadOnlyList<string> columns, IEnumerable<IdentityRecord> records)
    {
        var table = new RecordTable(columns);
        var values = new string?[columns.Count];
        foreach (var record in records)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                values[c] = Value(record, columns[c]);
            }

            table.Add(record.Source, record.RecordId, values);
        }

        return table;
    }

    /// <summary>The record's identifiers: its source key first, then the national ones it carries (canonical form, with validity).</summary>
    public static RecordIdentifier[] Identifiers(IdentityRecord record) =>
        Identifiers(record.Source, record.RecordId, record.NhsNumber, record.Upn, record.Nino, record.PncId);

    /// <summary>The identifiers of a record with these fields (as received).</summary>
    public static RecordIdentifier[] Identifiers(string source, string recordId, string? nhsNumber, string? upn, string? nino, string? pncId)
    {
        var list = new List<RecordIdentifier>(2) { new(SourceSystem(source), recordId) };
        Add(list, IdentifierKind.NhsNumber, IdentifierSystems.NhsNumber, nhsNumber);
        Add(list, IdentifierKind.Upn, IdentifierSystems.Upn, upn);
        Add(list, IdentifierKind.Nino, IdentifierSystems.Nino, nino);
        Add(list, IdentifierKind.PncId, IdentifierSystems.PncId, pncId);
        return [.. list];
    }

    /// <summary>The source's system URI, shared between records (there are few sources and millions of records).</summary>
    private static string SourceSystem(string source)
    {
        var known = _sourceSystems;
        if (known.TryGetValue(source, out var system))
        {
            return system;
        }

        system = IdentifierSystems.ForSource(source);
        if (known.Count < 1_000)
        {
            // Copy on write: readers on other threads always see a complete dictionary.
            _sourceSystems = new Dictionary<string, string>(known, StringComparer.Ordinal) { [source] = system };
        }

        return system;
    }

    private static Dictionary<string, string> _sourceSystems = new(StringComparer.Ordinal);

    /// <summary>The identifier kind of a national system URI, or null.</summary>
    public static IdentifierKind? KindOf(string system) => system switch
    {
        IdentifierSystems.NhsNumber => IdentifierKind.NhsNumber,
        IdentifierSystems.Upn => IdentifierKind.Upn,
        IdentifierSystems.Nino => IdentifierKind.Nino,
        IdentifierSystems.PncId => IdentifierKind.PncId,
        _ => null,
    };

    private static void Add(List<RecordIdentifier> list, IdentifierKind kind, string system, string? raw)
    {
        var canonical = IdentifierCheck.Normalise(kind, raw);
        if (!string.IsNullOrEmpty(canonical))
        {
            list.Add(new RecordIdentifier(system, canonical, IdentifierCheck.IsValid(kind, canonical)));
        }
    }
}
