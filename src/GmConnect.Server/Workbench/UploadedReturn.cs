using GmConnect.Integration.Ssda903;
using GmConnect.Workbench.Validation;

namespace GmConnect.Server.Workbench;

/// <summary>One uploaded return's validation, kept so that its uploader can read it again and download it.</summary>
public sealed record UploadedReturn(string Id, string Owner, DateTimeOffset UploadedAt, IReadOnlyList<string> Files, ValidationReport Report, IReadOnlyList<ImportMessage> Messages);
