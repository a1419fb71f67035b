using GmConnect.Governance.Decisions;

namespace GmConnect.Governance.Registries;

/// <summary>A role a practitioner can act in.</summary>
/// <param name="Code">The role code carried in tokens, e.g. <c>social-worker</c>.</param>
/// <param name="Name">A readable name.</param>
/// <param name="Purposes">The purposes the role may claim.</param>
/// <param name="Capabilities">What the role may do beyond reading.</param>
public sealed record RoleDefinition(string Code, string Name, IReadOnlyList<Purpose> Purposes, RoleCapabilities Capabilities);
