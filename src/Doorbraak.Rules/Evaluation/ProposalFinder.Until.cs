using Doorbraak.Rules.Compilation;
using Doorbraak.Rules.Facts;
using Doorbraak.Rules.Packs;
using Doorbraak.Rules.Wording;

namespace Doorbraak.Rules.Evaluation;

/// <summary>Where a step's <c>limits.until</c> stands for this household.</summary>
internal enum UntilState
{
    /// <summary>Already met on the peildatum: the step is not needed.</summary>
    Met,
    /// <summary>Met at the start of a later month within its maximum: the step lasts until then.</summary>
    MetWithin,
    /// <summary>Not met in any month within its maximum (or the horizon): the step lasts its maximum.</summary>
    NotWithin,
    /// <summary>Unknown whether or when it is met (it reads an unknown fact): counted with its maximum, and its facts asked.</summary>
    Unknown,
}

/// <summary>A step's <c>until</c> evaluated: its state, the months the step lasts, the date it is met, and the unknown facts it read.</summary>
internal sealed record UntilOutcome(UntilState State, int Months, DateOnly? MetOn, IReadOnlyList<FactRead> Unknowns);

internal static partial class ProposalFinder
{
    /// <summary>
    /// Evaluates a step's <c>limits.until</c> on the household's situation at the start of each month of its maximum (bounded
    /// by the horizon): on the peildatum, then a month later, and so on, with the parameters of that date and
    /// <c>peildatum</c> moved along, so that a condition on a date (the end of an admission) is met in the month it comes.
    /// The first month it holds ends the step; an unknown value stops the search (whether it is met is then unknown).
    /// Null when the step has no <c>until</c>.
    /// </summary>
    internal static UntilOutcome? Until(EvaluationSession ctx, CompiledDeviation d)
    {
        if (d.Until is not { } until) return null;
        if (ctx.Untils.TryGetValue(d.Index, out var known)) return known;
        var horizon = ctx.Options.HorizonMonths;
        var max = Math.Min(d.Definition.Limits.Months ?? horizon, horizon);
        UntilOutcome outcome = new(UntilState.NotWithin, max, null, []);
        for (var k = 0; k < max; k++)
        {
            var date = ctx.Date.AddMonths(k);
            var frame = k == 0 ? ctx.Base.Frame : new EvaluationFrame(ctx.Base.Household, ctx.RuleSet.Parameters.ValuesOn(date), date);
            var v = until.Decide(frame, null, out var unknowns);
            if (v.IsUnknown)
            {
                outcome = new UntilOutcome(UntilState.Unknown, max, null, (IReadOnlyList<FactRead>?)unknowns ?? []);
                break;
            }
            if (v.IsTrue)
            {
                outcome = new UntilOutcome(k == 0 ? UntilState.Met : UntilState.MetWithin, k, date, []);
                break;
            }
        }
        ctx.Untils[d.Index] = outcome;
        return outcome;
    }

    /// <summary>The months a step lasts within the horizon: until its <c>until</c> is met, else its duration or maximum, else the horizon.</summary>
    internal static int StepMonths(EvaluationSession ctx, CompiledDeviation d)
    {
        var horizon = ctx.Options.HorizonMonths;
        if (Until(ctx, d) is { State: UntilState.MetWithin or UntilState.Met } u) return u.Months;
        return Math.Min(d.Definition.Limits.Months ?? horizon, horizon);
    }

    /// <summary>What the limits say about a step's <c>until</c> for this household: when it is met, or that it is not within the maximum, or unknown.</summary>
    private static string? UntilNote(EvaluationSession ctx, CompiledDeviation d)
    {
        if (Until(ctx, d) is not { } u) return null;
        var words = Texts.Of(ctx.Lang);
        return u.State switch
        {
            UntilState.MetWithin => words.Format("engine.proposal.limits.until-met-on", ("date", words.Date(u.MetOn!.Value)), ("months", words.Months(u.Months))),
            UntilState.NotWithin => words.Format("engine.proposal.limits.until-not-within", ("months", words.Months(u.Months))),
            UntilState.Unknown => words.Format("engine.proposal.limits.until-unknown", ("facts", UnknownPaths(ctx, u)), ("months", words.Months(u.Months))),
            _ => words.Format("engine.not-proposed.until-met", ("until", d.Definition.Limits.Until!.Text.Trim())),
        };
    }

    private static string UnknownPaths(EvaluationSession ctx, UntilOutcome u)
    {
        var facts = u.Unknowns.Select(r => $"{r.Instance.Key}.{r.Field.Name}").Distinct().ToList();
        return facts.Count == 0 ? Texts.Of(ctx.Lang)["format.unknown"] : Texts.Join(facts, ctx.Lang);
    }
}
