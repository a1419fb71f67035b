namespace GmConnect.Demo.Tables;

/// <summary>A family name with its feminine form where the language has one (Kowalski/Kowalska).</summary>
internal sealed record Surname(string Male, string Female)
{
    public string For(char sex) => sex == 'F' ? Female : Male;
}
