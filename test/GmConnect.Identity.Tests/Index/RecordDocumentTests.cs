using GmConnect.Identity.Index;
using GmConnect.Identity.Manager;

namespace GmConnect.Identity.Tests.Index;

public sealed class RecordDocumentTests
{
    [Fact]
    public void FromJson_EveryField_RoundTrips()
    {
        var record = new IdentityRecord
        {
            Source = "gp-practice",
            RecordId = "R\"1\\2",
            NhsNumber = "9434765919",
            Upn = "A123456789012",
            Nino = "QQ123456C",
            PncId = "2001/0000001A",
            GivenName = "Zoë",
            MiddleNames = "Anne-Marie",
            FamilyName = "O'Brien",
            Sex = "F",
            DateOfBirth = new DateOnly(2011, 2, 28),
            Postcode = "M14 5XY",
            Address = "1 Fictional Street\nFlat 2",
            Phone = "0161 496 0000",
            Email = "zoe@example.org",
            RecordedOn = new DateOnly(2025, 1, 2),
        };

        var back = RecordDocument.FromJson(RecordDocument.ToJson(record));

        Assert.Equal(record, back);
    }

    [Fact]
    public void FromJson_MissingFieldsAndUnknownOnes_GiveNullsAndAreIgnored()
    {
        var back = RecordDocument.FromJson("""{"source":"s","record_id":"r","extra":{"a":[1,2]},"given_name":null,"family_name":"Smith","n":3}""");

        Assert.Equal(new SourceRecordKey("s", "r"), back.Key);
        Assert.Null(back.GivenName);
        Assert.Equal("Smith", back.FamilyName);
        Assert.Null(back.DateOfBirth);
    }

    [Theory]
    [InlineData("""{"record_id":"r"}""")]
    [InlineData("""[1]""")]
    public void FromJson_NotARecord_Throws(string json)
    {
        Assert.Throws<FormatException>(() => RecordDocument.FromJson(json));
    }
}
