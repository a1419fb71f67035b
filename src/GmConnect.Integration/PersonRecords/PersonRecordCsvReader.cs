using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using GmConnect.Integration.Csv;

namespace GmConnect.Integration.PersonRecords;

/// <summary>
/// Reads a person-records CSV (version 1) row by row, validating each row and reporting what is
/// wrong by line and field. A bad row never stops the file; a bad header does
/// (<see cref="CsvFormatException"/>), because nothing after it can be read with confidence.
/// </summary>
public sealed partial class PersonRecordCsvReader : IDisposable
{
    private readonly TextReader _text;
    private readonly Stream? _stream;
    private readonly CsvRecordReader _csv;
    private readonly int[] _columnOf;
    private readonly int _width;

    private PersonRecordCsvReader(TextReader text, Stream? stream)
    {
        _text = text;
        _stream = stream;
        _csv = new CsvRecordReader(text);
        var header = new List<string>();
        if (!_csv.TryRead(header, new StringBuilder(), out _, out var error))
        {
            throw new CsvFormatException("The file is empty: a person-records CSV starts with a header row.");
        }

        if (error is not null)
        {
            throw new CsvFormatException($"The header row cannot be read: {error}.");
        }

        _width = header.Count;
        _columnOf = new int[PersonRecordColumns.All.Count];
        Array.Fill(_columnOf, -1);
        var problems = new List<string>();
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i].Trim();
            var known = IndexOfColumn(name);
            if (known < 0)
            {
                problems.Add($"unknown column '{name}' (position {i + 1})");
            }
            else if (_columnOf[known] >= 0)
            {
                problems.Add($"column '{name}' appears twice");
            }
            else
            {
                _columnOf[known] = i;
            }
        }

        foreach (var required in PersonRecordColumns.Required)
        {
            if (_columnOf[IndexOfColumn(required)] < 0)
            {
                problems.Add($"required column '{required}' is missing");
            }
        }

        if (problems.Count > 0)
        {
            throw new CsvFormatException("The header row is not a person-records CSV (version 1): " + string.Join("; ", problems) +
                ". Columns are: " + string.Join(", ", PersonRecordColumns.All) + ".");
        }
    }

    /// <summary>How far through the file the reader is, 0 to 1, when reading a file; else null.</summary>
    public double? Fraction => _stream is { CanSeek: true, Length: > 0 } s ? (double)s.Position / s.Length : null;

    /// <summary>Opens a file (UTF-8, with or without a byte-order mark).</summary>
    /// <exception cref="CsvFormatException">The header is not a person-records header.</exception>
    public static PersonRecordCsvReader Open(string path)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        try
        {
            return new PersonRecordCsvReader(new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true), stream);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Reads from text already open.</summary>
    public static PersonRecordCsvReader Create(TextReader text) => new(text, null);

    /// <summary>The rows after the header, each valid or with its errors.</summary>
    public IEnumerable<PersonRecordRow> ReadRows()
    {
        var fields = new List<string>(_width);
        var raw = new StringBuilder();
        var seen = new HashSet<(string, string)>();
        while (_csv.TryRead(fields, raw, out var line, out var syntaxError))
        {
            var errors = new List<RowError>();
            if (syntaxError is not null)
            {
                errors.Add(new RowError(line, null, syntaxError));
            }
            else if (fields.Count != _width)
            {
                errors.Add(new RowError(line, null, $"the row has {fields.Count} fields; the header has {_width}"));
            }

            PersonRecord? record = null;
            if (errors.Count == 0)
            {
                record = Validate(fields, line, errors);
                if (record is not null && !seen.Add((record.Source, record.RecordId)))
                {
                    errors.Add(new RowError(line, PersonRecordColumns.RecordId, "the same source and record_id appear on an earlier row of this file"));
                    record = null;
                }
            }

            yield return new PersonRecordRow(line, errors.Count == 0 ? record : null, errors, raw.ToString());
        }
    }

    /// <inheritdoc />
    public void Dispose() => _text.Dispose();

    private PersonRecord? Validate(List<string> fields, long line, List<RowError> errors)
    {
        var source = Field(fields, 0);
        var recordId = Field(fields, 1);
        if (source is null)
        {
            errors.Add(new RowError(line, PersonRecordColumns.Source, "source is required"));
        }
        else if (!SourcePattern().IsMatch(source))
        {
            errors.Add(new RowError(line, PersonRecordColumns.Source, "source may contain only letters, digits and : . _ -"));
        }

        if (recordId is null)
        {
            errors.Add(new RowError(line, PersonRecordColumns.RecordId, "record_id is required"));
        }

        var sex = Field(fields, 9);
        if (sex is not null && sex is not ("M" or "F" or "U"))
        {
            errors.Add(new RowError(line, PersonRecordColumns.Sex, "sex must be M, F, U or blank"));
        }

        var dateOfBirth = Date(fields, 10, line, errors);
        var recordedOn = Date(fields, 15, line, errors);
        if (errors.Count > 0)
        {
            return null;
        }

        return new PersonRecord
        {
            Source = source!,
            RecordId = recordId!,
            NhsNumber = Field(fields, 2),
            Upn = Field(fields, 3),
            Nino = Field(fields, 4),
            PncId = Field(fields, 5),
            GivenName = Field(fields, 6),
            MiddleNames = Field(fields, 7),
            FamilyName = Field(fields, 8),
            Sex = sex,
            DateOfBirth = dateOfBirth,
            Postcode = Field(fields, 11),
            Address = Field(fields, 12),
            Phone = Field(fields, 13),
            Email = Field(fields, 14),
            RecordedOn = recordedOn,
        };
    }

    private DateOnly? Date(List<string> fields, int column, long line, List<RowError> errors)
    {
        var text = Field(fields, column);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(new RowError(line, PersonRecordColumns.All[column], $"{PersonRecordColumns.All[column]} must be a real date written YYYY-MM-DD, or blank"));
        return null;
    }

    /// <summary>The value of a known column, or null when the column is absent or the value blank.</summary>
    private string? Field(List<string> fields, int column)
    {
        var index = _columnOf[column];
        if (index < 0)
        {
            return null;
        }

        var value = fields[index];
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }

    private static int IndexOfColumn(string name)
    {
        for (var i = 0; i < PersonRecordColumns.All.Count; i++)
        {
            if (string.Equals(PersonRecordColumns.All[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    [GeneratedRegex("^[A-Za-z0-9:._-]+$")]
    private static partial Regex SourcePattern();
}
