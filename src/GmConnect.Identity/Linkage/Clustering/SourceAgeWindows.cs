using GmConnect.Identity.Linkage.Comparisons;
using GmConnect.Identity.Linkage.Records;
using GmConnect.Identity.Linkage.Settings;

namespace GmConnect.Identity.Linkage.Clustering;

/// <summary>
/// For each record, the dates of birth its source allows (ADR 0003, rule 11), as day numbers: a school record touched
/// on 2023-05-01 is about someone born after 2003-05-01 (max age 19); a DWP record in an extract made on 2025-06-30
/// is about someone born on or before 2009-06-30 (min age 16). A record from such a source is told apart from a
/// record of another generation even when it has no date of birth of its own — the father's record without a date of
/// birth cannot be a school pupil's, whatever its name and address.
/// </summary>
internal sealed class SourceAgeWindows
{
    private readonly int[] _earliest;
    private readonly int[] _latest;
    private readonly int[] _days;

    private SourceAgeWindows(int[] earliest, int[] latest, int[] days)
    {
        _earliest = earliest;
        _latest = latest;
        _days = days;
    }

    /// <summary>The windows for the records, or null when the settings name no source ages, the input has no recorded dates, or no source matches.</summary>
    public static SourceAgeWindows? Build(SourceAgeSettings? settings, RecordTable table, PreparedRecords records)
    {
        if (settings is null || settings.Sources.Count == 0)
        {
            return null;
        }

        var comparison = records.Comparisons.FirstOrDefault(c => c.Name == settings.DateOfBirth)
            ?? throw new ArgumentException($"source_ages names the comparison '{settings.DateOfBirth}', which the settings do not have.", nameof(settings));
        var days = records.Columns[comparison.Index].Days
            ?? throw new ArgumentException($"source_ages: the comparison '{settings.DateOfBirth}' has no date levels.", nameof(settings));
        var recordedColumn = table.ColumnIndex(settings.RecordedColumn);
        if (recordedColumn < 0)
        {
            // An input without recorded dates (the Identity Manager's record columns, a FEBRL file) gets no source ages:
            // the rule is off rather than an error, so that one settings file serves every caller.
            return null;
        }

        // Per source (few): its range, if any prefix matches.
        var ranges = table.Sources.Select(s => settings.Sources.FirstOrDefault(r => s.StartsWith(r.Prefix, StringComparison.Ordinal))).ToArray();
        if (ranges.All(r => r is null))
        {
            return null;
        }

        var n = records.Count;
        var recorded = new int[n];
        var extract = int.MinValue;
        for (var i = 0; i < n; i++)
        {
            var value = table.Value(recordedColumn, i);
            recorded[i] = value is null ? int.MinValue : PreparedRecords.DayNumber(PreparedRecords.CanonicalDate(value));
            extract = Math.Max(extract, recorded[i]);
        }

        var earliest = new int[n];
        var latest = new int[n];
        for (var i = 0; i < n; i++)
        {
            earliest[i] = int.MinValue;
            latest[i] = int.MaxValue;
            if (ranges[records.SourceOf[i]] is not { } range)
            {
                continue;
            }

            if (range.MaxAge is { } max && recorded[i] != int.MinValue)
            {
                // Born after the day this record's date was the (max + 1)th birthday.
                earliest[i] = DateOnly.FromDayNumber(recorded[i]).AddYears(-(max + 1)).DayNumber + 1;
            }

            if (range.MinAge is { } min && extract != int.MinValue)
            {
                latest[i] = DateOnly.FromDayNumber(extract).AddYears(-min).DayNumber;
            }
        }

        return new SourceAgeWindows(earliest, latest, days);
    }

    /// <summary>Whether either record's date of birth lies outside the ages the other's source allows.</summary>
    public bool Conflict(int x, int y) => Outside(_days[x], y) || Outside(_days[y], x);

    private bool Outside(int dob, int record) =>
        dob != int.MinValue && (dob < _earliest[record] || dob > _latest[record]);
}
