using System.Reflection;

namespace GmConnect.Architecture.Tests;

/// <summary>The solution's assemblies, found beside the test binaries.</summary>
internal static class Components
{
    /// <summary>Every GmConnect.* production assembly the tests can see (src/ projects).</summary>
    public static IReadOnlyList<Assembly> All { get; } = Load();

    public static IReadOnlyList<string> SourceProjects { get; } = Directory
        .GetDirectories(Path.Combine(RepositoryRoot(), "src"), "GmConnect.*")
        .Select(Path.GetFileName)
        .Select(name => name!)
        .Order(StringComparer.Ordinal)
        .ToList();

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "GmConnect.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("GmConnect.slnx not found above the test binaries.");
    }

    private static List<Assembly> Load()
    {
        var names = Directory.GetFiles(AppContext.BaseDirectory, "GmConnect.*.dll")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(n => n is not null && !n.EndsWith(".Tests", StringComparison.Ordinal) && !n.EndsWith(".Testing", StringComparison.Ordinal))
            .Select(n => Assembly.Load(n!))
            .ToList();
        names.Add(Assembly.Load("gmc"));
        return names;
    }
}
