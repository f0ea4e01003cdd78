using Doorbraak.Rules.Compilation;
using Doorbraak.Rules.Evaluation;
using Doorbraak.Rules.Facts;

namespace Doorbraak.Rules;

/// <summary>
/// The engine that decides the packs' rules when a household is projected (the situation as the rules leave it, and
/// every counterfactual and deviation tried on it). Every backend gives the same results; they differ in how they run.
/// <see cref="Compiled"/> (the default) runs the rules in plan order as compiled delegates; the
/// <c>Doorbraak.Rules.NRules</c> package adds a Rete backend on NRules. Choose one per engine
/// (<see cref="DoorbraakEngine.Backend"/>); docs/embedding.md says which fits which use.
/// </summary>
/// <threadsafety>Backends are immutable and safe to share between engines and threads.</threadsafety>
public abstract class EvaluationBackend
{
    internal EvaluationBackend()
    {
    }

    /// <summary>The compiled backend: rules in plan order as compiled expression delegates, no engine around them.</summary>
    public static EvaluationBackend Compiled { get; } = new CompiledBackend();

    /// <summary>The backend's name, as the audit block of every result records it (<c>compiled</c>, <c>nrules</c>).</summary>
    public abstract string Name { get; }

    /// <summary>Projects the supplied situation under the changes (see <see cref="Projector.Project"/>).</summary>
    internal abstract Projection Project(CompiledRuleSet plan, EntityInstance supplied, FactValue[] parameters, DateOnly date, ProjectionChanges changes, bool detailed, bool trace, EntityInstance? into);

    /// <summary>The name.</summary>
    public override string ToString() => Name;

    private sealed class CompiledBackend : EvaluationBackend
    {
        public override string Name => "compiled";

        internal override Projection Project(CompiledRuleSet plan, EntityInstance supplied, FactValue[] parameters, DateOnly date, ProjectionChanges changes, bool detailed, bool trace, EntityInstance? into) =>
            Projector.Project(plan, supplied, parameters, date, changes, detailed, trace, into);
    }
}
