namespace GmConnect.Workbench.Model;

/// <summary>Writes a return as DfE-layout CSV files, one per supplied table (header.csv, episodes.csv, …).</summary>
public static class ReturnCsvWriter
{
    /// <summary>The file name used for each table.</summary>
    public static string FileName(ReturnTable table) => table switch
    {
        ReturnTable.PlacedAdoption => "placed_for_adoption.csv",
        ReturnTable.PrevPerm => "previous_permanence.csv",
        ReturnTable.SWEpisodes => "sw_episodes.csv",
        _ => table.ToString().ToLowerInvariant() + ".csv",
    };

    /// <summary>Writes every supplied table of <paramref name="ret"/> into <paramref name="directory"/>.</summary>
    public static void Write(Ssda903Return ret, string directory)
    {
        ArgumentNullException.ThrowIfNull(ret);
        Directory.CreateDirectory(directory);
        foreach (var kind in ret.Supplied.Order())
        {
            var table = ret[kind];
            using var writer = new StreamWriter(Path.Combine(directory, FileName(kind)));
            writer.WriteLine(string.Join(',', TableSchema.Columns(kind)));
            foreach (var r in table.Rows)
            {
                writer.WriteLine(string.Join(',', TableSchema.Columns(kind).Select(c => Csv.Escape(table.Get(r, c)))));
            }
        }
    }
}
