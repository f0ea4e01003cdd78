using System.Text;
using System.Text.RegularExpressions;
using Doorbraak.Rules.Tests.Packs;

namespace Doorbraak.Rules.Tests.Corpus;

/// <summary>
/// The bad-input corpus (tests/corpus, issue #20): one case per file, its expected outcome in the first line
/// (<c># expect: refused DBR1005 at 4:3</c> or <c># expect: accepted</c>) or, for JSON, in a sidecar <c>NAME.expect</c>.
/// <c>pack/</c> and <c>condition/</c> files are loaded as a pack file next to a valid manifest (files named <c>manifest-*</c>
/// are the pack.yaml itself); <c>household/</c> files are read against the national pack and, when accepted, evaluated.
/// No case may throw. See tests/README.md; DOORBRAAK_UPDATE_CORPUS=1 fills in a location written as <c>at ?</c>.
/// </summary>
public sealed partial class CorpusTests
{
    private static readonly string Root = Path.Combine(RepoRoot.Path, "tests", "corpus");

    private static readonly Lazy<DoorbraakEngine> National = new(() =>
        new DoorbraakEngine(PackSet.LoadDirectories(Path.Combine(RepoRoot.Path, "policypacks", "nl-sociaal-domein"))));

    [GeneratedRegex(@"^(#\s*)?expect:\s*(accepted|refused (DBR\d{4}) at (\?|(\d+):(\d+)))\s*$")]
    private static partial Regex ExpectLine();

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var dir in new[] { "pack", "condition", "household" })
            foreach (var f in Directory.EnumerateFiles(Path.Combine(Root, dir)).Where(f => !f.EndsWith(".expect", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
                data.Add($"{dir}/{Path.GetFileName(f)}");
        return data;
    }

    [Fact]
    public void The_corpus_has_at_least_150_cases() =>
        Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories).Count(f => !f.EndsWith(".expect", StringComparison.Ordinal) && !f.EndsWith(".md", StringComparison.Ordinal))
            .Should().BeGreaterThanOrEqualTo(150);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_case_has_its_expected_outcome(string relative)
    {
        var path = Path.Combine(Root, relative);
        var bytes = File.ReadAllBytes(path);
        var sidecar = path + ".expect";
        var expectText = File.Exists(sidecar) ? File.ReadAllText(sidecar) : FirstLine(bytes);
        var m = ExpectLine().Match(expectText.Trim());
        m.Success.Should().BeTrue($"{relative} must start with '# expect: accepted' or '# expect: refused DBRnnnn at line:column' (or have a .expect sidecar)");

        var name = Path.GetFileName(path);
        var (errors, file) = relative.StartsWith("household/", StringComparison.Ordinal) ? Household(name, bytes) : Pack(name, bytes);
        var shown = string.Join(Environment.NewLine, errors);
        if (m.Groups[2].Value == "accepted")
        {
            errors.Should().BeEmpty($"{relative} is expected to be accepted");
            return;
        }
        var code = m.Groups[3].Value;
        var withCode = errors.Where(d => d.Code == code && d.Location.File.EndsWith(file, StringComparison.Ordinal)).ToList();
        withCode.Should().NotBeEmpty($"{relative} is expected to be refused with {code} in {file}; got:{Environment.NewLine}{shown}");
        if (m.Groups[4].Value == "?")
        {
            var first = withCode[0].Location;
            if (Environment.GetEnvironmentVariable("DOORBRAAK_UPDATE_CORPUS") == "1")
            {
                var target = File.Exists(sidecar) ? sidecar : path;
                // Bytes, not text: a case with invalid UTF-8 must keep its bytes.
                var raw = File.ReadAllBytes(target);
                var marker = " at ?"u8.ToArray();
                var i = raw.AsSpan().IndexOf(marker);
                File.WriteAllBytes(target, [.. raw[..i], .. Encoding.ASCII.GetBytes($" at {first.Line}:{first.Column}"), .. raw[(i + marker.Length)..]]);
                return;
            }
            Assert.Fail($"{relative}: write the location, such as 'at {first.Line}:{first.Column}' (or run with DOORBRAAK_UPDATE_CORPUS=1).");
        }
        var (line, column) = (int.Parse(m.Groups[5].Value), int.Parse(m.Groups[6].Value));
        withCode.Should().Contain(d => d.Location.Line == line && d.Location.Column == column, $"{relative}: {code} is expected at {line}:{column}; got:{Environment.NewLine}{shown}");
    }

    private static string FirstLine(byte[] bytes)
    {
        var end = Array.IndexOf(bytes, (byte)'\n');
        return Encoding.UTF8.GetString(bytes, 0, end < 0 ? bytes.Length : end).TrimStart('\uFEFF');
    }

    private static (List<Diagnostic> Errors, string File) Pack(string name, byte[] bytes)
    {
        var manifest = name.StartsWith("manifest-", StringComparison.Ordinal);
        var files = manifest
            ? new Dictionary<string, byte[]> { ["pack.yaml"] = bytes, ["rules.yaml"] = Encoding.UTF8.GetBytes(TestPacks.RulesFile) }
            : new Dictionary<string, byte[]> { ["pack.yaml"] = Encoding.UTF8.GetBytes(TestPacks.Manifest()), ["case.yaml"] = bytes };
        var (_, diagnostics) = PackSet.TryLoad([PolicyPackSource.FromBytes("corpus", files)]);
        return (diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList(), manifest ? "pack.yaml" : "case.yaml");
    }

    private static (List<Diagnostic> Errors, string File) Household(string name, byte[] bytes)
    {
        var engine = National.Value;
        try
        {
            using var stream = new MemoryStream(bytes);
            var household = engine.ReadHousehold(stream, name);
            // An accepted household must also evaluate without an exception.
            engine.Evaluate(household, new DateOnly(2026, 3, 1));
            return ([], name);
        }
        catch (HouseholdException ex)
        {
            return (ex.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList(), name);
        }
    }
}
