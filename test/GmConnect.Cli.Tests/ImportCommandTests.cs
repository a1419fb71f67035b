namespace GmConnect.Cli.Tests;

public sealed class ImportCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("gmc-cli-");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }

    [Fact]
    public async Task ImportPersonRecords_FileWithABadRow_SummarisesAndWritesErrorsCsv()
    {
        var csv = Path.Combine(_folder.FullName, "gp.csv");
        await File.WriteAllTextAsync(csv, "source,record_id,sex\ngp:P1,1,F\ngp:P1,2,Q\n", TestContext.Current.CancellationToken);
        var store = $"Data Source={Path.Combine(_folder.FullName, "x.db")}";
        var errors = Path.Combine(_folder.FullName, "errors.csv");

        var (exit, output, _) = await CliRunner.RunAsync("import", "person-records", csv, "--store", store, "--errors", errors);

        Assert.Equal(0, exit);
        Assert.Contains("gp.csv: imported as batch 1: 1 accepted (1 new, 0 changed, 0 unchanged), 1 rejected", output, StringComparison.Ordinal);
        Assert.Equal("file,line,field,message\ngp.csv,3,sex,\"sex must be M, F, U or blank\"\n", (await File.ReadAllTextAsync(errors, TestContext.Current.CancellationToken)).ReplaceLineEndings("\n"));

        (exit, output, _) = await CliRunner.RunAsync("import", "person-records", csv, "--store", store);
        Assert.Equal(0, exit);
        Assert.Contains("gp.csv: already imported as batch 1", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportPersonRecords_WrongHeader_ExitCode1WithReason()
    {
        var csv = Path.Combine(_folder.FullName, "odd.csv");
        await File.WriteAllTextAsync(csv, "who,what\n", TestContext.Current.CancellationToken);

        var (exit, _, error) = await CliRunner.RunAsync("import", "person-records", csv, "--store", $"Data Source={Path.Combine(_folder.FullName, "x.db")}");

        Assert.Equal(1, exit);
        Assert.Contains("odd.csv: not imported. The header row is not a person-records CSV", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportPersonRecords_MissingFile_ExitCode2()
    {
        var (exit, _, error) = await CliRunner.RunAsync("import", "person-records", Path.Combine(_folder.FullName, "nope.csv"), "--store", $"Data Source={Path.Combine(_folder.FullName, "x.db")}");

        Assert.Equal(2, exit);
        Assert.Contains("No such file", error, StringComparison.Ordinal);
    }
}
