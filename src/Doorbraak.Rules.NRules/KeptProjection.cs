using Doorbraak.Rules.Compilation;
using Doorbraak.Rules.Evaluation;
using Doorbraak.Rules.Facts;
using NRules;

namespace Doorbraak.Rules.NRules;

/// <summary>
/// One household's projection in an NRules session that is kept between answers: the interactive case, where a
/// regisseur answers one missing fact and the rules run again. The session, its facts and the Rete memories stay;
/// an answer restores the household copy to the supplied situation with the answer, and the step walks the rules
/// again, so only the joins of each rule's turn are re-evaluated. The benchmarks compare it with a fresh projection.
/// Not thread-safe: one per household and thread.
/// </summary>
internal sealed class KeptProjection
{
    private readonly ISession _session;
    private readonly Step _step;
    private readonly EntityInstance _supplied;

    public KeptProjection(NRulesBackend backend, CompiledRuleSet plan, EntityInstance supplied, FactValue[] parameters, DateOnly date)
    {
        _supplied = supplied;
        Run = Projector.Start(plan, supplied, parameters, date, ProjectionChanges.None, detailed: true, trace: false, into: null);
        _session = backend.FactoryFor(plan).CreateSession();
        _session.Insert(Run);
        foreach (var slot in RuleTranslator.CollectionsOf(plan))
            foreach (var element in Run.Frame.Household.Collections[slot])
                _session.Insert(new Element(slot, element));
        _step = new Step(Run) { Rule = Step.Next(Run, -1) };
        if (_step.Rule >= 0)
        {
            _session.Insert(_step);
            _session.Fire();
        }
    }

    /// <summary>The projection as the rules leave it after the last answer.</summary>
    public ProjectionRun Run { get; }

    /// <summary>Answers a fact: <paramref name="answer"/> changes the supplied situation; the rules run again in the same session.</summary>
    public Projection Answer(Action<EntityInstance> answer)
    {
        answer(_supplied);
        Run.Frame.Household.CopyFrom(_supplied);
        Run.Frame.ForgetRoles();
        var p = Run.Projection;
        p.Writes.Clear();
        p.Undecided.Clear();
        p.UnknownValues.Clear();
        p.Contradictions.Clear();
        p.Applied.Clear();
        Run.Writers?.Clear();
        _step.Rule = Step.Next(Run, -1);
        if (_step.Rule < 0) return p;
        if (_session.Query<Step>().Any()) _session.Update(_step);
        else _session.Insert(_step);
        _session.Fire();
        return p;
    }
}
