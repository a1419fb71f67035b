using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace GmConnect.Storage;

/// <summary>
/// Reads a component's migrations from embedded resources named
/// <c>migrations/NNNN_name.sqlite.sql</c> and <c>migrations/NNNN_name.postgresql.sql</c>.
/// A component's csproj embeds them with
/// <c>&lt;EmbeddedResource Include="Storage/Migrations/*.sql" LogicalName="migrations/%(Filename)%(Extension)" /&gt;</c>.
/// </summary>
public sealed partial class EmbeddedMigrations : IMigrationSource
{
    private EmbeddedMigrations(string component, IReadOnlyList<Migration> migrations)
    {
        Component = component;
        Migrations = migrations;
    }

    /// <inheritdoc />
    public string Component { get; }

    /// <inheritdoc />
    public IReadOnlyList<Migration> Migrations { get; }

    /// <summary>Loads the migrations embedded in an assembly.</summary>
    /// <exception cref="InvalidOperationException">A version lacks one dialect, or versions have a gap.</exception>
    public static EmbeddedMigrations FromAssembly(Assembly assembly, string component)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentException.ThrowIfNullOrWhiteSpace(component);

        var files = new Dictionary<(int Version, string Name), Dictionary<string, string>>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var match = ResourceName().Match(resource);
            if (!match.Success)
            {
                continue;
            }

            var key = (int.Parse(match.Groups["version"].Value, CultureInfo.InvariantCulture), match.Groups["name"].Value);
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            if (!files.TryGetValue(key, out var dialects))
            {
                files[key] = dialects = new Dictionary<string, string>(StringComparer.Ordinal);
            }

            dialects[match.Groups["dialect"].Value] = reader.ReadToEnd();
        }

        var migrations = new List<Migration>();
        foreach (var ((version, name), dialects) in files.OrderBy(f => f.Key.Version))
        {
            if (!dialects.TryGetValue("sqlite", out var sqlite) || !dialects.TryGetValue("postgresql", out var postgres))
            {
                throw new InvalidOperationException($"Migration {version:D4}_{name} of {component} needs both a .sqlite.sql and a .postgresql.sql file.");
            }

            if (version != migrations.Count + 1)
            {
                throw new InvalidOperationException($"Migrations of {component} must be numbered 1, 2, 3… without gaps or repeats; found {version:D4}_{name} after version {migrations.Count}.");
            }

            migrations.Add(new Migration(version, name, sqlite, postgres));
        }

        return new EmbeddedMigrations(component, migrations);
    }

    [GeneratedRegex(@"^migrations/(?<version>\d{4})_(?<name>[a-z0-9_]+)\.(?<dialect>sqlite|postgresql)\.sql$")]
    private static partial Regex ResourceName();
}
