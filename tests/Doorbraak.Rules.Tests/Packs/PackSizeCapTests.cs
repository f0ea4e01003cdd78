using System.Text;
using static Doorbraak.Rules.Tests.Packs.TestPacks;

namespace Doorbraak.Rules.Tests.Packs;

/// <summary>
/// Issue #20, cost bombs: a pack's files together are capped (<see cref="PackLoadOptions.MaxPackBytes"/>, DBR1312) and so is
/// their number (<see cref="PackLoadOptions.MaxPackFiles"/>, DBR1313); a folder stops being read at the cap.
/// </summary>
public sealed class PackSizeCapTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "doorbraak-size-" + Guid.NewGuid().ToString("N"));

    public PackSizeCapTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>A valid facts file of just under <paramref name="bytes"/> bytes, its fact names prefixed with <paramref name="prefix"/>.</summary>
    internal static string FactsFile(string prefix, int bytes)
    {
        var sb = new StringBuilder("facts:\n");
        for (var i = 0; ; i++)
        {
            var entry = $"  huishouden.{prefix}_{i:D6}:\n    type: boolean\n    description: Testfeit {i} met een lange omschrijving om het bestand groot te maken\n";
            if (sb.Length + entry.Length >= bytes) return sb.ToString();
            sb.Append(entry);
        }
    }

    [Fact]
    public void Many_valid_files_just_under_1_MiB_are_refused_as_DBR1312_without_being_parsed()
    {
        File.WriteAllText(Path.Combine(_dir, "pack.yaml"), Manifest());
        for (var i = 0; i < 10; i++) File.WriteAllText(Path.Combine(_dir, $"feiten-{i:D2}.yaml"), FactsFile($"f{i}", 1024 * 1024 - 100));
        // After the cap: broken YAML that is reported only if the reader went on reading and parsing.
        File.WriteAllText(Path.Combine(_dir, "zz-kapot.yaml"), "facts: [\n");

        var (set, diagnostics) = PackSet.TryLoad([PolicyPackSource.FromDirectory(_dir)]);

        set.Should().BeNull();
        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        errors.Should().ContainSingle(string.Join("\n", errors)).Which.Code.Should().Be("DBR1312");
        var error = errors[0];
        error.Location.File.Should().Be(_dir);
        error.Message.Should().Contain("a pack may hold at most 2,097,152 bytes").And.Contain("PackLoadOptions.MaxPackBytes");
    }

    [Fact]
    public void The_byte_cap_is_an_option_and_a_pack_under_it_loads()
    {
        File.WriteAllText(Path.Combine(_dir, "pack.yaml"), Manifest());
        File.WriteAllText(Path.Combine(_dir, "regels.yaml"), RulesFile);
        File.WriteAllText(Path.Combine(_dir, "feiten.yaml"), FactsFile("f", 20_000));
        PackSet.TryLoad([PolicyPackSource.FromDirectory(_dir)]).Set.Should().NotBeNull();
        var (set, diagnostics) = PackSet.TryLoad([PolicyPackSource.FromDirectory(_dir)], new PackLoadOptions { MaxPackBytes = 10_000 });
        set.Should().BeNull();
        diagnostics.Should().ContainSingle(d => d.Code == "DBR1312").Which.Message.Should().Contain("at most 10,000 bytes");
    }

    [Fact]
    public void A_pack_held_in_memory_is_capped_too()
    {
        var pack = With("test", ("rules.yaml", RulesFile), ("feiten.yaml", FactsFile("f", 20_000)));
        var (set, diagnostics) = PackSet.TryLoad([pack], new PackLoadOptions { MaxPackBytes = 10_000 });
        set.Should().BeNull();
        diagnostics.Should().ContainSingle(d => d.Code == "DBR1312").Which.Message.Should().Contain("(20,");
    }

    [Fact]
    public void More_files_than_the_limit_are_refused_as_DBR1313()
    {
        var files = Enumerable.Range(0, 6).Select(i => ($"extra-{i}.yaml", $"facts:\n  huishouden.e{i}:\n    type: boolean\n    description: Feit {i}\n")).ToList();
        var pack = With("test", [("rules.yaml", RulesFile), .. files]);
        PackSet.TryLoad([pack]).Set.Should().NotBeNull();
        var (set, diagnostics) = PackSet.TryLoad([pack], new PackLoadOptions { MaxPackFiles = 5 });
        set.Should().BeNull();
        diagnostics.Should().ContainSingle(d => d.Code == "DBR1313").Which.Message.Should().Contain("more than 5 files").And.Contain("PackLoadOptions.MaxPackFiles");
    }

    [Fact]
    public void A_folder_with_more_files_than_the_limit_stops_being_read_and_is_refused()
    {
        File.WriteAllText(Path.Combine(_dir, "pack.yaml"), Manifest());
        for (var i = 0; i < 8; i++) File.WriteAllText(Path.Combine(_dir, $"extra-{i}.yaml"), $"facts:\n  huishouden.e{i}:\n    type: boolean\n    description: Feit {i}\n");
        var (set, diagnostics) = PackSet.TryLoad([PolicyPackSource.FromDirectory(_dir)], new PackLoadOptions { MaxPackFiles = 3 });
        set.Should().BeNull();
        diagnostics.Should().ContainSingle(d => d.Code == "DBR1313");
    }

    /// <summary>Rules that each test one fact: <paramref name="count"/> of them in one file.</summary>
    private static string ManyRules(int count)
    {
        var sb = new StringBuilder("facts:\n  huishouden.x: { type: boolean, description: Een testfeit }\nrules:\n");
        for (var i = 0; i < count; i++)
            sb.Append($"  - {{ id: r.r{i:D4}, title: Regel {i}, law: {{ law: Testwet, article: \"{i}\" }}, domain: inkomen, applies: aanvrager.leeftijd >= {i % 90}, determines: {{ huishouden.x: true }} }}\n");
        return sb.ToString();
    }

    [Fact]
    public void A_set_with_more_items_than_MaxItems_is_refused_as_DBR1314_at_the_first_item_over_it_before_compiling()
    {
        File.WriteAllText(Path.Combine(_dir, "pack.yaml"), Manifest());
        File.WriteAllText(Path.Combine(_dir, "regels.yaml"), ManyRules(30));

        PackSet.TryLoad([PolicyPackSource.FromDirectory(_dir)]).Set.Should().NotBeNull("30 rules are well within the default");
        var (set, diagnostics) = PackSet.TryLoad([PolicyPackSource.FromDirectory(_dir)], new PackLoadOptions { MaxItems = 25 });

        set.Should().BeNull();
        var error = diagnostics.Should().ContainSingle(d => d.Severity == DiagnosticSeverity.Error).Which;
        error.Code.Should().Be("DBR1314");
        error.Location.File.Should().EndWith("regels.yaml");
        error.Location.Line.Should().Be(29, "the 26th rule, the first over the limit, stands on line 29");
        error.Message.Should().Contain("30 rules, goals, collisions, costs, deviations and interventions; at most 25 are allowed").And.Contain("PackLoadOptions.MaxItems");
    }
}
