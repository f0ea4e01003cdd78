using Doorbraak.Rules.Source;
using Doorbraak.Rules.Conditions;
using static Doorbraak.Rules.Tests.Conditions.TestWorld;

namespace Doorbraak.Rules.Tests.Conditions;

public class EvaluationTests
{
    /// <summary>The expected value, written as a literal expression, or "unknown".</summary>
    internal static FactValue Expected(string text) => text == "unknown" ? FactValue.Unknown : Eval(text);

    [Theory]
    // paths, role selectors, parameters, peildatum
    [InlineData("huishouden.huur > 0", "true")]
    [InlineData("aanvrager.leeftijd", "55")]
    [InlineData("aanvrager.naam = \"Ans\"", "true")]
    [InlineData("partner.leeftijd", "unknown")]
    [InlineData("pw.kostendeler.leeftijd", "27")]
    [InlineData("pw.kostendelers.ingang < peildatum", "true")]
    [InlineData("peildatum", "2026-03-01")]
    // Kleene logic
    [InlineData("huishouden.vermogen > 0", "unknown")]
    [InlineData("huishouden.vermogen > 0 and false", "false")]
    [InlineData("false and huishouden.vermogen > 0", "false")]
    [InlineData("huishouden.vermogen > 0 and true", "unknown")]
    [InlineData("huishouden.vermogen > 0 or true", "true")]
    [InlineData("true or huishouden.vermogen > 0", "true")]
    [InlineData("huishouden.vermogen > 0 or false", "unknown")]
    [InlineData("not (huishouden.vermogen > 0)", "unknown")]
    [InlineData("not waar", "false")]
    [InlineData("partner.leeftijd > 18 or true", "true")]
    // quantifiers and aggregates
    [InlineData("any leden where leeftijd >= 27 and not student", "true")]
    [InlineData("all leden where leeftijd >= 27", "true")]
    [InlineData("no leden where leeftijd < 18", "true")]
    [InlineData("any schulden where fraude", "unknown")]
    [InlineData("all schulden where not fraude", "unknown")]
    [InlineData("no schulden where fraude", "unknown")]
    [InlineData("any schulden where fraude or bedrag > 2000", "true")]
    [InlineData("all schulden where bedrag > 1000", "false")]
    [InlineData("count(leden)", "2")]
    [InlineData("count(schulden where fraude)", "unknown")]
    [InlineData("count(schulden where bedrag > 1000)", "2")]
    [InlineData("sum(bedrag of schulden)", "€ 4500.25")]
    [InlineData("sum(bedrag of schulden where not fraude)", "unknown")]
    [InlineData("sum(bedrag of schulden where soort = \"huur\")", "€ 1560")]
    [InlineData("sum(inkomen of leden where leeftijd > 100)", "€ 0")]
    [InlineData("sum(leeftijd of leden)", "83")]
    [InlineData("min(bedrag of schulden)", "€ 640.25")]
    [InlineData("max(leeftijd of leden)", "55")]
    [InlineData("max(leeftijd of leden where leeftijd > 100)", "unknown")]
    [InlineData("min(geboren of leden)", "1970-05-12")]
    [InlineData("min(huishouden.huur, € 500)", "€ 500")]
    [InlineData("max(1, 2, 3)", "3")]
    [InlineData("min(2, partner.leeftijd)", "unknown")]
    // arithmetic
    [InlineData("10 / 4", "2.5")]
    [InlineData("1 / 0", "unknown")]
    [InlineData("huishouden.huur / 0", "unknown")]
    [InlineData("huishouden.huur * 0.5", "€ 390")]
    [InlineData("0.5 * huishouden.huur", "€ 390")]
    [InlineData("huishouden.huurachterstand / huishouden.huur", "2")]
    [InlineData("pw.norm.alleenstaande * 2 - pw.norm.gehuwden", "€ 800.86")]
    [InlineData("-huishouden.huur", "-€ 780")]
    [InlineData("huishouden.huur - 1000", "-€ 220")]
    [InlineData("2 + 3 * 4 - 1", "13")]
    [InlineData("99999999999999999999999999 * 99999999999999", "unknown")]
    // dates and durations
    [InlineData("2026-01-31 + 1 month", "2026-02-28")]
    [InlineData("2024-01-31 + P1M", "2024-02-29")]
    [InlineData("2026-01-31 + P1M1D", "2026-03-01")]
    [InlineData("2026-03-31 - 1 month", "2026-02-28")]
    [InlineData("peildatum + 4 weeks", "2026-03-29")]
    [InlineData("P4W + peildatum", "2026-03-29")]
    [InlineData("P1Y + P6M", "P18M")]
    [InlineData("P1Y - 1 month", "P11M")]
    [InlineData("P6M = 6 months", "true")]
    [InlineData("P1Y = P12M", "true")]
    [InlineData("P4W != 28 days", "false")]
    [InlineData("9999-12-31 + 1 day", "unknown")]
    [InlineData("huishouden.ontruimingsdatum <= peildatum + 7 weeks", "true")]
    // built-in functions
    [InlineData("leeftijd(aanvrager.geboren)", "55")]
    [InlineData("leeftijd_op(aanvrager.geboren, 2026-05-12)", "56")]
    [InlineData("leeftijd_op(2000-02-29, 2026-02-28)", "25")]
    [InlineData("leeftijd_op(2000-02-29, 2026-03-01)", "26")]
    [InlineData("maanden_tussen(2026-01-31, 2026-02-28)", "1")]
    [InlineData("maanden_tussen(2026-01-15, 2026-03-14)", "1")]
    [InlineData("maanden_tussen(2026-01-15, 2026-03-15)", "2")]
    [InlineData("maanden_tussen(2026-03-14, 2026-01-15)", "-1")]
    [InlineData("dagen_tussen(peildatum, huishouden.ontruimingsdatum)", "45")]
    [InlineData("dagen_tussen(huishouden.ontruimingsdatum, peildatum)", "-45")]
    [InlineData("afronden(2.5, 0)", "3")]
    [InlineData("afronden(-2.5, 0)", "-3")]
    [InlineData("afronden(€ 1001.075, 2)", "€ 1001.08")]
    [InlineData("afronden(1, 0.5)", "unknown")]
    [InlineData("abs(-3)", "3")]
    [InlineData("abs(huishouden.huur - 1000)", "€ 220")]
    [InlineData("bekend(huishouden.vermogen)", "false")]
    [InlineData("bekend(huishouden.huur)", "true")]
    [InlineData("halveer(huishouden.huur)", "€ 390")]
    [InlineData("halveer(huishouden.vermogen)", "unknown")]
    [InlineData("kapot()", "unknown")]
    // in, between, if
    [InlineData("aanvrager.uitkering in [\"bijstand\", \"ww\"]", "true")]
    [InlineData("aanvrager.uitkering in [\"ww\", partner.uitkering]", "unknown")]
    [InlineData("aanvrager.uitkering in [partner.uitkering, \"bijstand\"]", "true")]
    [InlineData("huishouden.huur in [780, 800]", "true")]
    [InlineData("aanvrager.leeftijd between 18 and 55", "true")]
    [InlineData("aanvrager.leeftijd between partner.leeftijd and 50", "false")]
    [InlineData("aanvrager.leeftijd between partner.leeftijd and 60", "unknown")]
    [InlineData("huishouden.huur between 500 and € 800", "true")]
    [InlineData("if aanvrager.heeft_bijstand then pw.norm.alleenstaande else € 0", "€ 1401.50")]
    [InlineData("if aanvrager.werkt then 1 else 2", "2")]
    [InlineData("if huishouden.vermogen > 0 then 1 else 2", "unknown")]
    public void Evaluates_on_the_example_household(string text, string expected)
    {
        Eval(text).Should().Be(Expected(expected), text);
    }

    [Fact]
    public void Money_and_number_stay_apart_at_run_time()
    {
        Eval("huishouden.huur * 2").Kind.Should().Be(FactKind.Money);
        Eval("huishouden.huur / huishouden.huur").Kind.Should().Be(FactKind.Number);
        Eval("huishouden.huur > 0").Should().Be(FactValue.True);
    }

    [Fact]
    public void A_scoped_expression_reads_the_current_element()
    {
        var h = ExampleHousehold();
        var leden = h.Collections[Field(TestSchema.Household, "leden").Slot];
        var c = Compile("leeftijd >= pw.kostendeler.leeftijd and inkomen < € 100", FactType.Boolean, TestSchema.Member);
        c.Evaluate(Frame(h), leden[0]).Should().Be(FactValue.False);
        c.Evaluate(Frame(h), leden[1]).Should().Be(FactValue.True);
        c.Evaluate(Frame(h), null).Should().Be(FactValue.Unknown);
        var nested = Compile("any schulden where bedrag > inkomen * 2", FactType.Boolean, TestSchema.Member);
        nested.Evaluate(Frame(h), leden[0]).Should().Be(FactValue.False);
        nested.Evaluate(Frame(h), leden[1]).Should().Be(FactValue.True);
    }

    [Fact]
    public void Unknown_reads_are_reported_so_the_engine_can_ask_for_them()
    {
        var frame = Frame();
        Compile("huishouden.vermogen > 0 or aanvrager.leeftijd > 50").Evaluate(frame, null).Should().Be(FactValue.True);
        frame.Reads.Select(r => (r.Instance.Key, r.Field.Name)).Should().Equal(("huishouden", "vermogen"));

        frame = Frame();
        Compile("aanvrager.leeftijd > 50 or huishouden.vermogen > 0").Evaluate(frame, null).Should().Be(FactValue.True);
        frame.Reads.Should().BeEmpty("the right side is not evaluated when the left side decides");

        frame = Frame();
        Compile("any schulden where fraude").Evaluate(frame, null).Should().Be(FactValue.Unknown);
        frame.Reads.Select(r => (r.Instance.Key, r.Field.Name)).Should().Equal(("schulden[3]", "fraude"));

        frame = Frame();
        frame.Tracing = true;
        Compile("huishouden.huur > 0 and aanvrager.leeftijd > 50").Evaluate(frame, null);
        frame.Reads.Select(r => (r.Instance.Key, r.Field.Name, r.Value.ToString())).Should().Equal(("huishouden", "huur", "780"), ("leden[moeder]", "leeftijd", "55"));
    }

    [Fact]
    public void A_fact_of_the_wrong_kind_reads_as_unknown()
    {
        var h = ExampleHousehold();
        h.Values[Field(TestSchema.Household, "huur").Slot] = FactValue.Text("veel");
        Eval("huishouden.huur > 0", h).Should().Be(FactValue.Unknown);
    }

    [Fact]
    public void Fields_and_parameters_read_are_listed_in_first_read_order()
    {
        var c = Compile("aanvrager.inkomen > 0 and any schulden where bedrag > 0 and huishouden.huur > 0 and aanvrager.inkomen < 9");
        c.FieldsRead.Select(f => f.QualifiedName).Should().Equal("huishouden.leden", "lid.rol", "lid.inkomen", "huishouden.schulden", "schuld.bedrag", "huishouden.huur");
        var p = Compile("pw.norm.gehuwden > pw.norm.alleenstaande and pw.norm.gehuwden > 0");
        p.ParametersRead.Select(x => x.Id).Should().Equal("pw.norm.gehuwden", "pw.norm.alleenstaande");
        p.FieldsRead.Should().BeEmpty();
    }

    [Fact]
    public void Clauses_of_a_top_level_chain_are_compiled_for_explanations()
    {
        var bag = new Doorbraak.Rules.Source.DiagnosticBag();
        var source = new ConditionSource("aanvrager.leeftijd >= 27 and huishouden.huur > 0 and (huishouden.vermogen > 0 or true)",
            new Doorbraak.Rules.SourceLocation("rules.yaml", 4, 12));
        var c = ConditionCompiler.Compile(source, Env, FactType.Boolean, null, bag)!;
        c.Connective.Should().Be("and");
        c.Text.Should().Be(source.Text);
        c.ToString().Should().Be(source.Text);
        c.Location.Should().Be(new Doorbraak.Rules.SourceLocation("rules.yaml", 4, 12));
        c.Clauses.Select(x => x.Text).Should().Equal("aanvrager.leeftijd >= 27", "huishouden.huur > 0", "huishouden.vermogen > 0 or true");
        c.Clauses[1].Location.Column.Should().Be(12 + 29);
        c.Clauses.Select(x => x.Evaluate(Frame(), null)).Should().Equal(FactValue.True, FactValue.True, FactValue.True);
        c.Clauses[2].Connective.Should().Be("or");
        c.Clauses[2].Clauses.Select(x => x.Evaluate(Frame(), null)).Should().Equal(FactValue.Unknown, FactValue.True);
        c.Clauses[0].Clauses.Should().BeEmpty();
        c.Clauses[0].Connective.Should().Be("");
        Compile("not (true and false)").Clauses.Should().BeEmpty();
    }

    [Fact]
    public void A_compiled_expression_can_be_shared_by_threads()
    {
        var c = Compile("sum(bedrag of schulden where bedrag > 1000) > huishouden.huur and any leden where leeftijd > 50");
        Parallel.For(0, 200, _ => c.Evaluate(Frame(), null).Should().Be(FactValue.True));
    }
}
