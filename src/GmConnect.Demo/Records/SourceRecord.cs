namespace GmConnect.Demo.Records;

/// <summary>
/// One row of the person-records CSV as a source holds it. Mutable and reused: the planner fills
/// it from the person, the error injector damages it, the sink writes it.
/// </summary>
internal sealed class SourceRecord
{
    public SourceKind Kind { get; set; }

    public string Source { get; set; } = "";

    public string RecordId { get; set; } = "";

    public string NhsNumber { get; set; } = "";

    public string Upn { get; set; } = "";

    public string Nino { get; set; } = "";

    public string PncId { get; set; } = "";

    public string GivenName { get; set; } = "";

    public string MiddleNames { get; set; } = "";

    public string FamilyName { get; set; } = "";

    /// <summary>'M', 'F', 'U' or '\0' for blank.</summary>
    public char Sex { get; set; }

    public DateOnly? DateOfBirth { get; set; }

    public string Postcode { get; set; } = "";

    public string Address { get; set; } = "";

    public string Phone { get; set; } = "";

    public string Email { get; set; } = "";

    public DateOnly RecordedOn { get; set; }

    /// <summary>Bit i set when <see cref="ErrorType"/> i was injected.</summary>
    public int Errors { get; set; }

    public bool Has(ErrorType type) => (Errors & (1 << (int)type)) != 0;

    public void Clear()
    {
        NhsNumber = Upn = Nino = PncId = GivenName = MiddleNames = FamilyName = Postcode = Address = Phone = Email = "";
        Sex = '\0';
        DateOfBirth = null;
        Errors = 0;
    }
}
