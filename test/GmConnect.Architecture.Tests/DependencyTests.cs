using System.Reflection;

namespace GmConnect.Architecture.Tests;

/// <summary>
/// The layout tells the truth about the architecture: components depend only in the allowed
/// directions, and only storage and host code touch databases and ASP.NET.
/// </summary>
public sealed class DependencyTests
{
    // Who may reference whom. Storage is shared plumbing; Server and Cli are hosts and may use all.
    // A component not yet listed fails the test until its allowed references are written down here.
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["GmConnect.Storage"] = [],
        ["GmConnect.Demo"] = [],
        ["GmConnect.Identity"] = ["GmConnect.Storage", "GmConnect.Governance"],
        ["GmConnect.Governance"] = ["GmConnect.Storage"],
        ["GmConnect.Locator"] = ["GmConnect.Storage", "GmConnect.Identity", "GmConnect.Governance"],
        ["GmConnect.Repository"] = ["GmConnect.Storage", "GmConnect.Governance"],
        ["GmConnect.Notifications"] = ["GmConnect.Storage", "GmConnect.Governance"],
        ["GmConnect.Workbench"] = ["GmConnect.Storage"],
        ["GmConnect.Integration"] = ["GmConnect.Storage", "GmConnect.Identity", "GmConnect.Locator", "GmConnect.Repository", "GmConnect.Workbench"],
        ["GmConnect.Server"] = ["*"],
        ["gmc"] = ["*"],
    };

    public static TheoryData<string> AssemblyNames() => [.. Components.All.Select(a => a.GetName().Name!)];

    [Theory]
    [MemberData(nameof(AssemblyNames))]
    public void References_EachComponent_OnlyInTheAllowedDirection(string name)
    {
        Assert.True(Allowed.TryGetValue(name, out var allowed), $"{name} is not in the dependency table: add it with the components it may use.");
        if (allowed.Contains("*"))
        {
            return;
        }

        var assembly = Components.All.Single(a => a.GetName().Name == name);
        var used = assembly.GetReferencedAssemblies()
            .Select(r => r.Name!)
            .Where(r => r.StartsWith("GmConnect.", StringComparison.Ordinal))
            .ToList();
        Assert.All(used, reference => Assert.Contains(reference, allowed));
    }

    public static TheoryData<string> LibraryNames() =>
        [.. Components.All.Select(a => a.GetName().Name!).Where(n => n is not ("GmConnect.Server" or "gmc"))];

    [Theory]
    [MemberData(nameof(LibraryNames))]
    public void Types_OutsideHostAndStorage_UseNoDatabaseDriver(string name)
    {
        var assembly = Components.All.Single(a => a.GetName().Name == name);
        var offenders = TypesUsing(assembly, ns => ns.StartsWith("Npgsql", StringComparison.Ordinal) || ns.StartsWith("Microsoft.Data.Sqlite", StringComparison.Ordinal))
            .Where(t => t.Namespace is not null && !t.Namespace.Contains(".Storage", StringComparison.Ordinal) && name != "GmConnect.Storage")
            .Select(t => t.FullName)
            .ToList();
        Assert.Empty(offenders);
    }

    [Theory]
    [MemberData(nameof(LibraryNames))]
    public void Types_OutsideHostAndApiFolders_UseNoAspNetCore(string name)
    {
        var assembly = Components.All.Single(a => a.GetName().Name == name);
        var offenders = TypesUsing(assembly, ns => ns.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal))
            .Where(t => t.Namespace is not null && !t.Namespace.EndsWith(".Api", StringComparison.Ordinal) && !t.Namespace.Contains(".Api.", StringComparison.Ordinal))
            .Select(t => t.FullName)
            .ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void SourceProjects_EachHasAReadme()
    {
        var missing = Components.SourceProjects
            .Where(p => !File.Exists(Path.Combine(Components.RepositoryRoot(), "src", p, "README.md")))
            .ToList();
        Assert.Empty(missing);
    }

    /// <summary>Types whose fields, properties, method signatures or base types name a type from a matching namespace.</summary>
    private static IEnumerable<Type> TypesUsing(Assembly assembly, Func<string, bool> matches)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var type in assembly.GetTypes())
        {
            var used = new List<Type?> { type.BaseType };
            used.AddRange(type.GetInterfaces());
            used.AddRange(type.GetFields(all).Select(f => f.FieldType));
            used.AddRange(type.GetProperties(all).Select(p => p.PropertyType));
            foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
            {
                used.AddRange(method.GetParameters().Select(p => p.ParameterType));
                if (method is MethodInfo info)
                {
                    used.Add(info.ReturnType);
                }

                var body = method.GetMethodBody();
                if (body is not null)
                {
                    used.AddRange(body.LocalVariables.Select(l => l.LocalType));
                }
            }

            if (used.Any(u => u?.Namespace is { } ns && matches(ns)))
            {
                yield return type;
            }
        }
    }
}
