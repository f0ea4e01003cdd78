using System.Runtime.CompilerServices;
using Doorbraak.Rules.Compilation;
using Doorbraak.Rules.Evaluation;
using Doorbraak.Rules.Facts;
using NRules;

namespace Doorbraak.Rules.NRules;

/// <summary>
/// A backend that runs the packs' rules as NRules (Rete) rules. Each pack rule becomes an NRules rule built with the
/// NRules rule model from the same type-checked condition the compiled backend runs (its expression tree), compiled
/// once per pack set into a session factory. Each projection is an NRules session: the household's copy and its
/// elements are facts, a step fact walks the rules in plan order (forward chaining: a rule's condition is matched when
/// its step comes, on the situation the earlier rules left), and a rule whose outcome is set aside (a counterfactual,
/// a suspending deviation) has its activations refused by an agenda filter. Results are the same as the compiled
/// backend's, which a differential test checks on every pack test and on generated households.
/// </summary>
/// <example><code>var engine = new DoorbraakEngine(packs) { Backend = NRulesBackend.Instance };</code></example>
/// <threadsafety>Immutable and safe to share; the session factory is built once per pack set and shared by all threads.</threadsafety>
public sealed class NRulesBackend : EvaluationBackend
{
    private readonly ConditionalWeakTable<CompiledRuleSet, ISessionFactory> _factories = new();

    private NRulesBackend()
    {
    }

    /// <summary>The backend.</summary>
    public static NRulesBackend Instance { get; } = new();

    /// <inheritdoc />
    public override string Name => "nrules";

    /// <summary>The NRules session factory for a pack set's rules (compiled on first use, then shared).</summary>
    internal ISessionFactory FactoryFor(CompiledRuleSet plan) => _factories.GetValue(plan, RuleTranslator.Compile);

    internal override Projection Project(CompiledRuleSet plan, EntityInstance supplied, FactValue[] parameters, DateOnly date, ProjectionChanges changes, bool detailed, bool trace, EntityInstance? into)
    {
        var run = Projector.Start(plan, supplied, parameters, date, changes, detailed, trace, into);
        var first = Step.Next(run, -1);
        if (first < 0) return run.Projection;

        var session = FactoryFor(plan).CreateSession();
        if (changes.Suppressed.Count > 0) session.Agenda.AddFilter(new SetAsideFilter(changes.Suppressed));
        session.Insert(run);
        foreach (var slot in RuleTranslator.CollectionsOf(plan))
            foreach (var element in run.Frame.Household.Collections[slot])
                session.Insert(new Element(slot, element));
        session.Insert(new Step(run) { Rule = first });
        session.Fire();
        return run.Projection;
    }
}
