using GmConnect.Workbench.Model;

namespace GmConnect.Workbench.Tests.Model;

// The table stores cells column by column with spare capacity: these hold it to what a list of rows did.
public sealed class Ssda903TableTests
{
    [Fact]
    public void AddCleanRow_ReusedBuffer_KeepsEachRowsOwnCells()
    {
        var table = new Ssda903Table(ReturnTable.DoLo);
        var row = new string?[table.Columns.Count];
        row[0] = "C1";
        row[2] = "01/04/2024";
        table.AddCleanRow(row);
        Array.Clear(row);
        row[0] = "C2";
        table.AddCleanRow(row);

        Assert.Equal(2, table.Count);
        Assert.Equal("C1", table.Child(0));
        Assert.Equal(new DateOnly(2024, 4, 1), table.Date(0, "DOLO_START"));
        Assert.Equal("C2", table.Child(1));
        Assert.Null(table.Get(1, "DOLO_START"));
    }

    [Fact]
    public void Get_RowPastTheEnd_Throws_EvenWithSpareCapacity()
    {
        var table = new Ssda903Table(ReturnTable.DoLo);
        table.EnsureCapacity(100);
        table.AddRow("C1");

        Assert.Throws<ArgumentOutOfRangeException>(() => table.Get(1, 0));
    }

    [Fact]
    public void Date_RowsAddedAfterParsing_AreParsedToo()
    {
        var table = new Ssda903Table(ReturnTable.DoLo);
        for (var i = 0; i < 40; i++)
        {
            table.AddRow($"C{i}", null, "01/04/2024");
        }

        Assert.NotNull(table.Date(39, "DOLO_START"));
        table.AddRow("C40", null, "02/04/2024");

        Assert.Equal(41, table.DatesOf(2).Count);
        Assert.Equal(new DateOnly(2024, 4, 2), table.Date(40, "DOLO_START"));
    }
}
