using Doorbraak.Rules.Evaluation;
using Doorbraak.Rules.Facts;
using NRules.RuleModel;

namespace Doorbraak.Rules.NRules;

/// <summary>
/// The rule whose turn it is: NRules matches a pack rule only while the step is at its index, so each condition is
/// decided once, in plan order, on the situation the earlier rules left. The lowest-priority rule moves it on.
/// </summary>
internal sealed class Step(ProjectionRun run)
{
    public ProjectionRun Run { get; } = run;

    /// <summary>The index of the rule whose turn it is.</summary>
    public int Rule { get; set; }

    /// <summary>
    /// The next rule after <paramref name="index"/> that is part of this projection (valid on the date, in the goal's
    /// cone), or -1. Rules that wait on each other (a blockade group) are passed over here and run as a group through
    /// the shared projection step, in their place in the plan: their fixpoint passes are the same whichever backend runs.
    /// </summary>
    public static int Next(ProjectionRun run, int index)
    {
        var plan = run.Plan;
        var rules = plan.Rules;
        for (var i = index + 1; i < rules.Count; i++)
        {
            if (plan.BlockadeAt.Count > 0 && plan.BlockadeAt[i] is { } group)
            {
                Projector.RunGroup(run, group);
                i += group.Count - 1;
                continue;
            }
            if (rules[i].ValidOn(run.Date) && (run.Changes.Only is not { } only || only.Contains(i))) return i;
        }
        return -1;
    }

    /// <summary>Moves to the next rule (the conditions read so far are forgotten), or leaves the session when none is left.</summary>
    public void Advance(IContext context)
    {
        Run.Frame.Reads.Clear();
        Rule = Next(Run, Rule);
        if (Rule < 0) context.Retract(this);
        else context.Update(this);
    }
}

/// <summary>One element of a collection (a member, a debt, a provision) as an NRules fact, for rules that apply per element.</summary>
internal sealed record Element(int Collection, EntityInstance Instance);
