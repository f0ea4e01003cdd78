using System.Text.Json;
using Doorbraak.Rules.Inspection;

namespace Doorbraak.Rules.Tests.Completeness;

public class SituationTests
{
    private static readonly DateOnly Peildatum = new(2026, 3, 1);
    private static readonly Lazy<PackSet> National = new(() => PackSet.LoadDirectories(Path.Combine(RepoRoot.Path, "policypacks", "nl-sociaal-domein")));

    private const string Household = """
        huur: 780
        situaties: [SITUATIONS]
        leden:
          - { id: moeder, rol: aanvrager, geboren: 1971-01-10, heeft_bijstand: true, inkomen: 1401.50, dreigt_dakloos: false }
        """;

    private static EvaluationResult Evaluate(string situations, ReportLanguage language = ReportLanguage.Dutch)
    {
        var engine = new DoorbraakEngine(National.Value);
        return engine.Evaluate(engine.ReadHousehold(Household.Replace("SITUATIONS", situations)), Peildatum, new EvaluationOptions { Language = language });
    }

    [Fact]
    public void A_situation_no_pack_covers_gives_a_situation_not_covered_gap_naming_the_law_and_advice()
    {
        var result = Evaluate("detentie");
        result.Completeness.Complete.Should().BeFalse();
        var gap = result.Completeness.Gaps.Should().ContainSingle(g => g.Kind == GapKind.SituationNotCovered).Subject;
        gap.Subject.Should().Be("detentie");
        gap.Message.Should().Contain("Penitentiaire beginselenwet").And.Contain("Raadpleeg");
        ResultJson.Serialize(result).Should().Contain("\"situation-not-covered\"");
    }

    [Fact]
    public void A_covered_situation_gives_no_gap()
    {
        var result = Evaluate("problematische_schulden");
        result.Completeness.Gaps.Should().NotContain(g => g.Kind == GapKind.SituationNotCovered);
    }

    [Fact]
    public void The_gap_is_worded_in_english_with_the_default_advice()
    {
        var gap = Evaluate("verblijfsprocedure", ReportLanguage.English).Completeness.Gaps.Single(g => g.Kind == GapKind.SituationNotCovered);
        gap.Message.Should().Contain("Vreemdelingenwet 2000").And.Contain("Consult a specialist");
    }

    [Fact]
    public void An_unknown_situation_id_is_a_household_error_with_a_suggestion()
    {
        var act = () => Evaluate("detenti");
        var ex = act.Should().Throw<HouseholdException>().Which;
        ex.Diagnostics.Should().Contain(d => d.Code == "DBR3012" && d.Message.Contains("detentie"));
    }

    [Fact]
    public void Situations_round_trip_through_json()
    {
        var engine = new DoorbraakEngine(National.Value);
        var h = engine.ReadHousehold(Household.Replace("SITUATIONS", "detentie, bewind_curatele_mentorschap"));
        h.Situations.Should().Equal("detentie", "bewind_curatele_mentorschap");
        var json = JsonSerializer.Serialize(h);
        json.Should().Contain("\"situaties\":[\"detentie\",\"bewind_curatele_mentorschap\"]");
        JsonSerializer.Deserialize<Household>(json)!.Situations.Should().Equal(h.Situations);
    }

    [Fact]
    public void The_national_pack_declares_a_broad_list_and_covers_what_it_models()
    {
        var view = National.Value.Inspect();
        view.Situations.Count.Should().BeGreaterThanOrEqualTo(15);
        view.Situations.Select(s => s.Id).Should().Contain(["verblijfsprocedure", "strafzaak", "detentie", "bewind_curatele_mentorschap", "wsnp", "studieschuld_duo", "zelfstandige", "verblijf_buitenland"]);
        view.Situations.Should().OnlyContain(s => s.Law.Length > 0 && s.Title.Length > 0);
        view.Situations.Single(s => s.Id == "problematische_schulden").CoveredBy.Should().Equal("nl.sociaal-domein");
        view.Situations.Single(s => s.Id == "detentie").Covered.Should().BeFalse();
        view.Packs.Single().Covers.Should().Contain("problematische_schulden");
    }

    [Fact]
    public void A_pack_covering_an_undeclared_situation_is_refused()
    {
        var source = PolicyPackSource.FromFiles("p", new Dictionary<string, string>
        {
            ["pack.yaml"] = "id: test.s\nversion: 1.0.0\ntitle: S\njurisdiction: NL\nvalid: { from: 2000-01-01 }\n",
            ["s.yaml"] = "situations:\n  - { id: detentie, title: Detentie, law: Penitentiaire beginselenwet }\ncovers: [detenti]\n",
        });
        var act = () => PackSet.Load([source]);
        act.Should().Throw<PackLoadException>().Which.Diagnostics.Should().Contain(d => d.Message.Contains("detenti") && d.Message.Contains("detentie"));
    }
}
