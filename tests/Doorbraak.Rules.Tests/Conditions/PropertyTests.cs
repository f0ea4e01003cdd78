using Doorbraak.Rules.Source;
using Doorbraak.Rules.Facts;
using Doorbraak.Rules.Conditions;
using Doorbraak.Rules.Conditions.Ast;
using Doorbraak.Rules.Conditions.Binding;
using Doorbraak.Rules.Conditions.Parsing;
using System.Text;
using CsCheck;
using static Doorbraak.Rules.Tests.Conditions.TestWorld;

namespace Doorbraak.Rules.Tests.Conditions;

public class PropertyTests
{
    private static readonly FactKind[] Kinds = [FactKind.Boolean, FactKind.Number, FactKind.Money, FactKind.Date, FactKind.Duration, FactKind.Text];

    private static readonly Gen<(Node Tree, FactKind Kind, int Seed)> Trees =
        Gen.Select(Gen.Int, Gen.Int[0, Kinds.Length - 1], Gen.Int[1, 5], (seed, k, depth) =>
            (new RandomExpressions(new Random(seed)).Generate(Kinds[k], depth), Kinds[k], seed));

    /// <summary>A span-free rendering of the tree's structure.</summary>
    internal static string Dump(Node n)
    {
        var sb = new StringBuilder();
        void D(Node x)
        {
            switch (x)
            {
                case LiteralNode l: sb.Append("(lit ").Append(l.Value.IsUnknown ? "?" : l.Value.Kind.ToString()).Append(' ').Append(l.Value.ToString()).Append(')'); break;
                case NameNode m: sb.Append("(name ").Append(m.Name).Append(')'); break;
                case UnaryNode u: sb.Append('(').Append(u.Op).Append(' '); D(u.Operand); sb.Append(')'); break;
                case BinaryNode b: sb.Append('(').Append(b.Op).Append(' '); D(b.Left); sb.Append(' '); D(b.Right); sb.Append(')'); break;
                case BetweenNode bt: sb.Append("(between "); D(bt.Value); D(bt.Low); D(bt.High); sb.Append(')'); break;
                case InNode i: sb.Append("(in "); D(i.Value); foreach (var it in i.Items) D(it); sb.Append(')'); break;
                case IfNode f: sb.Append("(if "); D(f.Condition); D(f.Then); D(f.Else); sb.Append(')'); break;
                case QuantifierNode q: sb.Append('(').Append(q.Kind).Append(' ').Append(q.Collection.Name).Append(' '); D(q.Condition); sb.Append(')'); break;
                case AggregateNode a:
                    sb.Append('(').Append(a.Kind).Append(' ').Append(a.Collection.Name).Append(' ');
                    if (a.Value is not null) D(a.Value); else sb.Append('-');
                    if (a.Where is not null) D(a.Where); else sb.Append('-');
                    sb.Append(')');
                    break;
                case CallNode c: sb.Append("(call ").Append(c.Name); foreach (var arg in c.Arguments) D(arg); sb.Append(')'); break;
            }
        }
        D(n);
        return sb.ToString();
    }

    [Fact]
    public void Printing_a_tree_and_parsing_it_again_gives_the_same_tree()
    {
        Trees.Sample(t =>
        {
            var text = Printer.Print(t.Tree);
            var errors = new List<ExpressionError>();
            var parsed = Parser.Parse(text, errors);
            errors.Should().BeEmpty(text);
            Dump(parsed!).Should().Be(Dump(t.Tree), text);
            Printer.Print(parsed!).Should().Be(text);
        }, iter: 500, threads: 1, print: t => Printer.Print(t.Tree));
    }

    [Fact]
    public void Compiled_evaluation_equals_the_reference_interpreter()
    {
        Trees.Sample(t =>
        {
            var text = Printer.Print(t.Tree);
            var bag = new DiagnosticBag();
            var compiled = ConditionCompiler.Compile(ConditionSource.Inline(text), Env, null, null, bag);
            bag.Items.Should().BeEmpty(text);
            compiled!.Type.Kind.Should().Be(t.Kind, text);
            var rng = new Random(t.Seed);
            var facts = new RandomExpressions(rng);
            for (var i = 0; i < 8; i++)
            {
                var household = facts.Household();
                var parameters = facts.ParameterValues();
                var frame = new EvaluationFrame(household, parameters, ReferenceDate);
                var actual = compiled.Evaluate(frame, null);
                var expected = ReferenceInterpreter.Evaluate(compiled.Bound, new EvaluationFrame(household, parameters, ReferenceDate), null);
                actual.Should().Be(expected, "{0} on household #{1}", text, i);
                if (!actual.IsUnknown) actual.Kind.Should().Be(t.Kind, text);
            }
        }, iter: 300, threads: 1, print: t => Printer.Print(t.Tree));
    }

    [Theory]
    [InlineData("aanvrager.leeftijd = min(2, pw.kostendeler.leeftijd) + huishouden.huurachterstand_maanden")]
    [InlineData("if aanvrager.leeftijd = 2 + huishouden.huurachterstand_maanden then \"a\" else huishouden.gemeente")]
    public void An_age_compared_exactly_agrees_with_the_reference_interpreter_whatever_is_unknown(string text)
    {
        // Found by the property above (seed 6vn32rdedFZ1): generated households may know the age but not the birth date,
        // or the other way round, and the exact age comparison answered where the reference says unknown.
        var compiled = Compile(text);
        for (var seed = 0; seed < 200; seed++)
        {
            var facts = new RandomExpressions(new Random(seed));
            var household = facts.Household();
            var parameters = facts.ParameterValues();
            var actual = compiled.Evaluate(new EvaluationFrame(household, parameters, ReferenceDate), null);
            var expected = ReferenceInterpreter.Evaluate(compiled.Bound, new EvaluationFrame(household, parameters, ReferenceDate), null);
            actual.Should().Be(expected, "{0} on generated household {1}", text, seed);
        }
    }

    [Fact]
    public void The_reference_interpreter_agrees_on_the_documented_household()
    {
        foreach (var text in new[] { "sum(bedrag of schulden where soort = \"huur\") > huishouden.huur", "any leden where leeftijd >= 27 and not student", "count(schulden where fraude)" })
        {
            var c = Compile(text);
            ReferenceInterpreter.Evaluate(c.Bound, Frame(), null).Should().Be(c.Evaluate(Frame(), null), text);
        }
    }
}
