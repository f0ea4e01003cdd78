using Doorbraak.Rules.Source;
using Doorbraak.Rules.Facts;
using Doorbraak.Rules.Conditions;
using static Doorbraak.Rules.Tests.Conditions.TestWorld;

namespace Doorbraak.Rules.Tests.Conditions;

public class ClauseAndAllocationTests
{
    private static CompiledExpression Compile(string text)
    {
        var bag = new DiagnosticBag();
        return ConditionCompiler.Compile(ConditionSource.Inline(text), Env, FactType.Boolean, null, bag)
            ?? throw new InvalidOperationException(string.Join("; ", bag.Items));
    }

    [Theory]
    [InlineData("aanvrager.heeft_bijstand and not (any leden where rol = \"partner\")", "not (any leden where rol = \"partner\")")]
    [InlineData("(huishouden.huur > 0 or huishouden.vermogen > 0) and count(leden where (leeftijd >= 27)) >= 1", "count(leden where (leeftijd >= 27)) >= 1")]
    public void Clauses_read_as_written_with_whole_brackets(string text, string lastClause)
    {
        var c = Compile(text);
        c.Connective.Should().Be("and");
        c.Clauses[^1].Text.Should().Be(lastClause);
        foreach (var clause in c.Clauses)
            clause.Text.Count(ch => ch == '(').Should().Be(clause.Text.Count(ch => ch == ')'), clause.Text);
    }

    [Fact]
    public void Quantifiers_and_aggregates_allocate_nothing_per_evaluation()
    {
        var c = Compile("any leden where leeftijd >= 27 and count(schulden where bedrag > 0) >= 1 and sum(bedrag of schulden) > 0 and max(leeftijd of leden) > 50 and no leden where student");
        var frame = new EvaluationFrame(ExampleHousehold(), ParameterValues(), ReferenceDate);
        c.Evaluate(frame, null).Should().Be(FactValue.True);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++) c.Evaluate(frame, null);
        (GC.GetAllocatedBytesForCurrentThread() - before).Should().Be(0);
    }
}
