using Doorbraak.Rules.Tests.Evaluation;

namespace Doorbraak.Rules.Tests.Packs;

/// <summary>Load refusals of the v2 sections on who decides, interventions and money, each with its place.</summary>
public class WhoDecidesLoadTests
{
    private const string Intervention = """
        interventions:
          - id: int.x
            title: X
            action: betaling
            basis: { law: Testwet, article: "9", kind: budget }
            change: { set: { huishouden.huurachterstand_opgelost: true } }
        """;

    private static IReadOnlyList<Diagnostic> Load(string extra)
    {
        var (_, diagnostics) = PackSet.TryLoad([InterventionPack.Source(InterventionPack.Content, ("extra.yaml", extra))]);
        // The test packs are format 1 (their rules carry no force); that warning is not what these tests are about.
        return diagnostics.Where(d => d.Code != "DBR1100").ToList();
    }

    private static string Errors(string extra) => string.Join("\n", Load(extra).Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()));

    [Fact]
    public void A_mandate_ladder_without_a_final_open_ended_step_is_refused()
    {
        var errors = Errors(Intervention + """

                mandate:
                  - { up_to: 600, role: teamleider }
                  - { up_to: 2500, role: manager }
            """);
        errors.Should().Be("interventies/extra.yaml:9:9: error DBR1152: A mandate ladder ends with a step without 'up_to' (such as { role: college }), so that a proposal over the last limit moves up instead of having no one who may decide it.");
    }

    [Fact]
    public void A_cost_with_both_once_and_monthly_is_refused()
    {
        var errors = Errors("""
            costs:
              - id: kosten.x
                title: X
                payer: gemeente
                once: 100
                monthly: 10
            """);
        errors.Should().Be("interventies/extra.yaml:5:11: error DBR1153: A cost gives both 'once' and 'monthly'; give exactly one: 'once' for a one-off amount (counted once over the horizon), 'monthly' for an amount per month.");
    }

    [Fact]
    public void An_intervention_cost_with_both_once_and_monthly_is_refused()
    {
        var errors = Errors(Intervention + """

                mandate: teamleider
                costs:
                  - { payer: gemeente, once: 100, monthly: 10 }
            """);
        errors.Should().StartWith("interventies/extra.yaml:9:34: error DBR1153: A cost gives both 'once' and 'monthly'");
    }

    [Fact]
    public void An_unknown_role_is_refused_with_did_you_mean()
    {
        var errors = Errors(Intervention + "\n    mandate: teamleidr\n");
        errors.Should().Be("interventies/extra.yaml:7:14: error DBR1150: The intervention 'int.x' names the mandate 'teamleidr', which is no declared role (consulent, regisseur, teamleider, manager, college; lowest first) nor 'open' (did you mean 'teamleider'?).");
    }

    [Fact]
    public void An_unknown_authority_is_refused_with_did_you_mean()
    {
        var errors = Errors(Intervention + "\n    mandate: regisseur\n    decider: dienst-toeslag\n    deliver: [x]\n");
        errors.Should().Be("interventies/extra.yaml:8:14: error DBR1151: The intervention 'int.x' names the decider 'dienst-toeslag', which is neither 'gemeente' nor a declared authority (dienst-toeslagen) (did you mean 'dienst-toeslagen'?).");
    }

    [Fact]
    public void A_request_without_deliver_loads_with_a_warning()
    {
        var diagnostics = Load(Intervention + "\n    mandate: regisseur\n    decider: dienst-toeslagen\n");
        diagnostics.Should().ContainSingle().Which.ToString().Should().StartWith("interventies/extra.yaml:8:14: warning DBR1156:");
    }

    [Fact]
    public void Until_without_a_maximum_is_refused()
    {
        var errors = Errors(Intervention + "\n    mandate: regisseur\n    limits: { until: huishouden.heeft_woonruimte }\n");
        errors.Should().StartWith("interventies/extra.yaml:8:22: error DBR1155: 'until' needs 'max'");
    }

    [Fact]
    public void A_mandaatbesluit_for_an_unknown_id_is_refused_with_did_you_mean()
    {
        var local = TestPacksFor.Local("""
            mandates:
              basis: { law: "Mandaatbesluit test 2026", article: "3" }
              set:
                int.time-uot: teamleider
            """);
        var (_, diagnostics) = PackSet.TryLoad([InterventionPack.Source(), local]);
        string.Join("\n", diagnostics.Where(d => d.Code != "DBR1100").Select(d => d.ToString())).Should().Be(
            "lokaal/mandaat.yaml:4:5: error DBR1154: The mandaatbesluit of test.lokaal sets the mandate of 'int.time-uot', but no earlier pack defines a deviation or intervention with that id (did you mean 'int.time-out'?).");
    }

    [Fact]
    public void Without_declared_roles_the_built_in_ladder_applies()
    {
        var set = PackSet.Load([PolicyPackSource.FromFiles("oud", new Dictionary<string, string>
        {
            ["pack.yaml"] = InterventionPack.Manifest,
            ["content.yaml"] = InterventionPack.Content.Replace("decider: dienst-toeslagen", "decider: gemeente"),
        })]);
        set.RuleSet.Packs.Roles.Select(r => r.Id).Should().Equal("consulent", "regisseur", "teamleider", "manager", "directeur", "college");
    }
}
