using Doorbraak.Rules.Source;
using Doorbraak.Rules.Conditions;
using Doorbraak.Rules.Conditions.Ast;
using Doorbraak.Rules.Conditions.Parsing;
using static Doorbraak.Rules.Tests.Conditions.TestWorld;

namespace Doorbraak.Rules.Tests.Conditions;

public class SyntaxTests
{
    private static Node Parse(string text)
    {
        var errors = new List<ExpressionError>();
        var node = Parser.Parse(text, errors);
        errors.Should().BeEmpty();
        return node!;
    }

    [Theory]
    [InlineData("27", "27")]
    [InlineData("0.5", "0.5")]
    [InlineData("€ 1401.50", "€ 1401.50")]
    [InlineData("€1401.50", "€ 1401.50")]
    [InlineData("EUR 1401.50", "€ 1401.50")]
    [InlineData("2026-01-01", "2026-01-01")]
    [InlineData("P6M", "P6M")]
    [InlineData("P1Y", "P1Y")]
    [InlineData("P4W", "P4W")]
    [InlineData("P30D", "P30D")]
    [InlineData("4 weeks", "P4W")]
    [InlineData("4 weken", "P4W")]
    [InlineData("6 months", "P6M")]
    [InlineData("6 maanden", "P6M")]
    [InlineData("1 year", "P1Y")]
    [InlineData("2 jaar", "P2Y")]
    [InlineData("30 days", "P30D")]
    [InlineData("30 dagen", "P30D")]
    [InlineData("\"bijstand\"", "\"bijstand\"")]
    [InlineData("\"zeg \\\"ja\\\" \\\\ nee\"", "\"zeg \\\"ja\\\" \\\\ nee\"")]
    [InlineData("true", "true")]
    [InlineData("waar", "true")]
    [InlineData("onwaar", "false")]
    public void Literals_parse_and_print_canonically(string text, string printed)
    {
        var node = Parse(text);
        node.Should().BeOfType<LiteralNode>();
        Printer.Print(node).Should().Be(printed);
    }

    [Theory]
    [InlineData("a or b and c", "a or b and c")]
    [InlineData("(a or b) and c", "(a or b) and c")]
    [InlineData("not a = b", "not a = b")]
    [InlineData("not not a", "not not a")]
    [InlineData("a - (b - c)", "a - (b - c)")]
    [InlineData("a - b - c", "a - b - c")]
    [InlineData("a * (b + c)", "a * (b + c)")]
    [InlineData("-a * b", "-a * b")]
    [InlineData("- - a", "--a")]
    [InlineData("x between 1 and 2 and y", "x between 1 and 2 and y")]
    [InlineData("x in [\"a\", \"b\"]", "x in [\"a\", \"b\"]")]
    [InlineData("(if a then 1 else 2) + 3", "(if a then 1 else 2) + 3")]
    [InlineData("any leden where leeftijd >= 27 and not student", "any leden where leeftijd >= 27 and not student")]
    [InlineData("(any leden where a) and b", "(any leden where a) and b")]
    [InlineData("count(leden where a)", "count(leden where a)")]
    [InlineData("sum(bedrag of schulden where not fraude)", "sum(bedrag of schulden where not fraude)")]
    [InlineData("max(leeftijd of leden)", "max(leeftijd of leden)")]
    [InlineData("min(a, b, c)", "min(a, b, c)")]
    [InlineData("f()", "f()")]
    [InlineData("pw.norm.alleenstaande * 0.5", "pw.norm.alleenstaande * 0.5")]
    public void Precedence_and_printing(string text, string printed)
    {
        var node = Parse(text);
        var p = Printer.Print(node);
        p.Should().Be(printed);
        Printer.Print(Parse(p)).Should().Be(p);
    }

    [Fact]
    public void Nodes_carry_their_spans()
    {
        var node = (BinaryNode)Parse("huishouden.huur  >  € 500");
        node.Start.Should().Be(0);
        node.End.Should().Be(25);
        node.OpStart.Should().Be(17);
        node.Right.Start.Should().Be(20);
        ((NameNode)node.Left).End.Should().Be(15);
    }

    [Theory]
    [InlineData("012", "DBR2003", 1, "leading zero")]
    [InlineData("a > 1.", "DBR2003", 5, "no digits after the decimal point")]
    [InlineData("a > 12abc", "DBR2003", 5, "put a space")]
    [InlineData("a > 1,5", "DBR2008", 6, "Unexpected ','")]
    [InlineData("a > 99999999999999999999999999999", "DBR2003", 5, "too large")]
    [InlineData("a > 2026-02-30", "DBR2004", 5, "not a date that exists")]
    [InlineData("a > 2026-13-01", "DBR2004", 5, "not a date that exists")]
    [InlineData("a > 2026-1-01", "DBR2004", 5, "yyyy-mm-dd")]
    [InlineData("a + P6X", "DBR2005", 5, "not a valid duration")]
    [InlineData("a + P6D1M", "DBR2005", 5, "not a valid duration")]
    [InlineData("a = \"open", "DBR2006", 5, "not closed")]
    [InlineData("a = \"op\\nen\"", "DBR2006", 8, "escape")]
    [InlineData("a = 'open'", "DBR2007", 5, "double quotes")]
    [InlineData("a && b", "DBR2007", 3, "'and' or 'or'")]
    [InlineData("!a", "DBR2007", 1, "'not'")]
    [InlineData("a > 1 )", "DBR2008", 7, "no opening bracket")]
    [InlineData("(a > 1", "DBR2008", 7, "')'")]
    [InlineData("a >", "DBR2008", 4, "ends too early")]
    [InlineData("a > > 1", "DBR2008", 5, "Unexpected '>'")]
    [InlineData("a < b < c", "DBR2008", 7, "cannot be chained")]
    [InlineData("if a then b", "DBR2008", 12, "'else'")]
    [InlineData("if a b else c", "DBR2008", 6, "'then'")]
    [InlineData("x between 1 or 2", "DBR2008", 13, "'and' between")]
    [InlineData("x in \"a\"", "DBR2008", 6, "'['")]
    [InlineData("x in []", "DBR2008", 7, "empty")]
    [InlineData("x in [1, 2", "DBR2008", 11, "']'")]
    [InlineData("any leden leeftijd > 3", "DBR2008", 11, "'where'")]
    [InlineData("any 3 where a", "DBR2008", 5, "collection")]
    [InlineData("count(3)", "DBR2008", 7, "collection")]
    [InlineData("sum(bedrag, schulden)", "DBR2008", 11, "'of'")]
    [InlineData("sum(bedrag of schulden where)", "DBR2008", 29, "')'")]
    [InlineData("abs(1 2)", "DBR2008", 7, "',' or ')'")]
    [InlineData("", "DBR2009", 1, "empty")]
    [InlineData("   ", "DBR2009", 1, "empty")]
    [InlineData("3.5 weeks", "DBR2008", 1, "whole number")]
    [InlineData("€ x", "DBR2008", 3, "amount")]
    public void Syntax_errors_have_code_position_and_advice(string text, string code, int column, string message)
    {
        var e = Error(text, null);
        e.Code.Should().Be(code);
        e.Location.Should().Be(new SourceLocation("<expression>", 1, column), e.ToString());
        e.Message.Should().Contain(message);
    }

    [Fact]
    public void Lexical_errors_are_all_reported()
    {
        var items = Errors("012 = 'a' or 2026-02-30");
        items.Select(i => (i.Code, i.Location.Column)).Should().Equal(("DBR2003", 1), ("DBR2007", 7), ("DBR2004", 14));
    }

    [Fact]
    public void Positions_map_into_the_yaml_file_for_plain_scalars()
    {
        var bag = new DiagnosticBag();
        var source = new ConditionSource("aanvrager.leeftijd >= 2026-02-30", new SourceLocation("packs/landelijk/rules/pw.yaml", 12, 14));
        ConditionCompiler.Compile(source, Env, FactType.Boolean, null, bag).Should().BeNull();
        bag.Items.Should().ContainSingle().Which.ToString().Should().StartWith("packs/landelijk/rules/pw.yaml:12:36: error DBR2004:");
    }

    [Fact]
    public void Positions_map_into_the_yaml_file_for_block_scalars()
    {
        var bag = new DiagnosticBag();
        var source = new ConditionSource("aanvrager.leeftijd >= 27\n  and huishouden.hur > 0", new SourceLocation("rules.yaml", 7, 12), IsBlock: true, BlockIndent: 6);
        ConditionCompiler.Compile(source, Env, FactType.Boolean, null, bag).Should().BeNull();
        var d = bag.Items.Should().ContainSingle().Subject;
        d.Code.Should().Be("DBR2011");
        d.Location.Should().Be(new SourceLocation("rules.yaml", 9, 6 + 17 + 1));
        d.Message.Should().Contain("did you mean 'huur'?");
    }

    [Fact]
    public void Length_limit_is_checked_before_parsing()
    {
        var text = "a" + string.Concat(Enumerable.Repeat(" or a", 1000));
        text.Length.Should().BeGreaterThan(Parser.MaxLength);
        var e = Error(text);
        e.Code.Should().Be("DBR2001");
        e.Location.Column.Should().Be(Parser.MaxLength + 1);
        e.Message.Should().Contain("4096");
    }

    [Fact]
    public void Depth_limit_counts_brackets_on_the_tokens()
    {
        var ok = new string('(', 32) + "1" + new string(')', 32) + " > 0";
        Compile(ok, FactType.Boolean).Type.Should().Be(FactType.Boolean);
        var deep = new string('(', 33) + "1" + new string(')', 33) + " > 0";
        var e = Error(deep);
        e.Code.Should().Be("DBR2002");
        e.Location.Column.Should().Be(33);
    }

    [Fact]
    public void Depth_limit_counts_if_and_quantifiers()
    {
        var text = string.Concat(Enumerable.Repeat("if true then 1 else ", 33)) + "2";
        var e = Error(text);
        e.Code.Should().Be("DBR2002");
        e.Location.Column.Should().Be(32 * 20 + 1);
        var quantifiers = string.Concat(Enumerable.Repeat("any leden where ", 33)) + "student";
        Error(quantifiers).Code.Should().Be("DBR2002");
        var fine = string.Concat(Enumerable.Repeat("any leden where ", 32)) + "student";
        var household = ExampleHousehold();
        household.Collections[Field(TestSchema.Household, "leden").Slot] = household.Collections[Field(TestSchema.Household, "leden").Slot][..1];
        Compile(fine, FactType.Boolean).Evaluate(Frame(household), null).Should().Be(FactValue.False);
    }

    [Fact]
    public void A_huge_flat_expression_within_the_limits_does_not_overflow_the_stack()
    {
        // prefix operators and operator chains are parsed with loops, not recursion
        var nots = string.Concat(Enumerable.Repeat("not ", 1000)) + "true";
        Eval(nots).Should().Be(FactValue.True);
        var sum = "1" + string.Concat(Enumerable.Repeat("+1", 2000));
        Eval(sum).Should().Be(FactValue.Number(2001));
        var minus = string.Concat(Enumerable.Repeat("-", 3000)) + "1";
        Eval(minus).Should().Be(FactValue.Number(1));
    }
}
