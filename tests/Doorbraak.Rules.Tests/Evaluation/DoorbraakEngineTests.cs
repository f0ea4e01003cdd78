namespace Doorbraak.Rules.Tests.Evaluation;

public class DoorbraakEngineTests
{
    private static readonly DateOnly Peildatum = new(2026, 3, 1);

    [Fact]
    public void Worked_example_finds_the_kostendelersnorm_collision_and_proposes_the_deviation()
    {
        var engine = new DoorbraakEngine(MiniPack.Load());
        var result = engine.Evaluate(MiniPack.S1(), Peildatum);

        result.Determinations.Select(d => d.Rule).Should().Contain(["pw.kostendelers", "pw.kostendelersnorm", "gevolg.kind-vertrekt"]);
        result.Determinations.Single(d => d.Rule == "pw.kostendelersnorm").Value.Should().Be("1001.07");
        var collision = result.Collisions.Should().ContainSingle().Subject;
        collision.Id.Should().Be("botsing.kostendeler-jongvolwassene");
        collision.Rules.Should().Equal("pw.kostendelersnorm");
        collision.Alternatives.Should().BeEquivalentTo(new[] { new[] { "pw.kostendelersnorm" } });
        collision.Members.Should().Contain("zoon");
        var proposal = result.Proposals.Should().ContainSingle().Subject;
        proposal.Id.Should().Be("afw.kostendelersnorm-tijdelijk");
        proposal.Resolves.Should().Equal("botsing.kostendeler-jongvolwassene");
        proposal.Mandate.Should().Be("teamleider");
        proposal.Motivation.Should().Contain("Sem").And.Contain("Participatiewet art. 18 lid 1");
        proposal.Cost.DeviationMonths.Should().Be(6);
    }

    [Fact]
    public void Son_of_25_gives_no_collision()
    {
        var engine = new DoorbraakEngine(MiniPack.Load());
        var result = engine.Evaluate(MiniPack.S1(sonBirthYear: 2000), Peildatum);
        result.Collisions.Should().BeEmpty();
        result.Proposals.Should().BeEmpty();
        result.Determinations.Select(d => d.Rule).Should().NotContain("pw.kostendelersnorm");
    }

    [Fact]
    public void Unknown_fact_is_reported_missing_with_its_question()
    {
        var engine = new DoorbraakEngine(MiniPack.Load());
        var result = engine.Evaluate(MiniPack.S1(ownHousing: null), Peildatum);
        var missing = result.MissingFacts.Should().Contain(m => m.Path == "leden[zoon].eigen_woonruimte").Subject;
        missing.NeededFor.Should().Contain("gevolg.kind-vertrekt");
        missing.Question.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public void Same_input_gives_the_same_bytes()
    {
        var engine = new DoorbraakEngine(MiniPack.Load());
        var a = ResultJson.Serialize(engine.Evaluate(MiniPack.S1(), Peildatum));
        var b = ResultJson.Serialize(new DoorbraakEngine(MiniPack.Load()).Evaluate(MiniPack.S1(), Peildatum));
        a.Should().Be(b);
        a.Should().Contain("\"determinations\"").And.Contain("\"missingFacts\"").And.Contain("\"audit\"");
    }

    [Fact]
    public void Screening_without_explanations_finds_the_same_collisions_and_proposals()
    {
        var engine = new DoorbraakEngine(MiniPack.Load());
        var full = engine.Evaluate(MiniPack.S1(), Peildatum);
        var lean = engine.Evaluate(MiniPack.S1(), Peildatum, new EvaluationOptions { IncludeExplanations = false });
        lean.Collisions.Select(c => c.Id).Should().Equal(full.Collisions.Select(c => c.Id));
        lean.Proposals.Select(p => (p.Id, p.Cost.Difference)).Should().Equal(full.Proposals.Select(p => (p.Id, p.Cost.Difference)));
        lean.Determinations.Should().OnlyContain(d => d.Explanation.Text.Length == 0 && d.Explanation.Facts.Count == 0);
    }
}
