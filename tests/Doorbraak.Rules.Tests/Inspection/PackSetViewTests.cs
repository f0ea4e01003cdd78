using Doorbraak.Rules.Inspection;
using Doorbraak.Rules.Tests.Packs;

namespace Doorbraak.Rules.Tests.Inspection;

public class PackSetViewTests
{
    private static readonly Lazy<PackSet> Shipped = new(() => PackSet.LoadDirectories(
        Path.Combine(RepoRoot.Path, "policypacks", "nl-sociaal-domein"),
        Path.Combine(RepoRoot.Path, "policypacks", "gemeente-vlaardingen")));

    private static PackSetView View => Shipped.Value.Inspect();

    [Fact]
    public void The_view_is_built_once_per_set_and_lists_the_packs_in_load_order()
    {
        Shipped.Value.Inspect().Should().BeSameAs(View);
        View.Packs.Select(p => p.Id).Should().Equal(Shipped.Value.Packs.Select(p => p.Id));
        View.Packs.Select(p => p.Sha256).Should().Equal(Shipped.Value.Packs.Select(p => p.Sha256));
        var national = View.Packs.Single(p => p.Id == "nl.sociaal-domein");
        national.Requires.Should().BeEmpty();
        View.Packs.Single(p => p.Id == "gemeente.vlaardingen").Requires.Should().Contain(r => r.PackId == "nl.sociaal-domein");
        national.Rules.Should().NotBeEmpty().And.OnlyContain(r => r.PackId == national.Id);
        national.Tests.Should().NotBeEmpty();
    }

    [Fact]
    public void Rules_carry_their_citation_kind_reads_writes_and_parsed_condition()
    {
        var rule = View.Rule("pw.kostendelersnorm")!;
        rule.Should().NotBeNull();
        rule.Kind.Should().Be(RuleKind.Law);
        rule.Citation.ToString().Should().Be("Participatiewet art. 19a en 22a");
        rule.Citation.Url.Should().StartWith("https://wetten.overheid.nl/");
        rule.Writes.Should().Equal("huishouden.bijstandsnorm");
        rule.Reads.Should().Contain(["lid.leeftijd", "lid.rol"]);
        rule.IsValidOn(new DateOnly(2026, 3, 1)).Should().BeTrue();
        rule.IsValidOn(new DateOnly(2014, 12, 31)).Should().BeFalse("the citation is valid from 2015");

        var root = rule.Applies!.Root.Should().BeOfType<AndCondition>().Subject;
        root.Operands.Should().HaveCount(4, "nested ands are flattened");
        root.Operands[0].Should().BeOfType<FactReference>().Which.Path.Should().Be("aanvrager.heeft_bijstand");
        var lessThanAow = root.Operands[2].Should().BeOfType<Comparison>().Subject;
        lessThanAow.Operator.Should().Be(ComparisonOperator.Less);
        lessThanAow.Right.Should().BeOfType<ParameterReference>().Which.Id.Should().Be("pw.aow_leeftijd");
        var count = root.Operands[3].Should().BeOfType<Comparison>().Which.Left.Should().BeOfType<Aggregate>().Subject;
        count.Kind.Should().Be(AggregateKind.Count);
        count.Collection.Should().Be("leden");
        count.Where.Should().BeOfType<FactReference>().Which.Path.Should().Be("kostendeler", "who counts is decided per member by pw.kostendelende-medebewoner (Pw 19a)");

        rule.Applies.Location.File.Should().EndWith("rules/participatiewet.yaml");
        rule.Applies.LocationOf(lessThanAow).Line.Should().Be(rule.Applies.Location.Line + 1, "a block scalar starts on the line after the indicator");
        rule.Applies.Text.Should().StartWith("aanvrager.heeft_bijstand and");
        lessThanAow.Text.Should().Be("aanvrager.leeftijd < pw.aow_leeftijd");
    }

    [Fact]
    public void Rules_are_in_evaluation_order_and_goals_know_which_rules_reach_them()
    {
        var ids = View.Rules.Select(r => r.Id).ToList();
        ids.Should().OnlyHaveUniqueItems();
        foreach (var rule in View.Rules)
        {
            // A rule comes after every rule that writes a fact it reads (no cycles in the shipped packs), except for the
            // fact it waits for in a blockade group (a cycle of waits_for, which runs as one step).
            var waited = Shipped.Value.RuleSet.Rule(rule.Id).WaitField is { } wf ? $"{wf.Owner.Name}.{wf.Name}" : null;
            var laterWriters = View.Rules.Where(w => w != rule && w.Writes.Intersect(rule.Reads).Any(f => f != waited) && ids.IndexOf(w.Id) > ids.IndexOf(rule.Id));
            laterWriters.Should().BeEmpty(rule.Id);
        }
        View.Goals.Should().NotBeEmpty();
        View.Goals.Should().Contain(g => g.ReachedBy.Contains("pw.kostendelersnorm"));
        View.Goals.SelectMany(g => g.ReachedBy).Should().OnlyContain(id => ids.Contains(id));
    }

    [Fact]
    public void Deviations_carry_change_kind_basis_mandate_and_allowed_tree()
    {
        var dev = View.Deviation("afw.verlengde-jeugdhulp")!;
        dev.Change.Kind.Should().Be(DeviationChangeKind.Postpone);
        (dev.Change.Postpone.Months, dev.Change.Postpone.Days).Should().Be((12, 0));
        dev.Mandate.Should().Be("teamleider");
        View.Mandates.Contains(dev.Mandate).Should().BeTrue();
        var any = dev.Allowed!.Root.Should().BeOfType<Quantifier>().Subject;
        any.Kind.Should().Be(QuantifierKind.Any);
        any.Collection.Should().Be("leden");
        any.Condition.Should().BeOfType<AndCondition>().Which.Operands[0].Should().BeOfType<FunctionCall>().Which.Name.Should().Be("bekend");
        View.Deviations.Should().OnlyContain(d => View.Rule(d.Deviates) != null, "every deviation deviates from a loaded rule");
        View.Deviations.Select(d => d.Change.Kind).Should().Contain([DeviationChangeKind.Suspend, DeviationChangeKind.Exempt]);
    }

    [Fact]
    public void The_fact_schema_has_types_questions_and_resolves_missing_fact_paths()
    {
        var facts = View.Facts;
        facts.Entities.Select(e => e.Name).Should().Contain(["huishouden", "lid", "schuld", "voorziening"]);
        var norm = facts.Field("huishouden.bijstandsnorm")!;
        norm.Type.Should().Be(FactType.Money);
        norm.Question.Should().Be("Welke bijstandsnorm geldt nu voor dit huishouden?");
        norm.PackId.Should().Be("nl.sociaal-domein");
        norm.BuiltIn.Should().BeFalse();
        facts.Field("lid.leeftijd")!.BuiltIn.Should().BeTrue();

        facts.FieldAt("huishouden.bijstandsnorm").Should().BeSameAs(norm);
        facts.FieldAt("aanvrager.leeftijd")!.QualifiedName.Should().Be("lid.leeftijd");
        facts.FieldAt("leden[m2].leeftijd")!.QualifiedName.Should().Be("lid.leeftijd");
        facts.FieldAt("leden[0].leeftijd")!.Type.Kind.Should().Be(FactKind.Number);
        facts.FieldAt("huishouden.bestaat_niet").Should().BeNull();
        facts.FieldAt("leeftijd").Should().BeNull();

        View.Packs.Single(p => p.Id == "nl.sociaal-domein").Facts.Should().Contain(f => f.QualifiedName == "huishouden.bijstandsnorm");
    }

    [Fact]
    public void Every_missing_fact_an_evaluation_reports_has_a_type_in_the_schema()
    {
        var engine = new DoorbraakEngine(Shipped.Value);
        var household = engine.ReadHousehold(File.ReadAllText(Path.Combine(RepoRoot.Path, "samples", "households", "s1-kostendelersnorm.yaml")), "s1");
        var result = engine.Evaluate(household, new DateOnly(2026, 3, 1));
        foreach (var missing in result.MissingFacts)
            View.Facts.FieldAt(missing.Path).Should().NotBeNull(missing.Path);
    }

    [Fact]
    public void Parameters_have_values_over_time()
    {
        View.Parameters.Should().NotBeEmpty();
        var p = View.Parameter("pw.norm.alleenstaande")!;
        p.Type.Should().Be(FactType.Money);
        p.Values.Should().NotBeEmpty();
        p.Values.Select(v => v.From).Should().BeInAscendingOrder();
        var first = p.Values[0];
        p.ValueOn(first.From).Should().Be(first.Value);
        p.ValueOn(first.From.AddDays(-1)).IsUnknown.Should().BeTrue();
    }

    [Fact]
    public void The_mandate_ladder_orders_mandates_lowest_first()
    {
        var ladder = View.Mandates;
        ladder.Levels.Should().Equal("consulent", "regisseur", "teamleider", "manager", "directeur", "college");
        ladder.IsAtLeast("manager", "teamleider").Should().BeTrue();
        ladder.IsAtLeast("teamleider", "teamleider").Should().BeTrue();
        ladder.IsAtLeast("regisseur", "teamleider").Should().BeFalse();
        ladder.IsAtLeast("koning", "consulent").Should().BeFalse("an unknown mandate is below all");
        ladder.Compare("college", "consulent").Should().BePositive();
        new[] { "college", "consulent", "manager" }.Order(ladder).Should().Equal("consulent", "manager", "college");
    }

    [Fact]
    public void Declared_collisions_costs_and_kpis_are_listed()
    {
        View.Collisions.Should().NotBeEmpty().And.OnlyContain(c => c.Rules.Count > 0 && c.Goal.Length > 0);
        View.Costs.Should().NotBeEmpty().And.OnlyContain(c => c.Monthly.Root != null);
        View.Kpis.Should().NotBeEmpty();
        View.PackDeclaring("pw.kostendelersnorm")!.Id.Should().Be("nl.sociaal-domein");
    }

    [Fact]
    public void Overridden_and_layered_items_and_literals_are_visible()
    {
        var (set, diagnostics) = TestPacks.Load(TestPacks.With("t", ("rules.yaml", """
            parameters:
              t.grens:
                title: Grens
                type: number
                values:
                  - { from: 2026-01-01, value: 27 }
            rules:
              - id: r.jong
                title: Jong
                law: { law: Testwet, article: "1" }
                domain: inkomen
                applies: not (aanvrager.leeftijd >= t.grens) or -1 > 2 * 3 or aanvrager.rol in ["aanvrager", "partner"]
                determines:
                  huishouden.x: if aanvrager.leeftijd between 18 and 21 then true else false
            facts:
              huishouden.x:
                type: boolean
                description: Een testfeit
            """)));
        set.Should().NotBeNull(string.Join("\n", diagnostics));
        var view = set!.Inspect();
        var rule = view.Rule("r.jong")!;
        var or = rule.Applies!.Root.Should().BeOfType<OrCondition>().Subject;
        or.Operands[0].Should().BeOfType<NotCondition>().Which.Operand.Should().BeOfType<Comparison>()
            .Which.Right.Should().BeOfType<ParameterReference>();
        or.Operands[1].Should().BeOfType<Comparison>().Which.Right.Should().BeOfType<Arithmetic>()
            .Which.Operator.Should().Be(ArithmeticOperator.Multiply);
        var value = rule.Determines.Single().Value.Root.Should().BeOfType<IfThenElse>().Subject;
        value.Condition.Should().BeOfType<Between>();
        value.Then.Should().BeOfType<Literal>().Which.Value.IsTrue.Should().BeTrue();
        or.Operands[2].Should().BeOfType<InList>().Which.Items.Should().HaveCount(2);
        value.Else.Should().BeOfType<Literal>().Which.Value.IsFalse.Should().BeTrue();
        rule.Citation.Url.Should().BeNull();
        rule.Kind.Should().Be(RuleKind.Law);
    }
}
