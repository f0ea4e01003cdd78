namespace Doorbraak.Rules.Cli.Tests;

public class ExplainTests
{
    private static string[] S1(params string[] more) => ["explain", Repo.S1, "--packs", Repo.National, "--date", "2026-03-01", .. more];

    [Fact]
    public void A_rule_is_explained_with_its_conditions_and_facts()
    {
        var run = Cli.Run(S1("--rule", "pw.kostendelersnorm"));
        run.Code.Should().Be(0, run.ToString());
        run.Out.Should().Contain("Participatiewet").And.Contain("Voorwaarden:").And.Contain("leden[zoon].leeftijd = 28")
            .And.Contain("afw.kostendelersnorm-tijdelijk-buiten-beschouwing");
    }

    [Fact]
    public void A_rule_that_did_not_apply_says_so()
    {
        var run = Cli.Run(S1("--rule", "pw.bijstandsnorm-alleenstaande"));
        run.Code.Should().Be(0, run.ToString());
        run.Out.Should().Contain("niet toegepast");
    }

    [Fact]
    public void A_collision_is_explained_with_its_trace()
    {
        var run = Cli.Run(S1("--collision", "botsing.kostendeler-jongvolwassene"));
        run.Code.Should().Be(0, run.ToString());
        run.Out.Should().Contain("Kostendelersnorm duwt volwassen kind de deur uit").And.Contain("Spoor:")
            .And.Contain("leden[zoon].dreigt_dakloos = waar").And.Contain("afw.kostendelersnorm-tijdelijk-buiten-beschouwing");
    }

    [Fact]
    public void A_proposal_is_explained_in_english_on_request()
    {
        var run = Cli.Run(S1("--proposal", "afw.kostendelersnorm-tijdelijk-buiten-beschouwing", "--lang", "en"));
        run.Code.Should().Be(0, run.ToString());
        run.Out.Should().Contain("Basis: Participatiewet art. 18 lid 1").And.Contain("Mandate: teamleider").And.Contain("Resolves");
    }

    [Fact]
    public void An_unknown_id_exits_1()
    {
        var run = Cli.Run(S1("--rule", "pw.kostendelersnrom"));
        run.Code.Should().Be(1, run.ToString());
        run.Err.Should().Contain("pw.kostendelersnrom");
    }

    [Fact]
    public void Exactly_one_subject_is_required()
    {
        Cli.Run(S1()).Code.Should().Be(2);
        Cli.Run(S1("--rule", "pw.kostendelersnorm", "--collision", "botsing.kostendeler-jongvolwassene")).Code.Should().Be(2);
    }

    [Fact]
    public void A_missing_household_exits_1()
    {
        var run = Cli.Run("explain", "nope.yaml", "--packs", Repo.National, "--rule", "pw.kostendelersnorm");
        run.Code.Should().Be(1, run.ToString());
        run.Err.Should().Contain("does not exist");
    }
}
