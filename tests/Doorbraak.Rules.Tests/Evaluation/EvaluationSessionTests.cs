using Doorbraak.Rules.Compilation;
using Doorbraak.Rules.Evaluation;
using Doorbraak.Rules.Facts;

namespace Doorbraak.Rules.Tests.Evaluation;

public class EvaluationSessionTests
{
    private static readonly DateOnly Peildatum = new(2026, 3, 1);

    [Fact]
    public void Missing_facts_do_not_depend_on_whether_proposals_are_searched()
    {
        // The son's threat of homelessness is unknown: the deviation's condition reads it.
        var household = MiniPack.S1();
        household.Members[1].Facts.Set("dreigt_dakloos", FactValue.Unknown);
        household.Members[1].OwnHousing = false;
        var engine = new DoorbraakEngine(MiniPack.Load());
        var full = engine.Evaluate(household, Peildatum);
        var screening = engine.Evaluate(household, Peildatum, new EvaluationOptions { IncludeProposals = false });
        screening.Proposals.Should().BeEmpty();
        screening.MissingFacts.Should().BeEquivalentTo(full.MissingFacts, o => o.WithStrictOrdering());
    }

    [Fact]
    public void Re_projections_are_keyed_by_their_changes()
    {
        var set = MiniPack.Load();
        var session = EvaluationSession.Open(set.RuleSet, MiniPack.S1(), Peildatum, EvaluationOptions.Default);
        var deviation = set.RuleSet.Deviations.Single();
        var a = session.Reproject(ProjectionChanges.With([deviation]));
        var b = session.Reproject(ProjectionChanges.With([deviation]));
        b.Should().BeSameAs(a);
        ProjectionChanges.Without([2, 1]).Should().Be(ProjectionChanges.Without([1, 2]));
        ProjectionChanges.Without([1]).Should().NotBe(ProjectionChanges.Without([1], new HashSet<int> { 1 }));
        ProjectionChanges.Without([1]).GetHashCode().Should().Be(ProjectionChanges.Without([1]).GetHashCode());
        session.Reproject(ProjectionChanges.Without([0])).Should().NotBeSameAs(a);
    }

    [Fact]
    public void Read_scopes_nest_and_forget_their_reads()
    {
        var set = MiniPack.Load();
        var session = EvaluationSession.Open(set.RuleSet, MiniPack.S1(), Peildatum, EvaluationOptions.Default);
        var frame = session.Base.Frame;
        var member = session.Base.Household.Collections[set.RuleSet.MembersField.Slot][0];
        var field = member.Schema.Fields.First(f => f.Type.IsScalar);
        var before = frame.Reads.Count;
        using (var outer = frame.Capture(trace: true))
        {
            frame.OnRead(member, field, FactValue.True);
            using (var inner = frame.Capture())
            {
                frame.OnRead(member, field, FactValue.Unknown);
                inner.Unknowns().Should().ContainSingle();
                frame.Tracing.Should().BeFalse();
            }
            frame.Tracing.Should().BeTrue();
            outer.Distinct().Should().ContainSingle();
        }
        frame.Reads.Count.Should().Be(before);
        frame.Tracing.Should().BeFalse();
    }

    private const string Dates = """
        facts:
          huishouden.einddatum: { type: date, description: Einddatum }
        rules:
          - id: regel.kort
            title: Korte termijn
            law: { law: Wet A, article: "1", url: "https://example.org/a" }
            domain: wonen
            applies: aanvrager.leeftijd >= 18
            determines: { huishouden.einddatum: peildatum + 1 maand }
          - id: regel.lang
            title: Lange termijn
            law: { law: Wet B, article: "2", url: "https://example.org/b" }
            domain: wonen
            applies: aanvrager.inkomen > 0
            determines: { huishouden.einddatum: peildatum + 3 maanden }
        deviations:
          - id: afw.uitstel
            title: Later
            deviates: regel.kort
            change: { postpone: P1M }
            basis: { law: Wet A, article: "3", kind: wettelijke-bevoegdheid }
            mandate: consulent
          - id: afw.buiten-toepassing
            title: Niet toepassen
            deviates: regel.kort
            change: { suspend: true }
            basis: { law: Wet A, article: "4", kind: wettelijke-bevoegdheid }
            mandate: teamleider
        """;

    [Fact]
    public void What_if_and_the_proposal_search_classify_a_contradiction_alike()
    {
        var engine = new DoorbraakEngine(PackSet.Load([PolicyPackSource.FromFiles("d", new Dictionary<string, string>
        {
            ["pack.yaml"] = MiniPack.Manifest,
            ["rules.yaml"] = Dates,
        })]));
        var household = new Household();
        household.Members.Add(new HouseholdMember("a") { Role = "aanvrager", BirthDate = new DateOnly(1980, 5, 1), Income = 1500m });
        var result = engine.Evaluate(household, Peildatum);
        var contradiction = result.Collisions.Should().ContainSingle(c => c.Kind == CollisionKind.Contradiction).Subject;

        // Postponing one date leaves the two rules contradicting each other; setting the rule aside resolves it.
        engine.WhatIf(household, Peildatum, ["afw.uitstel"]).Leaves.Should().Contain(contradiction.Id);
        result.Proposals.Should().NotContain(p => p.Deviations.Contains("afw.uitstel"));
        engine.WhatIf(household, Peildatum, ["afw.buiten-toepassing"]).Resolves.Should().Contain(contradiction.Id);
        result.Proposals.Should().Contain(p => p.Deviations.Contains("afw.buiten-toepassing") && p.Resolves.Contains(contradiction.Id));
    }
}
