using Doorbraak.Rules.Source;
using Doorbraak.Rules.Conditions;
using static Doorbraak.Rules.Tests.Conditions.TestWorld;

namespace Doorbraak.Rules.Tests.Conditions;

public class HostFunctionTests
{
    private sealed class Fn(string name, FactType[] parameters, FactType returns, bool propagates, Func<FactValue[], FactValue> body) : IConditionFunction
    {
        public int Calls;
        public string Name => name;
        public IReadOnlyList<FactType> ParameterTypes => parameters;
        public FactType ReturnType => returns;
        public bool PropagatesUnknown => propagates;
        public FactValue Invoke(ReadOnlySpan<FactValue> arguments, DateOnly referenceDate)
        {
            Interlocked.Increment(ref Calls);
            return body(arguments.ToArray());
        }
    }

    private static CompiledExpression? Compile(ConditionEnvironment env, string text, DiagnosticBag bag) =>
        ConditionCompiler.Compile(ConditionSource.Inline(text), env, null, null, bag);

    [Fact]
    public void A_function_that_handles_unknown_itself_is_called_with_unknown_arguments()
    {
        var orZero = new Fn("of_nul", [FactType.Money], FactType.Money, propagates: false, a => a[0].IsUnknown ? FactValue.Money(0) : a[0]);
        var env = new ConditionEnvironment(TestSchema, Parameters, new Dictionary<string, IConditionFunction> { ["of_nul"] = orZero });
        var bag = new DiagnosticBag();
        var c = Compile(env, "of_nul(huishouden.vermogen) + of_nul(huishouden.huur)", bag)!;
        bag.Items.Should().BeEmpty();
        c.Type.Should().Be(FactType.Money);
        c.Evaluate(Frame(), null).Should().Be(FactValue.Money(780));
        orZero.Calls.Should().Be(2);
    }

    [Fact]
    public void A_propagating_function_is_not_called_with_unknown_and_a_wrong_kind_result_reads_as_unknown()
    {
        var wrong = new Fn("fout", [FactType.Money], FactType.Money, propagates: true, _ => FactValue.Text("geen geld"));
        var env = new ConditionEnvironment(TestSchema, Parameters, new Dictionary<string, IConditionFunction> { ["fout"] = wrong });
        var bag = new DiagnosticBag();
        Compile(env, "fout(huishouden.vermogen)", bag)!.Evaluate(Frame(), null).Should().Be(FactValue.Unknown);
        wrong.Calls.Should().Be(0);
        Compile(env, "fout(huishouden.huur)", bag)!.Evaluate(Frame(), null).Should().Be(FactValue.Unknown);
        wrong.Calls.Should().Be(1);
        Eval("kapot()").Should().Be(FactValue.Unknown, "an exception in a host function reads as unknown");
    }

    [Fact]
    public void Built_in_functions_cannot_be_replaced()
    {
        var fake = new Fn("abs", [FactType.Number], FactType.Number, propagates: true, _ => FactValue.Number(42));
        var env = new ConditionEnvironment(TestSchema, Parameters, new Dictionary<string, IConditionFunction> { ["abs"] = fake });
        var bag = new DiagnosticBag();
        Compile(env, "abs(-3)", bag)!.Evaluate(Frame(), null).Should().Be(FactValue.Number(3));
        fake.Calls.Should().Be(0);
    }

    [Fact]
    public void Unknown_function_suggests_host_functions_too()
    {
        var e = Error("halver(huishouden.huur) > 0");
        e.Code.Should().Be("DBR2012");
        e.Location.Column.Should().Be(1);
        e.Message.Should().Contain("did you mean 'halveer'?").And.Contain("leeftijd_op");
    }
}
