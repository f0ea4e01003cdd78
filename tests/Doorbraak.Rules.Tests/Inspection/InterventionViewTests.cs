using Doorbraak.Rules.Inspection;
using Doorbraak.Rules.Tests.Evaluation;

namespace Doorbraak.Rules.Tests.Inspection;

/// <summary>The inspection view shows interventions as it shows deviations: merged and per pack, with what they change, who decides, limits and costs.</summary>
public class InterventionViewTests
{
    [Fact]
    public void Interventions_are_listed_with_their_action_basis_mandate_ladder_request_until_and_costs()
    {
        var view = InterventionPack.Load().Inspect();
        view.Interventions.Select(i => i.Id).Should().Equal("int.huur-betalen", "int.toeslagen-regeling", "int.time-out");
        view.Deviations.Select(d => d.Id).Should().Equal("afw.ontruiming-een-maand-uitstellen");
        view.Packs.Single().Interventions.Select(i => i.Id).Should().Equal(view.Interventions.Select(i => i.Id));

        var pay = view.Intervention("int.huur-betalen")!;
        pay.Action.Should().Be("betaling");
        pay.Basis.Kind.Should().Be("budget");
        pay.Allowed!.Text.Should().Be("huishouden.huurachterstand <= 5000");
        pay.Sets.Should().ContainSingle().Which.Target.Should().Be("huishouden.huurachterstand_opgelost");
        pay.Resolves.Should().Equal("doel.dak");
        pay.MandateSteps.Select(s => (s.UpTo, s.UpToParameter, s.Role)).Should().Equal((null, "test.grens_teamleider", "teamleider"), ((decimal?)null, (string?)null, "manager"));
        pay.Costs.Should().ContainSingle().Which.Should().Match<InterventionCostView>(c => c.Payer == "gemeente" && c.Once && c.Amount.Text == "huishouden.huurachterstand");
        pay.Decider.Should().Be("gemeente");

        var request = view.Intervention("int.toeslagen-regeling")!;
        request.Decider.Should().Be("dienst-toeslagen");
        request.Deliver.Should().Equal("inkomensgegevens", "overzicht van de schulden");

        var timeOut = view.Intervention("int.time-out")!;
        timeOut.Mandate.Should().Be("open");
        timeOut.Limits.Until!.Text.Should().Be("huishouden.heeft_woonruimte");
        timeOut.Limits.MaxMonths.Should().Be(6);
        view.Packs.Single().Items.Should().Contain(timeOut);
    }

    [Fact]
    public void An_intervention_that_changes_debts_shows_how_it_picks_them_and_what_it_sets()
    {
        var view = DebtInterventionPack.Load().Inspect();
        var arrangement = view.Intervention("int.boete-regeling")!;
        arrangement.Sets.Should().BeEmpty();
        var change = arrangement.Elements.Should().ContainSingle().Subject;
        change.Collection.Should().Be("schulden");
        change.Id.Should().BeNull();
        change.Where!.Text.Should().Be("soort = \"boete\" and not fraude");
        change.Sets.Select(s => (s.Target, s.Value.Text)).Should().Equal(("status", "\"regeling\""), ("maandbedrag", "25"));

        var pay = view.Intervention("int.boete-betalen")!;
        pay.Sets.Should().ContainSingle().Which.Target.Should().Be("huishouden.schuldhulp_geweigerd");
        pay.Elements.Single().Should().Match<ElementChangeView>(e => e.Id == "cjib-1" && e.Where == null);
    }
}
