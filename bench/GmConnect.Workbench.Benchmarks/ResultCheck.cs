using System.Globalization;
using GmConnect.Integration.Ssda903;
using GmConnect.Workbench.Derived;
using GmConnect.Workbench.Measures;
using GmConnect.Workbench.Model;
using GmConnect.Workbench.Validation;

namespace GmConnect.Workbench.Benchmarks;

/// <summary>
/// Writes every validation error and every (suppressed) measure of a folder of returns in the layout of
/// <c>gmc ssda903 validate-all --out … --measures ….csv</c>, so that a speed change can be held to the same results
/// with <c>cmp</c> without publishing the CLI (bench/workbench.sh compares gmc's own files).
/// </summary>
internal static class ResultCheck
{
    public static void Run(string dir, string prefix)
    {
        var imported = Ssda903Importer.ReadTree(dir);
        var results = Ssda903Validator.ValidateAll(imported.Returns);
        using (var writer = new StreamWriter(prefix + "-errors.csv"))
        {
            writer.WriteLine("authority,year,table,row,child,code,fields");
            foreach (var (ret, errors) in results)
            {
                foreach (var e in errors)
                {
                    writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{Csv.Escape(ret.Authority)},{ret.Year},{e.Table},{e.Row},{Csv.Escape(e.Child)},{Csv.Escape(e.Code)},{Csv.Escape(string.Join(';', e.Fields))}"));
                }
            }
        }

        var values = Suppression.Apply(Ssda903Measures.Compute(Ssda903History.Build(imported.Returns)), null);
        using (var writer = new StreamWriter(prefix + "-measures.csv"))
        {
            MeasureWriter.WriteCsv(values, writer);
        }

        Console.WriteLine($"{results.Sum(r => r.Errors.Count)} errors, {values.Count} figures written to {prefix}-*.csv");
    }
}
