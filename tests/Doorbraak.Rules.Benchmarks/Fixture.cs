using Doorbraak.Rules.Source;
using Doorbraak.Rules.Facts;
using System.Globalization;
using System.Text;

namespace Doorbraak.Rules.Benchmarks;

/// <summary>Paths, pack sets and scenario households shared by the quick mode and the BenchmarkDotNet classes.</summary>
internal static class Fixture
{
    private static readonly Lazy<string> RootLazy = new(() =>
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Doorbraak.Rules.sln"))) return dir.FullName;
        throw new InvalidOperationException("Run from inside the repository (no Doorbraak.Rules.sln found above the binaries or the current folder).");
    });

    public static string Root => RootLazy.Value;
    public static string National => Path.Combine(Root, "policypacks", "nl-sociaal-domein");
    public static string Regional => Path.Combine(Root, "policypacks", "regio-hbel");
    public static string Municipal => Path.Combine(Root, "policypacks", "gemeente-vlaardingen");
    public static DateOnly Date => HouseholdGenerator.Date;

    /// <summary>The pack folders for 1, 2 and 3 packs: national, + regio-hbel, + gemeente-vlaardingen (those present).</summary>
    public static string[] PackFolders(int count) => new[] { National, Regional, Municipal }.Where(Directory.Exists).Take(count).ToArray();

    private static readonly Dictionary<string, PackSet> Sets = new();
    public static PackSet Load(params string[] folders)
    {
        var key = string.Join("|", folders);
        lock (Sets)
        {
            if (!Sets.TryGetValue(key, out var set)) Sets[key] = set = PackSet.LoadDirectories(folders);
            return set;
        }
    }

    public static PackSet NationalSet => Load(National);

    /// <summary>A scenario household from a pack's tests, evaluated with that pack and the packs it needs.</summary>
    public sealed record Scenario(string Pack, string Name, PackSet Set, Household Household, DateOnly Date, int Collisions, int Proposals);

    /// <summary>Every scenario test of every shipped pack, with its collision and proposal counts.</summary>
    public static List<Scenario> Scenarios()
    {
        var list = new List<Scenario>();
        foreach (var folder in new[] { National, Regional, Municipal }.Where(Directory.Exists))
        {
            var set = folder == National ? NationalSet : Load(National, folder);
            var engine = new DoorbraakEngine(set);
            foreach (var pack in set.RuleSet.Packs.Packs.Where(p => folder == National ? p.Manifest.Id == "nl.sociaal-domein" : p.Manifest.Id != "nl.sociaal-domein"))
                foreach (var test in pack.Tests)
                {
                    var bag = new DiagnosticBag();
                    var h = HouseholdReader.Read(test.Household, set.RuleSet.Schema, bag);
                    if (h is null) continue;
                    var r = engine.Evaluate(h, test.Date);
                    list.Add(new Scenario(pack.Manifest.Id, test.Name, set, h, test.Date, r.Collisions.Count, r.Proposals.Count));
                }
        }
        return list;
    }

    /// <summary>The heaviest scenario: most collisions plus proposals (ties: most proposals).</summary>
    public static Scenario Heaviest(List<Scenario> all) => all.OrderByDescending(s => s.Collisions + s.Proposals).ThenByDescending(s => s.Proposals).First();

    /// <summary>A national-pack scenario with no collisions (the S1 kostendelersnorm test if it has none, else any).</summary>
    public static Scenario Simple(List<Scenario> all) => all.Where(s => s.Pack == "nl.sociaal-domein" && s.Collisions == 0).OrderBy(s => s.Household.Members.Count).FirstOrDefault()
        ?? throw new InvalidOperationException("No national scenario without collisions.");

    /// <summary>A text dump of a household, for the agreement check's failure message.</summary>
    public static string Dump(Household h)
    {
        var sb = new StringBuilder();
        static string V(FactValue v) => v.ToString() ?? "";
        foreach (var (k, v) in h.Facts.Values) sb.Append(CultureInfo.InvariantCulture, $"{k}: {V(v)}\n");
        sb.Append("leden:\n");
        foreach (var m in h.Members) sb.Append("  - { ").Append(string.Join(", ", m.Facts.Values.Select(kv => $"{kv.Key}: {V(kv.Value)}"))).Append(" }\n");
        sb.Append("schulden:\n");
        foreach (var d in h.Debts) sb.Append("  - { ").Append(string.Join(", ", d.Facts.Values.Select(kv => $"{kv.Key}: {V(kv.Value)}"))).Append(" }\n");
        return sb.ToString();
    }
}

/// <summary>
/// Synthetic packs built in memory (PolicyPackSource.FromFiles) for the scaling measurements: N rules
/// over built-in and national facts, each determining its own boolean fact. With <c>neverApply</c>
/// every condition is false for every household (for the allocation check).
/// </summary>
internal static class SyntheticPacks
{
    public static PolicyPackSource Rules(int count, bool neverApply)
    {
        var facts = new StringBuilder("facts:\n");
        var rules = new StringBuilder("rules:\n");
        for (var i = 0; i < count; i++)
        {
            var id = $"synth_{i:D3}";
            facts.Append(CultureInfo.InvariantCulture, $"  huishouden.{id}:\n    type: boolean\n    description: Synthetische uitkomst {i}\n");
            var cond = (i % 4) switch
            {
                0 => $"aanvrager.heeft_bijstand and aanvrager.leeftijd >= {18 + i % 40} and huishouden.huur > {400 + (i % 9) * 50}",
                1 => $"any leden where leeftijd < {10 + i % 20} and not student",
                2 => $"count(schulden where bedrag > {500 + (i % 10) * 400}) >= {1 + i % 3} and huishouden.problematische_schulden",
                _ => $"sum(inkomen of leden) < {1000 + (i % 12) * 150} and not huishouden.eerder_schuldhulp",
            };
            // The impossible test comes last, so the whole condition (quantifiers included) is evaluated every time.
            if (neverApply) cond = $"({cond}) and aanvrager.leeftijd > 150";
            rules.Append(CultureInfo.InvariantCulture, $"  - id: synth.regel-{i:D3}\n    title: Synthetische regel {i}\n    law: {{ law: Synthetische wet, article: \"{i + 1}\" }}\n    domain: inkomen\n    applies: {cond}\n    determines:\n      huishouden.{id}: true\n");
        }
        var manifest = "id: synth.regels\nversion: 1.0.0\ntitle: Synthetische regels\ndescription: Gegenereerd voor benchmarks.\njurisdiction: synth\nlevel: municipal\nvalid: { from: 2026-01-01 }\nrequires:\n  - { pack: nl.sociaal-domein, version: \"^2026.1.0\" }\n";
        return PolicyPackSource.FromFiles($"synth-{count}{(neverApply ? "-never" : "")}", new Dictionary<string, string>
        {
            ["pack.yaml"] = manifest,
            ["facts.yaml"] = facts.ToString(),
            ["rules.yaml"] = rules.ToString(),
        });
    }

    private static readonly Dictionary<(int, bool), PackSet> Cache = new();
    public static PackSet NationalPlus(int count, bool neverApply)
    {
        lock (Cache)
        {
            if (Cache.TryGetValue((count, neverApply), out var s)) return s;
            var sources = new List<PolicyPackSource> { PolicyPackSource.FromDirectory(Fixture.National) };
            if (count > 0) sources.Add(Rules(count, neverApply));
            return Cache[(count, neverApply)] = PackSet.Load(sources);
        }
    }
}
