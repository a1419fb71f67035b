using GmConnect.Governance.Sensitivity;

namespace GmConnect.Governance.Api;

/// <summary>Request body to set a person's sensitivity labels.</summary>
public sealed record LabelsBody(SensitivityLabels Labels);
