using System.Text.RegularExpressions;

namespace Doorbraak.Rules.Cli.Tests;

public class LintTests
{
    private static readonly Regex Finding = new(@"^(?<path>.+):(?<line>\d+):(?<col>\d+): warning (?<code>LINT\d{3}): .+$");

    [Fact]
    public void The_national_pack_lints_with_exit_0()
    {
        var run = Cli.Run("lint", Repo.National);
        run.Code.Should().Be(0, run.ToString());
        run.OutLines.Where(l => l.Contains(": warning ") && !(Finding.IsMatch(l) || l.Contains(": warning DBR"))).Should().BeEmpty("every warning is a lint finding or a loader warning (the shipped pack has none since 2026.2.0)");
    }

    [Fact]
    public void Lint_pack_limits_findings_to_that_pack_s_files()
    {
        // The shipped national pack is lint clean: a copy with one planted finding (a national mandate that is not open).
        using var temp = new TempDir();
        var copy = Path.Combine(temp.Path, "nl-sociaal-domein");
        foreach (var file in Directory.EnumerateFiles(Repo.National, "*", SearchOption.AllDirectories))
        {
            var dest = Path.Combine(copy, Path.GetRelativePath(Repo.National, file));
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.Copy(file, dest);
        }
        var deviations = Path.Combine(copy, "deviations", "participatiewet.yaml");
        var text = File.ReadAllText(deviations);
        var at = text.IndexOf("    mandate: open", StringComparison.Ordinal);
        File.WriteAllText(deviations, text[..at] + "    mandate: teamleider" + text[(at + "    mandate: open".Length)..]);

        var all = Cli.Run("lint", copy, Repo.Vlaardingen);
        all.Code.Should().Be(0, all.ToString());
        var national = all.OutLines.Where(l => l.StartsWith(copy + Path.DirectorySeparatorChar, StringComparison.Ordinal)).ToList();
        national.Should().ContainSingle("the planted national finding, which a local pack's CI must not fail on").Which.Should().Contain("LINT008");

        var local = Cli.Run("lint", "--strict", "--pack", "gemeente.vlaardingen", copy, Repo.Vlaardingen);
        local.OutLines.Where(l => l.Contains(": warning ", StringComparison.Ordinal) && !l.StartsWith(Repo.Vlaardingen + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Should().BeEmpty("only the local pack's files are judged");
        local.OutLines.Should().NotContain(national);
        local.Code.Should().Be(local.OutLines.Any(l => l.Contains(": warning ", StringComparison.Ordinal)) ? 1 : 0, local.ToString());

        var onlyNational = Cli.Run("lint", "--pack", "nl.sociaal-domein", copy, Repo.Vlaardingen);
        onlyNational.OutLines.Where(l => l.Contains(": warning ", StringComparison.Ordinal)).Should().BeEquivalentTo(national);

        var unknown = Cli.Run("lint", "--pack", "gemeente.vlaardinge", Repo.National, Repo.Vlaardingen);
        unknown.Code.Should().Be(2, unknown.ToString());
        unknown.Err.Should().Contain("did you mean 'gemeente.vlaardingen'?");
    }

    [Fact]
    public void Lint_finds_planted_problems()
    {
        using var temp = new TempDir();
        var pack = temp.CopyMiniPack();
        File.WriteAllText(Path.Combine(pack, "rules", "planted.yaml"), """
            facts:
              huishouden.toeslag:
                type: money
                description: Een toeslag
              huishouden.los:
                type: boolean
                description: Iets wat geen regel raakt
            parameters:
              pw.met_gat:
                title: Parameter met een gat
                type: money
                values:
                  - { from: 2026-01-01, to: 2026-03-31, value: 10.00 }
                  - { from: 2026-05-01, value: 12.00 }
            rules:
              - id: planted.nooit
                title: Nooit
                law: { law: Testwet, article: "1", url: "https://example.invalid/testwet" }
                force: beleidsregel
                domain: inkomen
                applies: false
                determines:
                  huishouden.toeslag: 1.00
              - id: planted.verlopen
                title: Verlopen
                law: { law: Testwet, article: "2", url: "https://example.invalid/testwet" }
                force: beleidsregel
                domain: inkomen
                valid: { from: 2020-01-01, to: 2024-12-31 }
                applies: aanvrager.heeft_bijstand
                determines:
                  huishouden.toeslag: 2.00
              - id: planted.zonder-url
                title: Zonder bron
                law: { law: Testwet, article: "3" }
                force: beleidsregel
                domain: inkomen
                applies: aanvrager.heeft_bijstand
                determines:
                  huishouden.bijstandsnorm: 1.00
            goals:
              - id: doel.onbereikbaar
                title: Niemand raakt dit doel
                domain: wonen
                holds: not huishouden.los
            deviations:
              - id: afw.nutteloos
                title: Afwijking zonder doel
                deviates: planted.verlopen
                change: { suspend: true }
                basis: { law: Testwet, article: "9", kind: beleidsregel }
                mandate: regisseur
            """);

        var run = Cli.Run("lint", pack);

        run.Code.Should().Be(0, "warnings alone do not fail: " + run);
        var findings = run.OutLines.Select(l => Finding.Match(l)).Where(m => m.Success).ToList();
        string[] Codes(string fileEnd) => findings.Where(m => m.Groups["path"].Value.EndsWith(fileEnd)).Select(m => m.Groups["code"].Value).ToArray();
        var planted = Codes("rules/planted.yaml");
        planted.Should().Contain(["LINT001", "LINT002", "LINT003", "LINT004", "LINT005", "LINT006"], run.ToString());
        findings.Should().Contain(m => m.Groups["code"].Value == "LINT001" && run.Out.Contains("'planted.nooit' can never apply"));
        findings.Should().Contain(m => m.Groups["code"].Value == "LINT001" && run.Out.Contains("'planted.verlopen' can never apply"));
        run.Out.Should().Contain("'pw.met_gat' has no value from 2026-04-01 to 2026-04-30");
        run.Out.Should().Contain("'planted.zonder-url'").And.Contain("'pw.kostendelersnorm'");

        var strict = Cli.Run("lint", "--strict", pack);
        strict.Code.Should().Be(1, strict.ToString());
    }

    [Fact]
    public void Lint_sees_exclusive_conditions_on_the_parsed_tree_whatever_the_spelling()
    {
        using var temp = new TempDir();
        var pack = temp.CopyMiniPack();
        File.WriteAllText(Path.Combine(pack, "rules", "exclusive.yaml"), """
            facts:
              huishouden.categorie:
                type: number
                description: Een categorie
            rules:
              - id: excl.jong
                title: Jong
                law: { law: Testwet, article: "1", url: "https://example.invalid/testwet" }
                force: beleidsregel
                domain: inkomen
                applies: (aanvrager.leeftijd   <  27) and aanvrager.heeft_bijstand
                determines:
                  huishouden.categorie: 1
              - id: excl.oud
                title: Oud
                law: { law: Testwet, article: "2", url: "https://example.invalid/testwet" }
                force: beleidsregel
                domain: inkomen
                applies: |
                  aanvrager.heeft_bijstand
                  and 27 <= aanvrager.leeftijd
                determines:
                  huishouden.categorie: 2
              - id: excl.tekst-a
                title: Tekst a
                law: { law: Testwet, article: "3", url: "https://example.invalid/testwet" }
                force: beleidsregel
                domain: inkomen
                applies: aanvrager.rol = "aanvrager"
                determines:
                  huishouden.categorie: 3
              - id: excl.tekst-b
                title: Tekst b
                law: { law: Testwet, article: "5", url: "https://example.invalid/testwet" }
                force: beleidsregel
                domain: inkomen
                applies: aanvrager.rol = "partner"
                determines:
                  huishouden.categorie: 5
              - id: excl.overlap
                title: Overlap
                law: { law: Testwet, article: "4", url: "https://example.invalid/testwet" }
                force: beleidsregel
                domain: inkomen
                applies: aanvrager.leeftijd >= 18
                determines:
                  huishouden.categorie: 4
            """);

        var run = Cli.Run("lint", pack);

        run.Code.Should().Be(0, run.ToString());
        var lint005 = run.OutLines.Where(l => l.Contains("LINT005") && l.Contains("exclusive.yaml")).ToList();
        lint005.Should().NotContain(l => l.Contains("'excl.oud' and 'excl.jong'") || l.Contains("'excl.jong' and 'excl.oud'"),
            "'x < 27' and '27 <= x' exclude each other, whatever the spacing, parentheses or side: " + run);
        lint005.Should().Contain(l => l.Contains("'excl.overlap'"), "'x >= 18' overlaps with the others: " + run);
        lint005.Should().NotContain(l => l.Contains("'excl.tekst-b' and 'excl.tekst-a'") || l.Contains("'excl.tekst-a' and 'excl.tekst-b'"),
            "'rol = \"aanvrager\"' and 'rol = \"partner\"' exclude each other: " + run);
    }

    [Fact]
    public void Lint_of_a_clean_pack_has_no_findings()
    {
        using var temp = new TempDir();
        var pack = temp.CopyMiniPack();
        // A municipal copy: a national pack's deviations should say 'mandate: open' (LINT008), a form the mandate part of
        // format 2 adds; a municipality sets its own mandates.
        File.WriteAllText(Path.Combine(pack, "pack.yaml"), File.ReadAllText(Path.Combine(pack, "pack.yaml")).Replace("level: national", "level: municipal"));
        var run = Cli.Run("lint", "--strict", pack);
        run.Code.Should().Be(0, run.ToString());
        run.Out.Should().Contain("No findings.");
    }

    [Fact]
    public void The_shipped_packs_are_lint_clean_and_a_local_mandaatbesluit_does_not_count_as_a_national_mandate()
    {
        // The national pack leaves its mandates open; Vlaardingen and HBEL set them under 'mandates:'. LINT008 judges the
        // mandate as the national pack wrote it, not the one a local mandaatbesluit loaded alongside sets.
        var run = Cli.Run("lint", "--strict", Repo.National, Repo.Vlaardingen, Repo.Hbel, Path.Combine(Repo.Root, "policypacks", "nl-aow-leeftijd-2028"));
        run.Code.Should().Be(0, run.ToString());
        run.Out.Should().Contain("No findings.");

        // Each shipped pack alone (a local pack with the packs it requires, judged with --pack) is clean too: every
        // national mandate is open, so no LINT008 (without a local mandaatbesluit the college decides itself).
        var national = Cli.Run("lint", "--strict", Repo.National);
        national.Code.Should().Be(0, national.ToString());
        national.Out.Should().Contain("No findings.");
        foreach (var (dir, id) in new[] { (Repo.Vlaardingen, "gemeente.vlaardingen"), (Repo.Hbel, "regio.hbel"), (Path.Combine(Repo.Root, "policypacks", "nl-aow-leeftijd-2028"), "nl.aow-leeftijd-2028") })
        {
            var alone = Cli.Run("lint", "--strict", "--pack", id, Repo.National, dir);
            alone.Code.Should().Be(0, alone.ToString());
            alone.Out.Should().Contain("No findings.");
        }
    }

    [Fact]
    public void A_national_pack_whose_deviation_sets_a_mandate_gets_LINT008()
    {
        using var temp = new TempDir();
        var pack = temp.CopyMiniPack();
        var run = Cli.Run("lint", pack);
        run.Code.Should().Be(0, run.ToString());
        run.OutLines.Should().ContainSingle(l => l.Contains(": warning LINT008: ")).Which.Should()
            .EndWith("warning LINT008: The deviation 'afw.kostendelersnorm-tijdelijk-buiten-beschouwing' in the national pack 'mini.nl' sets its mandate to 'teamleider'. Who may decide is set by each municipality's mandaatbesluit; a national pack writes 'mandate: open' and a local pack sets it under 'mandates'.");
    }

    [Fact]
    public void Lint_finds_bases_that_fit_poorly_and_a_policy_rule_deviated_from_in_every_test()
    {
        using var temp = new TempDir();
        var pack = temp.CopyMiniPack();
        File.WriteAllText(Path.Combine(pack, "pack.yaml"), File.ReadAllText(Path.Combine(pack, "pack.yaml")).Replace("level: national", "level: municipal"));
        // Test fiction: the kostendelersnorm as a local policy rule, departed from under Awb 4:84.
        var rules = Path.Combine(pack, "rules", "pw.yaml");
        File.WriteAllText(rules, File.ReadAllText(rules)
            .Replace("force: wet-plicht\n    clauses:", "force: beleidsregel\n    clauses:")
            .Replace("basis: { law: Participatiewet, article: \"18 lid 1\", url: \"https://wetten.overheid.nl/BWBR0015703\", kind: individualisering }",
                     "basis: { law: Awb, article: \"4:84\", url: \"https://wetten.overheid.nl/BWBR0005537\", kind: awb-4:84 }"));
        File.WriteAllText(Path.Combine(pack, "rules", "afwijkingen.yaml"), """
            deviations:
              - id: afw.evenredig-zonder-toets
                title: Evenredigheid zonder de drie stappen
                deviates: pw.kostendelersnorm
                change: { suspend: true }
                basis: { law: Awb, article: "3:4 lid 2", url: "https://wetten.overheid.nl/BWBR0005537", kind: evenredigheid }
                allowed: false
                mandate: teamleider
                document: [Feiten en omstandigheden, Is de maatregel geschikt?]
              - id: afw.verkeerd-artikel
                title: Awb 4:84 met een ander artikel
                deviates: pw.kostendelersnorm
                change: { suspend: true }
                basis: { law: Awb, article: "3:4", url: "https://wetten.overheid.nl/BWBR0005537", kind: awb-4:84 }
                allowed: false
                mandate: teamleider
            """);
        var tests = Path.Combine(pack, "tests", "s1.yaml");
        File.WriteAllText(Path.Combine(pack, "tests", "s1c.yaml"), File.ReadAllText(tests).Replace("S1: moeder", "S1c: nog eens, moeder").Replace("S1b: zoon", "S1d: zoon"));

        var run = Cli.Run("lint", pack);

        run.Code.Should().Be(0, run.ToString());
        run.Out.Should().Contain("warning LINT007: The deviation 'afw.evenredig-zonder-toets' rests on evenredigheid (Awb 3:4 lid 2), but its 'document' list does not name noodzakelijk, evenwichtig");
        run.Out.Should().Contain("warning LINT007: The deviation 'afw.verkeerd-artikel' has kind awb-4:84 but cites Awb art. 3:4");
        var always = run.OutLines.Should().ContainSingle(l => l.Contains(": warning LINT009: ")).Subject;
        always.Should().Contain("/rules/pw.yaml:2:5: warning LINT009: The policy rule 'pw.kostendelersnorm' is deviated from in every pack test where it applies (2: ")
            .And.EndWith("change the policy rule itself (ABRvS 16 March 2016, ECLI:NL:RVS:2016:709).");
    }
}
