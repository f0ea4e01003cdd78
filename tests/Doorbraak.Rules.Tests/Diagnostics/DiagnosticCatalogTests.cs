using System.Text.RegularExpressions;
using Doorbraak.Rules.Source;

namespace Doorbraak.Rules.Tests.Diagnostics;

/// <summary>One catalogue of codes: each code once, reported only through the catalogue, and documented in docs/diagnostics.md.</summary>
public sealed partial class DiagnosticCatalogTests
{
    [GeneratedRegex(@"DBR\d{4}")]
    private static partial Regex CodeLiteral();

    [GeneratedRegex(@"^### (DBR\d{4})\b", RegexOptions.Multiline)]
    private static partial Regex DocumentedCode();

    private static string Src => Path.Combine(RepoRoot.Path, "src");

    [Fact]
    public void Every_code_is_in_the_catalogue_once_with_a_title()
    {
        var codes = DiagnosticCatalog.All.Select(d => d.Code).ToList();
        codes.Should().HaveCountGreaterThan(60);
        codes.Should().OnlyHaveUniqueItems();
        codes.Should().AllSatisfy(c => CodeLiteral().IsMatch(c).Should().BeTrue(c));
        DiagnosticCatalog.All.Should().AllSatisfy(d => d.Title.Should().NotBeNullOrWhiteSpace());
    }

    [Fact]
    public void No_source_file_outside_the_catalogue_spells_out_a_code()
    {
        var catalogue = Path.Combine(Src, "Doorbraak.Rules", "Source", "DiagnosticCatalog.cs");
        var offenders = Directory.EnumerateFiles(Src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !string.Equals(Path.GetFullPath(f), Path.GetFullPath(catalogue), StringComparison.Ordinal))
            .SelectMany(f => File.ReadAllLines(f).Select((line, i) => (f, line, i)))
            .Where(x => CodeLiteral().IsMatch(x.line) && !x.line.TrimStart().StartsWith("//", StringComparison.Ordinal))
            .Select(x => $"{Path.GetRelativePath(RepoRoot.Path, x.f)}:{x.i + 1}: {x.line.Trim()}")
            .ToList();
        File.Exists(catalogue).Should().BeTrue();
        offenders.Should().BeEmpty("every report names a descriptor of DiagnosticCatalog instead of a code literal");
    }

    [Fact]
    public void The_guard_finds_a_code_literal()
    {
        // The grep above must be able to fail: a line written as a report site used to be would be caught.
        CodeLiteral().IsMatch("bag.Error(\"DBR1012\", at, \"...\");").Should().BeTrue();
        CodeLiteral().IsMatch("bag.Report(DiagnosticCatalog.WrongValueKind, at, \"...\");").Should().BeFalse();
    }

    [Fact]
    public void Catalogue_and_docs_list_the_same_codes()
    {
        var doc = File.ReadAllText(Path.Combine(RepoRoot.Path, "docs", "diagnostics.md"));
        var documented = DocumentedCode().Matches(doc).Select(m => m.Groups[1].Value).ToList();
        documented.Should().OnlyHaveUniqueItems();
        documented.Should().BeEquivalentTo(DiagnosticCatalog.All.Select(d => d.Code));
    }

    [Fact]
    public void Every_documented_code_has_an_example_and_a_fix()
    {
        var doc = File.ReadAllText(Path.Combine(RepoRoot.Path, "docs", "diagnostics.md"));
        var sections = Regex.Split(doc, @"^(?=### DBR)", RegexOptions.Multiline).Where(s => s.StartsWith("### DBR", StringComparison.Ordinal)).ToList();
        sections.Should().NotBeEmpty();
        foreach (var s in sections)
        {
            var code = s[4..11];
            s.Should().Contain("```", $"{code} needs an example");
            s.Should().Contain("**Fix:**", $"{code} needs the fix");
        }
    }

    [Fact]
    public void A_diagnostic_carries_the_did_you_mean_hint_and_prints_as_before()
    {
        var d = DiagnosticCatalog.UnknownKey.At(new SourceLocation("f.yaml", 2, 1), "Unknown key 'titel' in a rule (did you mean 'title'?). Allowed keys: id, title.");
        d.Code.Should().Be("DBR1010");
        d.Hint.Should().Be("did you mean 'title'?");
        d.ToString().Should().Be("f.yaml:2:1: error DBR1010: Unknown key 'titel' in a rule (did you mean 'title'?). Allowed keys: id, title.");

        var plain = DiagnosticCatalog.MotivationMissing.At(SourceLocation.None, "Een besluit heeft een motivering nodig.");
        plain.Hint.Should().BeNull();
        plain.ToString().Should().Be("error DBR4003: Een besluit heeft een motivering nodig.");

        var withHint = new Diagnostic("DBR1010", DiagnosticSeverity.Error, new SourceLocation("f.yaml", 1, 1), "Unknown key 'x'.", "did you mean 'y'?");
        withHint.ToString().Should().Be("f.yaml:1:1: error DBR1010: Unknown key 'x'. (did you mean 'y'?)");
    }

    [Fact]
    public void Household_problems_are_diagnostics_with_codes()
    {
        var engine = new DoorbraakEngine(Packs.TestPacks.Load(Packs.TestPacks.Valid()).Set!);
        var act = () => engine.ReadHousehold("- not a mapping", "h.yaml");
        var ex = act.Should().Throw<HouseholdException>().Which;
        ex.Diagnostics.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCatalog.HouseholdNotAMapping.Code);
    }
}
