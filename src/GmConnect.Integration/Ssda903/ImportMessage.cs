namespace GmConnect.Integration.Ssda903;

/// <summary>A problem met while reading a 903 file: the file, the line (1-based, when known) and what to do.</summary>
public sealed record ImportMessage(string File, int? Line, string Message);
