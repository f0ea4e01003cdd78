using Doorbraak.Rules.Evaluation;
using Doorbraak.Rules.Facts;
using Doorbraak.Rules.NRules;
using Doorbraak.Rules.Source;
using Doorbraak.Rules.Tests.PackScenarios;

namespace Doorbraak.Rules.Tests.NRules;

public class KeptProjectionTests
{
    [Fact]
    public void A_kept_NRules_session_gives_after_each_answer_what_a_fresh_projection_gives()
    {
        var packs = PackSet.LoadDirectories(Path.Combine(ShippedPackTests.FindRepoRoot(), "policypacks", "nl-sociaal-domein"));
        var plan = packs.RuleSet;
        var date = new DateOnly(2026, 3, 1);
        var engine = new DoorbraakEngine(packs);
        var household = engine.ReadHousehold(File.ReadAllText(Path.Combine(ShippedPackTests.FindRepoRoot(), "samples", "households", "s1-kostendelersnorm.yaml")));
        var son = household.Members.First(m => m.Role != "aanvrager");
        son.BirthDate = null;
        var parameters = plan.Parameters.ValuesOn(date);
        plan.Schema.Member.TryGetField("geboren", out var born).Should().BeTrue();
        plan.Schema.Member.TryGetField("leeftijd", out var age).Should().BeTrue();
        var index = household.Members.IndexOf(son);

        var kept = new KeptProjection(NRulesBackend.Instance, plan, plan.FrameBuilder.Build(household, date, new DiagnosticBag()), parameters, date);
        Describe(kept.Run.Projection).Should().Be(Describe(Fresh()), "before any answer");
        kept.Run.Projection.Undecided.Should().NotBeEmpty("the son's age is unknown");

        foreach (var answer in new[] { new DateOnly(1997, 9, 14), new DateOnly(2001, 1, 1), new DateOnly(1990, 5, 5) })
        {
            son.BirthDate = answer;
            var projection = kept.Answer(h =>
            {
                // What the frame builder does for an answered date of birth: the date, and the age on the peildatum.
                var member = h.Collections[plan.MembersField.Slot][index];
                member.Values[born!.Slot] = FactValue.Date(answer);
                member.Values[age!.Slot] = FactValue.Number(FrameBuilder.AgeOn(answer, date));
            });
            Describe(projection).Should().Be(Describe(Fresh()), $"after answering {answer}");
        }
        kept.Run.Projection.Applied.Should().Contain(plan.Rules.Single(r => r.Id == "pw.kostendelersnorm").Index, "the son born in 1990 counts as a kostendeler");

        Projection Fresh() => Projector.Project(plan, plan.FrameBuilder.Build(household, date, new DiagnosticBag()), parameters, date, ProjectionChanges.None, detailed: true);
    }

    private static string Describe(Projection p) => string.Join("; ",
        string.Join(",", p.Writes.Select(w => $"{w.Rule.Id}:{w.Path}={w.After}")),
        string.Join(",", p.Undecided.Select(u => $"{u.Rule.Id}:{string.Join("/", u.UnknownReads.Select(r => r.Field.Name))}")),
        string.Join(",", p.Applied.Order()),
        string.Join(",", p.Contradictions.Select(c => c.Second.Path)));
}
