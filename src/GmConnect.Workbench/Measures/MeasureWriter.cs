using System.Globalization;
using System.Text.Json;
using GmConnect.Workbench.Model;

namespace GmConnect.Workbench.Measures;

/// <summary>Writes measures as CSV (<c>area,year,measure,category,kind,value,base</c>; suppressed values as <c>c</c>) or JSON.</summary>
public static class MeasureWriter
{
    public static void WriteCsv(IEnumerable<MeasureValue> values, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine("area,year,measure,category,kind,value,base");
        foreach (var v in values)
        {
            var value = v.Value is { } x ? x.ToString(CultureInfo.InvariantCulture) : "c";
            var @base = v.Suppressed ? "c" : v.Base.ToString(CultureInfo.InvariantCulture);
            writer.WriteLine($"{Csv.Escape(v.Area)},{v.Year},{v.Measure},{Csv.Escape(v.Category)},{v.Kind},{value},{@base}");
        }
    }

    public static void WriteJson(IEnumerable<MeasureValue> values, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(values);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartArray();
        foreach (var v in values)
        {
            json.WriteStartObject();
            json.WriteString("area", v.Area);
            json.WriteString("year", v.Year.ToString());
            json.WriteString("measure", v.Measure);
            json.WriteString("category", v.Category);
            json.WriteString("kind", v.Kind.ToString());
            if (v.Value is { } x)
            {
                json.WriteNumber("value", x);
                json.WriteNumber("base", v.Base);
            }
            else
            {
                json.WriteString("value", "c");
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
