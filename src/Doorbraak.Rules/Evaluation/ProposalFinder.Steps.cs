using Doorbraak.Rules.Facts;
using Doorbraak.Rules.Packs;
using Doorbraak.Rules.Compilation;
using Doorbraak.Rules.Wording;

namespace Doorbraak.Rules.Evaluation;

/// <summary>What deviations and interventions share in a proposal: which collisions they concern, their amount, who decides, and requests.</summary>
internal static partial class ProposalFinder
{
    /// <summary>
    /// The collisions a step could resolve: for a deviation those with its rule; for an intervention those whose goal it
    /// names in <c>resolves</c>, or every goal collision when it names none (the re-projection then tells).
    /// </summary>
    internal static List<string> Concerned(EvaluationSession ctx, CompiledDeviation d, IReadOnlyList<FoundCollision> collisions)
    {
        if (!d.IsIntervention) return collisions.Where(c => c.Rules.Contains(d.Rule)).Select(c => c.Result.Id).ToList();
        var goals = d.Definition.Resolves;
        return collisions
            .Where(c => c.Goal >= 0 && (goals.Count == 0 || goals.Contains(ctx.RuleSet.Goals[c.Goal].Id)))
            .Select(c => c.Result.Id).ToList();
    }

    /// <summary>The amount limit on the date: the number in the pack, or the parameter's value (null: no limit, or the parameter has no value).</summary>
    internal static decimal? AmountLimit(EvaluationSession ctx, CompiledDeviation d)
    {
        var limits = d.Definition.Limits;
        if (limits.Amount is { } a) return a;
        return limits.AmountParameter is { } p ? ParameterAmount(ctx, p) : null;
    }

    private static decimal? ParameterAmount(EvaluationSession ctx, string id) =>
        ctx.RuleSet.Environment.Parameters.TryGetValue(id, out var p) && ctx.Parameters[p.Slot] is { IsUnknown: false } v ? v.AsDecimal : null;

    /// <summary>
    /// The money a step moves, as its limit counts it: for a deviation the largest change per month to an amount its rule
    /// determines (times the months for <c>amount_per: total</c>); for an intervention its own costs (a one-off amount,
    /// plus a monthly one per month or over its months). Null when it rests on an unknown value.
    /// </summary>
    internal static decimal? StepAmount(EvaluationSession ctx, CompiledDeviation d, Projection p)
    {
        var months = DeviationMonths(ctx, [d]);
        var total = d.Definition.Limits.AmountPer == "total";
        if (!d.IsIntervention)
            return MovedPerMonth(ctx, d, p) is { } moved ? (total ? moved * months : moved) : null;
        decimal sum = 0;
        foreach (var (def, amount) in d.Costs)
        {
            var v = amount.Decide(ctx.Base.Frame);
            if (v.IsUnknown) return null;
            sum += def.Once || !total ? v.AsDecimal : v.AsDecimal * months;
        }
        return sum;
    }

    /// <summary>
    /// Who decides a set of steps: each step's role, or on a ladder the first step whose limit holds the amount (an amount
    /// that rests on an unknown value goes to the last, open-ended step); the highest of them, or <c>open</c> when any
    /// step's mandate is still open. The amount is the largest amount a ladder was read with.
    /// </summary>
    internal static (string Mandate, decimal? Amount) ResolveMandate(EvaluationSession ctx, IReadOnlyList<CompiledDeviation> set, Projection p)
    {
        string? best = null;
        decimal? ladderAmount = null;
        foreach (var d in set)
        {
            var def = d.Definition;
            var role = def.Mandate;
            if (def.Ladder.Count > 0)
            {
                var amount = StepAmount(ctx, d, p);
                role = def.Ladder[^1].Role;
                if (amount is { } a)
                {
                    ladderAmount = ladderAmount is { } l ? Math.Max(l, a) : a;
                    foreach (var step in def.Ladder)
                    {
                        var limit = step.UpTo ?? (step.UpToParameter is { } sp ? ParameterAmount(ctx, sp) : null);
                        if (step.OpenEnded || (limit is { } lim && a <= lim))
                        {
                            role = step.Role;
                            break;
                        }
                    }
                }
            }
            if (role == Mandates.Open) return (Mandates.Open, ladderAmount);
            if (best is null || ctx.RuleSet.Packs.RoleRank(role) > ctx.RuleSet.Packs.RoleRank(best)) best = role;
        }
        return (best ?? Mandates.Open, ladderAmount);
    }

    /// <summary>
    /// Who decides while a mandate is <c>open</c> and no loaded local pack sets it: nobody holds a mandate, so the
    /// competent body itself decides (for the sociaal-domein laws the college). That is the top of the role ladder the
    /// packs declare (the built-in ladder's <c>college</c> when none declares roles).
    /// </summary>
    internal static RoleDefinition CompetentBody(MergedPacks packs) => packs.Roles.MaxBy(r => r.Rank) ?? Mandates.DefaultRoles[^1];

    /// <summary>"Mandaat niet vastgelegd: ... besluit het bevoegde bestuursorgaan zelf (College van ..., mandaat 'college')".</summary>
    internal static string OpenMandateNote(MergedPacks packs, ReportLanguage lang)
    {
        var body = CompetentBody(packs);
        return Texts.Format(lang, "engine.proposal.mandate-not-set", ("title", body.Title), ("role", body.Id));
    }

    /// <summary>The rank used to order proposals by mandate: an open mandate after every role.</summary>
    private static int MandateRank(EvaluationSession ctx, string mandate) =>
        mandate == Mandates.Open ? int.MaxValue : ctx.RuleSet.Packs.RoleRank(mandate);

    internal static ProposalStep Step(EvaluationSession ctx, CompiledDeviation d, Projection p)
    {
        var def = d.Definition;
        var (mandate, _) = ResolveMandate(ctx, [d], p);
        return new ProposalStep(d.Id, def.IsIntervention ? ProposalStepKind.Intervention : ProposalStepKind.Deviation, def.Title, def.Action,
            d.Rule >= 0 ? ctx.RuleSet.Rules[d.Rule].Id : null, mandate, def.Decider, def.MandateBasis?.ToString())
        {
            MandateSetBy = def.MandateSetBy,
        };
    }

    /// <summary>
    /// For steps an authority outside the municipality decides: the request the regisseur sends ("vraag ... om ...;
    /// grondslag ...; aanleveren ..."). Null when the municipality decides every step.
    /// </summary>
    internal static ProposalRequest? Request(EvaluationSession ctx, IReadOnlyList<CompiledDeviation> set)
    {
        var step = set.FirstOrDefault(d => d.Definition.IsRequest);
        if (step is null) return null;
        var def = step.Definition;
        var authority = ctx.RuleSet.Packs.Authorities.FirstOrDefault(a => a.Id == def.Decider);
        var words = Texts.Of(ctx.Lang);
        var title = authority?.Title ?? def.Decider;
        var deliver = set.Where(d => d.Definition.Decider == def.Decider).SelectMany(d => d.Definition.Deliver).Distinct().ToList();
        var text = words.Format("engine.proposal.request", ("authority", title),
            ("what", string.Join(" + ", set.Where(d => d.Definition.Decider == def.Decider).Select(d => d.Definition.Title))),
            ("basis", def.Basis.ToString()),
            ("deliver", deliver.Count == 0 ? words["engine.proposal.request-nothing"] : words.Join(deliver)));
        return new ProposalRequest(def.Decider, title, text, def.Basis.ToString(), deliver, authority?.Contact);
    }

    /// <summary>
    /// A member named in a motivation when the household gives no name: "de aanvrager", or the role with the member's id
    /// ("het inwonende kind (lid zoon)"), so that a motivation never reads a bare id.
    /// </summary>
    private static string MemberWords(EvaluationSession ctx, EntityInstance member)
    {
        var words = Texts.Of(ctx.Lang);
        var plan = ctx.RuleSet;
        var role = member.Values[plan.RoleField.Slot];
        var roleText = role.IsUnknown || role.Kind != FactKind.Text ? null : role.AsText;
        var id = CollisionFinder.MemberId(member);
        return roleText switch
        {
            BuiltInFacts.ApplicantRole => words["engine.member.applicant"],
            "partner" => words.Format("engine.member.partner", ("id", id)),
            "kind" => words.Format("engine.member.child", ("id", id)),
            _ => words.Format("engine.member.other", ("id", id)),
        };
    }
}
