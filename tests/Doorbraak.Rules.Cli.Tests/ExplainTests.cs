namespace Doorbraak.Rules.Cli.Tests;

public class ExplainTests
{
    private static string[] S1(params string[] more) => ["explain", Repo.S1, "--packs", Repo.National, "--date", "2026-03-01", .. more];

    [Fact]
    public void A_rule_is_explained_with_its_conditions_and_facts()
    {
        var run = Cli.Run(S1("--rule", "pw.kostendelersnorm"));
        run.Code.Should().Be(0, run.ToString());
        run.Out.Should().Contain("Participatiewet").And.Contain("Voorwaarden:").And.Contain("leden[zoon].kostendeler = waar")
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
        run.Out.Should().Contain("Basis: Participatiewet art. 18 lid 1").And.Contain("Mandate: open, not set by a local mandaatbesluit; decided by: the competent body itself, mandate 'college'").And.Contain("Resolves");
    }

    [Fact]
    public void A_deviation_that_is_not_proposed_says_why_in_explain_and_in_the_report()
    {
        using var temp = new TempDir();
        var household = temp.File("s1-zonder-plan.yaml", File.ReadAllText(Repo.S1).Replace("heeft_perspectiefplan: true", "heeft_perspectiefplan: false"));
        const string deviation = "afw.kostendelersnorm-tijdelijk-buiten-beschouwing";

        var collision = Cli.Run("explain", household, "--packs", Repo.National, "--date", "2026-03-01", "--collision", "botsing.kostendeler-jongvolwassene");
        collision.Code.Should().Be(0, collision.ToString());
        collision.Out.Should().Contain("Niet voorgesteld").And.Contain($"- {deviation} (botsing.kostendeler-jongvolwassene): niet toegestaan: voorwaarde");

        var proposal = Cli.Run("explain", household, "--packs", Repo.National, "--date", "2026-03-01", "--proposal", deviation);
        proposal.Code.Should().Be(0, proposal.ToString());
        proposal.Out.Should().Contain("niet toegestaan: voorwaarde").And.Contain("heeft_perspectiefplan").And.Contain("is onwaar");

        var report = Cli.Run("evaluate", household, "--packs", Repo.National, "--date", "2026-03-01");
        report.Out.Should().Contain("Niet voorgesteld").And.Contain("niet toegestaan: voorwaarde");
    }

    [Fact]
    public void Illustrative_cost_lines_are_marked_in_the_text_report()
    {
        var run = Cli.Run("evaluate", Repo.S1, "--packs", Repo.National, "--date", "2026-03-01");
        run.Code.Should().Be(0, run.ToString());
        run.Out.Should().Contain("(illustratief)").And.Contain("illustratief: kosten.opvang_per_maand");
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
