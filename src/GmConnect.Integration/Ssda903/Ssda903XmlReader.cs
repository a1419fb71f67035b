using System.Xml;
using System.Xml.Linq;
using GmConnect.Workbench.Model;

namespace GmConnect.Integration.Ssda903;

/// <summary>
/// Reads the DfE XML layout (root <c>EXPSSDA903</c>, one <c>CHILD</c> per child with a <c>HEADER</c> and its
/// <c>EPISODE</c>s) into the same tables as the CSV layout. XML <c>CHILDID</c> is CSV <c>CHILD</c>, XML <c>PL</c>
/// is CSV <c>PLACE</c>; the header's <c>UASC</c> flag and <c>DUC</c> are kept on Header and also give a UASC row.
/// </summary>
internal static class Ssda903XmlReader
{
    private static readonly string[] Ad1Fields = ["DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"];
    private static readonly string[] Oc3Fields = ["IN_TOUCH", "ACTIV", "ACCOM"];

    public static IReadOnlyList<Ssda903Table> Read(string text, string fileName, ICollection<ImportMessage> messages)
    {
        XDocument doc;
        try
        {
            doc = XDocument.Parse(text.TrimStart('\uFEFF'), LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            messages.Add(new ImportMessage(fileName, ex.LineNumber, "Not well-formed XML: " + ex.Message));
            return [];
        }

        if (doc.Root is null || doc.Root.Name.LocalName != "EXPSSDA903")
        {
            messages.Add(new ImportMessage(fileName, 1, "XML root is not EXPSSDA903; not a 903 return. Skipped."));
            return [];
        }

        var tables = Enum.GetValues<ReturnTable>().ToDictionary(t => t, t => t == ReturnTable.Header
            ? new Ssda903Table(t, ["UASC", "DUC"])
            : new Ssda903Table(t));
        foreach (var child in doc.Root.Elements().Where(e => e.Name.LocalName == "CHILD"))
        {
            var header = child.Elements().FirstOrDefault(e => e.Name.LocalName == "HEADER");
            if (header is null)
            {
                messages.Add(new ImportMessage(fileName, (child as IXmlLineInfo).LineNumber, "CHILD without HEADER; skipped."));
                continue;
            }

            var id = Value(header, "CHILDID");
            var dob = Value(header, "DOB");
            tables[ReturnTable.Header].Add(new Dictionary<string, string?>
            {
                ["CHILD"] = id, ["SEX"] = Value(header, "SEX"), ["DOB"] = dob, ["ETHNIC"] = Value(header, "ETHNIC"),
                ["UPN"] = Value(header, "UPN"), ["MOTHER"] = Value(header, "MOTHER"), ["MC_DOB"] = Value(header, "MC_DOB"),
                ["UASC"] = Value(header, "UASC"), ["DUC"] = Value(header, "DUC"),
            });
            if (Value(header, "UASC") == "1" || Value(header, "DUC") is not null)
            {
                tables[ReturnTable.UASC].Add(new Dictionary<string, string?> { ["CHILD"] = id, ["SEX"] = Value(header, "SEX"), ["DOB"] = dob, ["DUC"] = Value(header, "DUC") });
            }

            AddFlat(tables[ReturnTable.AD1], header, id, dob, Ad1Fields);
            AddFlat(tables[ReturnTable.OC3], header, id, dob, Oc3Fields);
            foreach (var (element, table) in new[]
            {
                ("AREVIEW", ReturnTable.Reviews), ("AMISSING", ReturnTable.Missing), ("PERMANENCE", ReturnTable.PrevPerm),
                ("OC2", ReturnTable.OC2), ("AD_PLACED", ReturnTable.PlacedAdoption),
            })
            {
                foreach (var e in header.Elements().Where(x => x.Name.LocalName == element))
                {
                    tables[table].Add(Fields(e, id, dob));
                }
            }

            foreach (var episode in child.Elements().Where(e => e.Name.LocalName == "EPISODE"))
            {
                var values = Fields(episode, id, null);
                values.Remove("DOB");
                if (values.Remove("PL", out var place))
                {
                    values["PLACE"] = place;
                }

                tables[ReturnTable.Episodes].Add(values);
            }
        }

        return tables.Values.ToList();
    }

    private static string? Value(XElement parent, string name) =>
        Ssda903Importer.CleanValue(parent.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value);

    private static Dictionary<string, string?> Fields(XElement element, string? child, string? dob)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal) { ["CHILD"] = child, ["DOB"] = dob };
        foreach (var e in element.Elements())
        {
            values[e.Name.LocalName] = Ssda903Importer.CleanValue(e.Value);
        }

        return values;
    }

    private static void AddFlat(Ssda903Table table, XElement header, string? child, string? dob, string[] fields)
    {
        if (fields.Any(f => Value(header, f) is not null))
        {
            var values = new Dictionary<string, string?>(StringComparer.Ordinal) { ["CHILD"] = child, ["DOB"] = dob };
            foreach (var f in fields)
            {
                values[f] = Value(header, f);
            }

            table.Add(values);
        }
    }
}
