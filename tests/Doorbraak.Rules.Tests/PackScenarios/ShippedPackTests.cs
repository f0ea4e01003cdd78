using Doorbraak.Rules.Testing;

namespace Doorbraak.Rules.Tests.PackScenarios;

/// <summary>Runs the test cases written inside every shipped pack (policypacks/*), each as its own test.</summary>
public class ShippedPackTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, PackTestResult>> Results = new(RunAll);

    /// <summary>Each pack folder is loaded with the packs it requires (found among the shipped packs by id).</summary>
    private static IReadOnlyDictionary<string, PackTestResult> RunAll()
    {
        var results = new SortedDictionary<string, PackTestResult>(StringComparer.Ordinal);
        foreach (var (folder, id, set) in LoadSets())
            foreach (var r in PackTestRunner.Run(set, id))
                results[$"{Path.GetFileName(folder)}: {r.Name}"] = r;
        return results;
    }

    /// <summary>Every shipped pack folder, its id, and the set it loads in (with the packs it requires).</summary>
    internal static IEnumerable<(string Folder, string Id, PackSet Set)> LoadSets()
    {
        var root = Path.Combine(FindRepoRoot(), "policypacks");
        var folders = Directory.GetDirectories(root).Where(d => File.Exists(Path.Combine(d, "pack.yaml"))).Order(StringComparer.Ordinal).ToList();
        var ids = folders.ToDictionary(f => ReadId(f), f => f);
        foreach (var folder in folders)
        {
            var needed = new List<string> { folder };
            for (var i = 0; i < needed.Count; i++)
                foreach (var req in ReadRequires(needed[i]))
                    if (ids.TryGetValue(req, out var f) && !needed.Contains(f)) needed.Add(f);
            yield return (folder, ReadId(folder), PackSet.Load(needed.Select(PolicyPackSource.FromDirectory)));
        }
    }

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var key in Results.Value.Keys) data.Add(key);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Pack_test_passes(string name)
    {
        var r = Results.Value[name];
        r.Passed.Should().BeTrue($"{r.Location}: {string.Join(Environment.NewLine, r.Failures)}");
    }

    /// <summary>
    /// The questions (missing facts) every shipped pack test asks, with what each could change. Set
    /// DOORBRAAK_QUESTIONS_OUT to a file path to write them out (the before/after measure of the question list).
    /// </summary>
    [Fact]
    public void Every_question_says_what_it_could_change()
    {
        var lines = new List<string>();
        foreach (var (name, r) in Results.Value)
        {
            var missing = r.Result?.MissingFacts ?? [];
            lines.Add($"{name}: {missing.Count}");
            foreach (var m in missing) lines.Add($"  {m.Path} -> {string.Join(", ", m.NeededFor)}");
        }
        lines.Add($"total: {Results.Value.Values.Sum(r => r.Result?.MissingFacts.Count ?? 0)}");
        if (Environment.GetEnvironmentVariable("DOORBRAAK_QUESTIONS_OUT") is { Length: > 0 } file) File.WriteAllLines(file, lines);
        foreach (var (name, r) in Results.Value)
            (r.Result?.MissingFacts ?? []).Where(m => m.NeededFor.Count == 0).Should().BeEmpty(name);
    }

    [Fact]
    public void Shipped_packs_have_at_least_fifteen_scenarios()
    {
        Results.Value.Count.Should().BeGreaterThanOrEqualTo(15);
    }

    private static string ReadId(string folder) =>
        File.ReadLines(Path.Combine(folder, "pack.yaml")).First(l => l.StartsWith("id:", StringComparison.Ordinal))[3..].Trim();

    private static IEnumerable<string> ReadRequires(string folder) =>
        File.ReadLines(Path.Combine(folder, "pack.yaml")).Select(l => l.Trim())
            .Where(l => l.Contains("pack:", StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf("pack:", StringComparison.Ordinal) + 5)..].Split([',', '}'])[0].Trim());

    internal static string FindRepoRoot()
    {
        var dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "Doorbraak.Rules.sln"))) dir = Path.GetDirectoryName(dir);
        return dir ?? throw new InvalidOperationException("Doorbraak.Rules.sln not found above the test folder.");
    }
}
