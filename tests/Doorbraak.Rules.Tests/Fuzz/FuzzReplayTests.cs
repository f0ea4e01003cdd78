using System.Text;
using Doorbraak.Rules.Fuzz;

namespace Doorbraak.Rules.Tests.Fuzz;

/// <summary>
/// The fuzz targets (tests/Doorbraak.Rules.Fuzz, issue #20) without afl: every input afl++ found to crash or hang
/// (tests/fuzz/crashes/TARGET, raw bytes) and every seed must run through its target without an exception and in time.
/// The readable form of each finding, with its expected outcome, is a case in tests/corpus (CorpusTests).
/// </summary>
public sealed class FuzzReplayTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    public static TheoryData<string> Targets() => new(FuzzTargets.Names);

    [Theory]
    [MemberData(nameof(Targets))]
    public void Saved_findings_and_seeds_run_without_an_exception(string target)
    {
        var inputs = Seeds.For(target).ToList();
        inputs.Should().HaveCountGreaterThan(20, "the seeds come from tests/corpus, the shipped packs and the samples");
        var failures = new List<string>();
        foreach (var (name, bytes) in inputs)
            if (RunOne(target, bytes) is { } failure) failures.Add($"{name}: {failure}");
        failures.Should().BeEmpty();
    }

    [Fact]
    public void Every_saved_finding_is_a_seed_of_its_target()
    {
        var root = Path.Combine(RepoRoot.Path, "tests", "fuzz", "crashes");
        var saved = Directory.Exists(root) ? Directory.GetDirectories(root).Select(Path.GetFileName).ToList() : [];
        saved.Should().BeSubsetOf(FuzzTargets.Names, "tests/fuzz/crashes has one folder per target");
        foreach (var target in saved)
            Seeds.For(target!).Count(s => s.Name.StartsWith("crash-", StringComparison.Ordinal))
                .Should().Be(Directory.GetFiles(Path.Combine(root, target!)).Length);
    }

    [Fact]
    public void A_pack_input_splits_into_files_at_header_lines()
    {
        var files = FuzzTargets.SplitFiles(Encoding.UTF8.GetBytes("#=== pack.yaml\nid: x\n#=== rules/a.yaml\n#=== b.yaml\nrules: []\n"));
        files.Keys.Should().BeEquivalentTo("pack.yaml", "rules/a.yaml", "b.yaml");
        Encoding.UTF8.GetString(files["pack.yaml"]).Should().Be("id: x\n");
        files["rules/a.yaml"].Should().BeEmpty();
        Encoding.UTF8.GetString(files["b.yaml"]).Should().Be("rules: []\n");
        FuzzTargets.SplitFiles(Encoding.UTF8.GetBytes("rules: []\n")).Keys.Should().Equal("case.yaml");
    }

    [Fact]
    public void The_targets_catch_only_the_documented_errors()
    {
        // An unknown target is a mistake of the caller, not bad input: it escapes.
        var unknown = () => FuzzTargets.Run("nothing", []);
        unknown.Should().Throw<ArgumentException>();
        // Bad input of each kind is refused with diagnostics and does not escape.
        RunOne("pack", "rules: [ { id: r, applies: \"(\" } ]"u8.ToArray()).Should().BeNull();
        RunOne("condition", "aanvrager.leeftijd >= "u8.ToArray()).Should().BeNull();
        RunOne("household", "{ \"leden\": 3 }"u8.ToArray()).Should().BeNull();
    }

    /// <summary>Runs one input on its own thread; returns the exception or the hang, or null when it ran clean.</summary>
    private static string? RunOne(string target, byte[] input)
    {
        Exception? error = null;
        var worker = new Thread(() =>
        {
            try { FuzzTargets.Run(target, input); }
            catch (Exception ex) { error = ex; }
        }) { IsBackground = true };
        worker.Start();
        if (!worker.Join(Limit)) return $"still running after {Limit.TotalSeconds:0} s";
        return error?.ToString();
    }
}
