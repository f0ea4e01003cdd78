using Doorbraak.Rules.Source;
using Doorbraak.Rules.Facts;
using Doorbraak.Rules.Conditions;
using Doorbraak.Rules.Conditions.Runtime;
using static Doorbraak.Rules.Tests.Conditions.TestWorld;

namespace Doorbraak.Rules.Tests.Conditions;

public class TypeCheckTests
{
    [Theory]
    [InlineData("aanvrager.leeftijd >= 27 and huishouden.hur > 0", "DBR2011", 41, "did you mean 'huur'?")]
    [InlineData("aanvrger.leeftijd > 3", "DBR2010", 1, "did you mean 'aanvrager.leeftijd'?")]
    [InlineData("pw.norm.alleenstaand > 0", "DBR2010", 1, "did you mean 'pw.norm.alleenstaande'?")]
    [InlineData("peildatm > 2026-01-01", "DBR2010", 1, "did you mean 'peildatum'?")]
    [InlineData("any leden where leeftyd > 27", "DBR2010", 17, "did you mean 'leeftijd'?")]
    [InlineData("count(ledn) > 1", "DBR2010", 7, "did you mean 'leden'?")]
    [InlineData("leeftijd > 27", "DBR2010", 1, "Unknown name 'leeftijd'")]
    [InlineData("huishouden > 3", "DBR2016", 1, "the household, not a value")]
    [InlineData("aanvrager = 3", "DBR2016", 1, "a member, not a value")]
    [InlineData("leden > 3", "DBR2016", 1, "list of lid")]
    [InlineData("aanvrager.leeftijd.jaar > 3", "DBR2011", 20, "has no part 'jaar'")]
    [InlineData("leeftijdd(aanvrager.geboren) > 3", "DBR2012", 1, "did you mean 'leeftijd'?")]
    [InlineData("leeftijd(aanvrager.geboren, peildatum) > 3", "DBR2013", 1, "takes 1 argument (date), not 2")]
    [InlineData("leeftijd(aanvrager.inkomen) > 3", "DBR2014", 10, "Argument 1 of leeftijd must be a date, but 'aanvrager.inkomen' is an amount of money")]
    [InlineData("aanvrager.inkomen > peildatum", "DBR2014", 21, "Cannot compare an amount of money ('aanvrager.inkomen') with a date ('peildatum')")]
    [InlineData("aanvrager.inkomen + aanvrager.leeftijd > 0", "DBR2014", 21, "Cannot add an amount of money ('aanvrager.inkomen') to a number ('aanvrager.leeftijd')")]
    [InlineData("huishouden.ontruimingsdatum - peildatum > 0", "DBR2014", 31, "dagen_tussen")]
    [InlineData("peildatum + 30 > peildatum", "DBR2014", 13, "Add a duration instead")]
    [InlineData("2 / huishouden.huur > 0", "DBR2014", 5, "Cannot divide a number ('2') by an amount of money")]
    [InlineData("huishouden.huur * huishouden.huur > 0", "DBR2014", 19, "Cannot multiply")]
    [InlineData("aanvrager.leeftijd", "DBR2015", 1, "a number, but a condition (true or false) is needed")]
    [InlineData("aanvrager.leeftijd > 3 and aanvrager.inkomen", "DBR2014", 28, "'and' joins conditions")]
    [InlineData("not aanvrager.inkomen", "DBR2014", 5, "'not' needs a condition")]
    [InlineData("aanvrager.naam < \"b\"", "DBR2014", 18, "Text can only be compared with = and !=")]
    [InlineData("P6M < P1Y", "DBR2014", 7, "A duration can only be compared with = and !=")]
    [InlineData("(if aanvrager.student then 1 else \"x\") = 1", "DBR2014", 35, "both must have the same type")]
    [InlineData("(if 1 then 2 else 3) = 2", "DBR2014", 5, "The condition after 'if' must be true or false")]
    [InlineData("aanvrager.uitkering in [\"bijstand\", 3]", "DBR2014", 37, "every value in the list")]
    [InlineData("aanvrager.leeftijd between 18 and \"x\"", "DBR2014", 35, "in 'between'")]
    [InlineData("aanvrager.naam between \"a\" and \"b\"", "DBR2014", 1, "'between' works on numbers, amounts and dates")]
    [InlineData("any huishouden.huur where true", "DBR2017", 5, "not a collection")]
    [InlineData("any leden where leeftijd", "DBR2014", 17, "The condition after 'where' must be true or false")]
    [InlineData("count(leden where inkomen) > 1", "DBR2014", 19, "after 'where'")]
    [InlineData("sum(naam of leden) = \"x\"", "DBR2014", 5, "sum(...) needs numbers or amounts")]
    [InlineData("max(student of leden)", "DBR2014", 1 + 4, "max(...) needs numbers, amounts or dates")]
    [InlineData("min(1, peildatum) > 0", "DBR2014", 8, "All values of min(...) must have the same type")]
    [InlineData("min(1) > 0", "DBR2013", 1, "at least 2 values")]
    [InlineData("halveer(huishouden.huur, 2) > 0", "DBR2013", 1, "takes 1 argument (money), not 2")]
    [InlineData("halveer(peildatum) > 0", "DBR2014", 9, "Argument 1 of halveer must be an amount of money")]
    [InlineData("abs(\"x\") > 0", "DBR2014", 5, "Argument 1 of abs must be a number or an amount")]
    [InlineData("afronden(1, peildatum) > 0", "DBR2014", 13, "number of decimals")]
    [InlineData("bekend()", "DBR2013", 1, "takes 1 argument")]
    [InlineData("-aanvrager.student", "DBR2014", 2, "A minus sign needs a number")]
    public void Type_errors_have_code_position_and_advice(string text, string code, int column, string message)
    {
        var expected = text.StartsWith("-", StringComparison.Ordinal) ? null : FactType.Boolean;
        var e = Error(text, expected);
        e.Code.Should().Be(code, e.ToString());
        e.Location.Column.Should().Be(column, e.ToString());
        e.Location.Line.Should().Be(1);
        e.Message.Should().Contain(message);
    }

    [Fact]
    public void Every_error_in_an_expression_is_reported()
    {
        var items = Errors("hur > 0 and peildatm > 2026-01-01 and leden.x = 1");
        items.Select(i => (i.Code, i.Location.Column)).Should().Equal(("DBR2010", 1), ("DBR2010", 13), ("DBR2011", 45));
    }

    [Fact]
    public void Expected_types_other_than_boolean()
    {
        Compile("100", FactType.Money).Type.Should().Be(FactType.Money);
        Compile("-100", FactType.Money).Evaluate(Frame(), null).Should().Be(FactValue.Money(-100));
        Compile("huishouden.huur * 2", FactType.Money).Type.Should().Be(FactType.Money);
        Compile("huishouden.huurachterstand / huishouden.huur", FactType.Number).Type.Should().Be(FactType.Number);
        var e = Error("peildatum", FactType.Money);
        e.Code.Should().Be("DBR2015");
        e.Message.Should().Contain("a date, but an amount of money is needed");
        Error("leden", null).Code.Should().Be("DBR2016");
    }

    [Fact]
    public void Bare_names_resolve_to_the_scope_first_then_outer_scopes()
    {
        Compile("leeftijd >= pw.kostendeler.leeftijd and not student", FactType.Boolean, TestSchema.Member).FieldsRead
            .Select(f => f.QualifiedName).Should().Equal("lid.leeftijd", "lid.geboren", "lid.student"); // an age compared with a parameter (which may have months) also reads the birth date
        // inside 'where' over schulden, 'inkomen' is not a field of schuld, so it is the member in scope
        var c = Compile("any schulden where bedrag > inkomen", FactType.Boolean, TestSchema.Member);
        c.FieldsRead.Select(f => f.QualifiedName).Should().Equal("huishouden.schulden", "schuld.bedrag", "lid.inkomen");
        // 'soort' is a field of both schuld and voorziening: the innermost element wins
        Compile("any schulden where any voorzieningen where soort = \"schuldhulp\"", FactType.Boolean).FieldsRead
            .Select(f => f.QualifiedName).Should().Contain("voorziening.soort").And.NotContain("schuld.soort");
    }

    [Fact]
    public void Host_function_with_a_non_scalar_type_is_rejected()
    {
        var env = new Doorbraak.Rules.Conditions.ConditionEnvironment(TestSchema, Parameters, new Dictionary<string, Doorbraak.Rules.IConditionFunction>
        {
            ["leden_van"] = new ListFunction(),
        });
        var bag = new Doorbraak.Rules.Source.DiagnosticBag();
        Doorbraak.Rules.Conditions.ConditionCompiler.Compile(Doorbraak.Rules.Source.ConditionSource.Inline("1 = 1 and leden_van() = 1"), env, FactType.Boolean, null, bag).Should().BeNull();
        bag.Items.Should().ContainSingle().Which.Should().Match<Doorbraak.Rules.Diagnostic>(d => d.Code == "DBR2019" && d.Location.Column == 11);
    }

    private sealed class ListFunction : Doorbraak.Rules.IConditionFunction
    {
        public string Name => "leden_van";
        public IReadOnlyList<FactType> ParameterTypes { get; } = [];
        public FactType ReturnType => FactType.ListOf("lid");
        public FactValue Invoke(ReadOnlySpan<FactValue> arguments, DateOnly referenceDate) => FactValue.Unknown;
    }
}

public class SafetyTests
{
    [Theory]
    [InlineData("System.IO.File.Delete(\"x\")", "DBR2012", 1)]
    [InlineData("GetType() = 1", "DBR2012", 1)]
    [InlineData("aanvrager.GetType() = 1", "DBR2012", 1)]
    [InlineData("huishouden.Values = 1", "DBR2011", 12)]
    [InlineData("huishouden.Collections = 1", "DBR2011", 12)]
    [InlineData("new object()", "DBR2008", 5)]
    [InlineData("typeof(x)", "DBR2012", 1)]
    [InlineData("Environment.Exit(1)", "DBR2012", 1)]
    [InlineData("frame.Household = 1", "DBR2010", 1)]
    [InlineData("\"a\" + \"b\" = \"ab\"", "DBR2014", 7)]
    [InlineData("x => x", "DBR2008", 4)]
    [InlineData("a; b", "DBR2007", 2)]
    public void Expressions_cannot_reach_dotnet(string text, string code, int column)
    {
        var items = Errors(text);
        items[0].Code.Should().Be(code, string.Join(" | ", items));
        items[0].Location.Column.Should().Be(column, string.Join(" | ", items));
    }

    [Fact]
    public void Text_with_quotes_and_escapes_stays_text()
    {
        var c = Compile("aanvrager.naam = \"\\\"); System.IO.File.Delete(\\\"x\\\"); (\\\\\"");
        c.Evaluate(Frame(), null).Should().Be(FactValue.False);
        var t = Compile("\"Ans\" = aanvrager.naam and \"\\\\\" != \"\\\"\"");
        t.Evaluate(Frame(), null).Should().Be(FactValue.True);
    }

    [Fact]
    public void The_compiler_calls_only_the_runtime_operators()
    {
        var methods = typeof(Doorbraak.Rules.Conditions.Runtime.Ops).GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static);
        methods.Should().OnlyContain(m => m.DeclaringType == typeof(Doorbraak.Rules.Conditions.Runtime.Ops));
        methods.Select(m => m.ReturnType).Distinct().Should().BeSubsetOf([typeof(FactValue), typeof(EntityInstance), typeof(EntityInstance[])]);
    }
}
