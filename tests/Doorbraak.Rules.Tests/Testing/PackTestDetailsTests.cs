using Doorbraak.Rules.Testing;
using Doorbraak.Rules.Tests.Evaluation;

namespace Doorbraak.Rules.Tests.Testing;

/// <summary>Pack tests that assert a proposal's details, the reason a step was not proposed, and facts after a step.</summary>
public class PackTestDetailsTests
{
    private static IReadOnlyList<PackTestResult> Run(string expect, string household = "huurachterstand: 400") =>
        PackTestRunner.Run(InterventionPack.Load(InterventionPack.Content, ("tests.yaml", $$"""
            tests:
              - name: detail
                date: 2026-03-01
                household:
                  {{household}}
                  toeslagschuld_open: 1200
                  leden:
                    - { id: a, rol: aanvrager, geboren: 1980-05-01, inkomen: 1500 }
                expect:
            {{expect}}
            """)));

    [Fact]
    public void Details_that_hold_pass()
    {
        var results = Run("""
                  proposal_details:
                    int.huur-betalen: { kind: intervention, mandate: teamleider, amount: 400, cost_difference: -41600, until: 2027-02-28, request_to: none }
                    int.toeslagen-regeling: { request_to: dienst-toeslagen, mandate: regisseur }
                  not_proposed:
                    int.time-out: not-allowed
                  facts_after:
                    int.huur-betalen: { huishouden.huurachterstand_opgelost: true, huishouden.ontruiming_dreigt: false }
            """);
        results.Should().ContainSingle().Which.Failures.Should().BeEmpty();
    }

    [Fact]
    public void Details_that_do_not_hold_fail_with_expected_and_actual()
    {
        var r = Run("""
                  proposal_details:
                    int.huur-betalen: { mandate: manager, cost_difference: 0 }
                  not_proposed:
                    int.time-out: resolves-nothing
                    int.huur-betalen: not-allowed
                  facts_after:
                    int.huur-betalen: { huishouden.ontruiming_dreigt: true }
            """).Single();
        r.Passed.Should().BeFalse();
        r.Failures.Should().HaveCount(5);
        r.Failures.Should().Contain(f => f.EndsWith("proposal int.huur-betalen: mandate expected manager, actual teamleider"));
        r.Failures.Should().Contain(f => f.EndsWith("proposal int.huur-betalen: cost_difference expected 0, actual -41600"));
        r.Failures.Should().Contain(f => f.Contains("'int.time-out' not proposed: expected reason resolves-nothing, actual not-allowed"));
        r.Failures.Should().Contain(f => f.EndsWith("expected 'int.huur-betalen' not to be proposed, but it is in proposal int.huur-betalen"));
        r.Failures.Should().Contain("after int.huur-betalen: huishouden.ontruiming_dreigt: expected true, actual false");
    }

    [Fact]
    public void An_unknown_detail_key_is_refused_at_load()
    {
        var (_, diagnostics) = PackSet.TryLoad([InterventionPack.Source(InterventionPack.Content, ("tests.yaml", """
            tests:
              - name: detail
                date: 2026-03-01
                household: { huurachterstand: 400 }
                expect:
                  proposal_details:
                    int.huur-betalen: { mandaat: teamleider }
            """))]);
        diagnostics.Should().Contain(d => d.Code == "DBR1010" && d.Message.Contains("'mandaat'") && d.Message.Contains("did you mean 'mandate'"));
    }
}
