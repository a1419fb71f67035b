namespace GmConnect.Server.Health;

/// <summary>The answer of <c>/health</c>.</summary>
/// <param name="Status"><c>healthy</c> or <c>unhealthy</c>.</param>
/// <param name="Store">Which store, without credentials.</param>
/// <param name="Migrations">Each component's schema version against the code's.</param>
/// <param name="Problem">What is wrong, when unhealthy.</param>
public sealed record HealthReport(string Status, StoreHealth Store, IReadOnlyList<MigrationHealth> Migrations, string? Problem);

/// <summary>The store in a health report.</summary>
public sealed record StoreHealth(string Provider, string Description);

/// <summary>One component's schema in a health report.</summary>
public sealed record MigrationHealth(string Component, int Current, int Latest);
