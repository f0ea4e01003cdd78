using System.Linq.Expressions;
using Doorbraak.Rules.Compilation;
using Doorbraak.Rules.Evaluation;
using Doorbraak.Rules.Facts;
using NRules;
using NRules.RuleModel;
using NRules.RuleModel.Builders;

namespace Doorbraak.Rules.NRules;

/// <summary>
/// Translates a compiled pack set into NRules rules with the NRules rule model. For each pack rule:
/// <list type="bullet">
/// <item>patterns: the step at the rule's index, the projection, and (for a rule per element) an element of its collection;</item>
/// <item>a binding: the rule's condition, the expression tree the binder produced, decided three-valued on the projection's frame;</item>
/// <item>an action: when the condition holds, the rule's determinations are written (the same write step the compiled
/// backend uses); when it is unknown, the rule is noted as undecided with the unknown facts it read.</item>
/// </list>
/// One more rule, at the lowest priority, moves the step on once the rule whose turn it is has fired for every element.
/// </summary>
internal static class RuleTranslator
{
    /// <summary>The rule property that holds a pack rule's index in the plan.</summary>
    public const string IndexProperty = "doorbraak.rule-index";

    private static readonly System.Reflection.MethodInfo InvokeMethod = typeof(RuleTranslator).GetMethod(nameof(Act), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;

    public static ISessionFactory Compile(CompiledRuleSet plan)
    {
        var rules = plan.Rules.Select(r => Translate(plan, r)).Append(Advance()).ToList();
        return new RuleCompiler().Compile(rules);
    }

    /// <summary>The collections some rule applies per element of (their elements are inserted as facts).</summary>
    public static IReadOnlyList<int> CollectionsOf(CompiledRuleSet plan) =>
        plan.Rules.Where(r => r.ForEach is not null).Select(r => r.ForEach!.Slot).Distinct().ToList();

    private static IRuleDefinition Translate(CompiledRuleSet plan, CompiledRule rule)
    {
        var builder = new RuleBuilder();
        builder.Name(rule.Id);
        builder.Description(rule.Definition.Title);
        builder.Property(IndexProperty, rule.Index);
        builder.Priority(0);
        var lhs = builder.LeftHandSide();

        var step = lhs.Pattern(typeof(Step), "step");
        var index = rule.Index;
        step.Condition((Expression<Func<Step, bool>>)(step => step.Rule == index));
        lhs.Pattern(typeof(ProjectionRun), "run");

        ParameterExpression? element = null;
        if (rule.ForEach is { } collection)
        {
            var slot = collection.Slot;
            var e = lhs.Pattern(typeof(Element), "element");
            e.Condition((Expression<Func<Element, bool>>)(element => element.Collection == slot));
            element = Expression.Parameter(typeof(Element), "element");
        }

        var run = Expression.Parameter(typeof(ProjectionRun), "run");
        var stepParameter = Expression.Parameter(typeof(Step), "step");
        var context = Expression.Parameter(typeof(IContext), "ctx");
        var ruleConstant = Expression.Constant(rule);
        Expression scope = element is null ? Expression.Constant(null, typeof(EntityInstance)) : Expression.Property(element, nameof(Element.Instance));

        ParameterExpression? outcome = null;
        if (rule.Applies is { } applies)
        {
            // The condition itself: the binder's expression tree, invoked on the projection's frame and the element.
            var binding = lhs.Pattern(typeof(FactValue), "outcome");
            var frame = Expression.Property(run, nameof(ProjectionRun.Frame));
            var decide = Expression.Invoke(applies.Tree, frame, scope);
            var parameters = new List<ParameterExpression> { stepParameter, run };
            if (element is not null) parameters.Add(element);
            binding.Binding().BindingExpression(Expression.Lambda(decide, parameters));
            // A false condition does not match: only a rule that applies, or whose outcome is unknown, is activated.
            binding.Condition((Expression<Func<FactValue, bool>>)(outcome => !outcome.IsFalse));
            outcome = Expression.Parameter(typeof(FactValue), "outcome");
        }

        var actionParameters = new List<ParameterExpression> { context, run };
        if (element is not null) actionParameters.Add(element);
        if (outcome is not null) actionParameters.Add(outcome);
        var act = Expression.Call(InvokeMethod, run, ruleConstant, scope, outcome is null ? Expression.Constant(FactValue.True) : outcome);
        builder.RightHandSide().Action(Expression.Lambda(act, actionParameters));
        return builder.Build();
    }

    /// <summary>The pack rule fires: its condition held (write what it determines) or is unknown (note it as undecided).</summary>
    private static void Act(ProjectionRun run, CompiledRule rule, EntityInstance? element, FactValue outcome)
    {
        if (outcome.IsTrue) Projector.Fire(run, rule, element);
        else Projector.NoteUndecided(run, rule, element);
    }

    private static IRuleDefinition Advance()
    {
        var builder = new RuleBuilder();
        builder.Name("doorbraak.next-rule");
        builder.Description("Moves the step to the next rule once the rule whose turn it is has fired.");
        builder.Priority(-1);
        builder.LeftHandSide().Pattern(typeof(Step), "step");
        builder.RightHandSide().Action((Expression<Action<IContext, Step>>)((ctx, step) => step.Advance(ctx)));
        return builder.Build();
    }
}
