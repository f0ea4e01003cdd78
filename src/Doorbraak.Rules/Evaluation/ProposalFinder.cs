using Doorbraak.Rules.Facts;
using Doorbraak.Rules.Packs;
using Doorbraak.Rules.Compilation;
using Doorbraak.Rules.Wording;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Doorbraak.Rules.Evaluation;

/// <summary>
/// Tries the allowed deviations for a household's collisions by re-projecting with each one applied,
/// then small combinations (2 or 3) where no single one resolves a collision; ranks what helps.
/// </summary>
internal static partial class ProposalFinder
{
    /// <summary>At most this many allowed deviations are combined (C(8,3) = 56 re-projections at most).</summary>
    public const int MaxCombinationCandidates = 8;

    /// <summary>
    /// The deviations that could resolve a collision (they deviate from one of its rules) and are allowed for this household.
    /// A deviation or intervention whose condition is unknown has its facts asked only when, were its condition to hold, it
    /// could end up in a proposal (<see cref="CouldBeProposed"/>): asking for a condition whose answer cannot change the
    /// proposals is noise.
    /// </summary>
    public static List<CompiledDeviation> Candidates(EvaluationSession session, List<FoundCollision> collisions)
    {
        if (collisions.Count == 0) return [];
        var allowed = new List<CompiledDeviation>();
        var open = new List<CompiledDeviation>();
        foreach (var d in session.RuleSet.Deviations)
        {
            if (Concerned(session, d, collisions).Count == 0) continue;
            if (session.IsAllowed(d))
            {
                // A step whose 'until' is already met is not needed; one whose 'until' is unknown is tried with its
                // maximum, and the facts that would say when it ends are asked.
                var until = Until(session, d);
                if (until is { State: UntilState.Met }) continue;
                if (until is { State: UntilState.Unknown }) session.AddMissing(until.Unknowns, d.Id);
                allowed.Add(d);
                AskElementPicks(session, d);
            }
            else if (session.AllowedIsUnknown(d)) open.Add(d);
        }
        foreach (var d in open)
            if (CouldBeProposed(session, d, allowed, open, collisions)) session.AskAllowed(d);
        return allowed;
    }

    /// <summary>
    /// Whether a deviation whose condition is unknown could, once its condition holds, end up in a proposal. It is
    /// re-projected as if allowed: it could when it then resolves a collision, or a goal it concerns is still unknown there
    /// (other answers decide), or rules become undecided with it. It cannot when it moves a known amount over its limit.
    /// When it resolves nothing provably on its own, it is tried with the other deviations that are or may become allowed,
    /// in the combinations <see cref="Find"/> would try: it could when a combination with it resolves (or leaves unknown) a
    /// collision the same combination without it does not resolve. Runs only for deviations whose condition is unknown.
    /// </summary>
    private static bool CouldBeProposed(EvaluationSession session, CompiledDeviation d, List<CompiledDeviation> allowed, List<CompiledDeviation> open,
        List<FoundCollision> collisions)
    {
        var alone = OutcomeClassifier.Classify(session, [d], collisions);
        if (AmountLimit(session, d) is not null && OverAmountLimit(session, alone) is { Amount: not null }) return false;
        var concerned = Concerned(session, d, collisions);
        if (Adds(session, alone, null, concerned, collisions)) return true;
        if (!session.Options.IncludeProposals) return false;
        var others = allowed.Concat(open).Where(o => o != d).OrderBy(o => o.Index).Take(MaxCombinationCandidates - 1).ToList();
        for (var size = 1; size < Math.Min(session.Options.MaxCombination, others.Count + 1); size++)
        {
            foreach (var idx in BlockingRules.Combinations(Enumerable.Range(0, others.Count).ToList(), size))
            {
                var rest = idx.Select(i => others[i]).ToArray();
                var set = rest.Append(d).OrderBy(x => x.Index).ToArray();
                if (set.Select(s => s.Rule).Distinct().Count() < set.Length && set.All(s => s.Definition.Change.Kind == ChangeKind.Suspend)) continue;
                if (Adds(session, OutcomeClassifier.Classify(session, set, collisions), OutcomeClassifier.Classify(session, rest, collisions), concerned, collisions)) return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Whether an outcome could give a proposal that <paramref name="without"/> (the same steps minus one; null: nothing
    /// applied) does not: it resolves a collision that one leaves, or leaves a goal unknown where that one does not resolve
    /// it (a collision the deviation concerns, or a goal it made unknown), or makes rules undecided that that one does not.
    /// </summary>
    private static bool Adds(EvaluationSession session, DeviationOutcome with, DeviationOutcome? without, List<string> concerned, List<FoundCollision> collisions)
    {
        foreach (var c in collisions)
        {
            if (without is not null && without.Resolves.Contains(c.Result.Id)) continue;
            if (with.Resolves.Contains(c.Result.Id)) return true;
            if (c.Goal < 0 || !with.Reprojection.Goals[c.Goal].IsUnknown) continue;
            // A goal unknown with it: other answers decide whether it resolves the collision, when it is about this
            // collision or made the goal unknown.
            var before = without?.Reprojection.Goals[c.Goal] ?? session.HoldsProjected[c.Goal];
            if (concerned.Contains(c.Result.Id) || !before.IsUnknown) return true;
        }
        return session.NewlyUndecided(with.Reprojection.Projection) && (without is null || !session.NewlyUndecided(without.Reprojection.Projection));
    }

    /// <summary>
    /// An allowed intervention that changes elements picked by a condition: the unknown facts that condition reads for an
    /// element are asked, since the answer decides whether that element (a debt, say) is changed.
    /// </summary>
    private static void AskElementPicks(EvaluationSession session, CompiledDeviation d)
    {
        foreach (var change in d.ElementSets)
        {
            if (change.Where is not { } where) continue;
            foreach (var element in session.Base.Household.Collections[change.Collection.Slot])
            {
                var v = where.Decide(session.Base.Frame, element, out var unknowns);
                if (v.IsUnknown) session.AddMissing(unknowns, d.Id);
            }
        }
    }

    /// <summary>Whether an outcome would be kept as a proposal: it resolves a collision, makes no rule undecided and stays within its amount limit.</summary>
    private static bool Proposable(EvaluationSession ctx, DeviationOutcome t) =>
        t.Resolves.Count > 0 && !ctx.NewlyUndecided(t.Reprojection.Projection) && WithinAmountLimit(ctx, t);

    public static List<ProposalResult> Find(EvaluationSession ctx, List<FoundCollision> collisions, List<CompiledDeviation> allowed, IPrecedentSource? precedents)
    {
        if (collisions.Count == 0) return [];
        var kept = new List<DeviationOutcome>();
        foreach (var d in allowed)
        {
            var t = OutcomeClassifier.Classify(ctx, [d], collisions);
            if (Proposable(ctx, t)) kept.Add(t);
        }

        var unresolved = collisions.Where(c => !kept.Any(k => k.Resolves.Contains(c.Result.Id))).ToList();
        if (unresolved.Count > 0 && allowed.Count > 1)
        {
            var pool = allowed.Take(MaxCombinationCandidates).ToList();
            var combos = new List<DeviationOutcome>();
            for (var size = 2; size <= Math.Min(ctx.Options.MaxCombination, pool.Count); size++)
            {
                foreach (var idx in BlockingRules.Combinations(Enumerable.Range(0, pool.Count).ToList(), size))
                {
                    var set = idx.Select(i => pool[i]).ToArray();
                    if (set.Select(s => s.Rule).Distinct().Count() < set.Length && set.All(s => s.Definition.Change.Kind == ChangeKind.Suspend)) continue;
                    if (combos.Any(c => c.Deviations.All(set.Contains))) continue; // a smaller combination already works
                    var t = OutcomeClassifier.Classify(ctx, set, collisions);
                    if (t.Resolves.Any(id => unresolved.Any(u => u.Result.Id == id)) && !ctx.NewlyUndecided(t.Reprojection.Projection) && WithinAmountLimit(ctx, t)) combos.Add(t);
                }
            }
            kept.AddRange(combos);
        }

        var costs = kept.ToDictionary<DeviationOutcome, DeviationOutcome, CostComparison>(t => t, t => Cost(ctx, t.Deviations, t.Reprojection.Projection), ReferenceEqualityComparer.Instance);
        var ranked = kept
            .OrderByDescending(t => t.Resolves.Count)
            .ThenBy(t => t.Creates.Count)
            // An intervention sets no rule aside: it ranks before every basis for deviating.
            .ThenBy(t => t.Deviations.Max(d => d.IsIntervention ? -1 : BasisKinds.Rank(d.Definition.Basis.Kind)))
            .ThenBy(t => MandateRank(ctx, ResolveMandate(ctx, t.Deviations, t.Reprojection.Projection).Mandate))
            .ThenBy(t => costs[t].Difference is null ? 1 : 0) // an unknown cost ranks after every known one
            .ThenBy(t => costs[t].Difference ?? 0)
            .ThenBy(t => t.Deviations.Length)
            .ThenBy(t => t.Id, StringComparer.Ordinal)
            .ToList();

        return ranked.Select((t, i) => Build(ctx, t, costs[t], i + 1, precedents)).ToList();
    }

    /// <summary>The money a deviation moves per month (largest change to an amount the deviated rule determines) must stay within its limit.</summary>
    private static bool WithinAmountLimit(EvaluationSession ctx, DeviationOutcome t) => OverAmountLimit(ctx, t) is null;

    /// <summary>
    /// The first deviation of the set whose moved amount goes over its limit, with the amount (null: it rests on an unknown
    /// value, so it cannot be shown to stay within) and the limit; null when all stay within.
    /// </summary>
    private static (CompiledDeviation Deviation, decimal? Amount, decimal Max)? OverAmountLimit(EvaluationSession ctx, DeviationOutcome t)
    {
        foreach (var d in t.Deviations)
        {
            if (AmountLimit(ctx, d) is not { } max) continue;
            // An amount moved that rests on an unknown value cannot be shown to stay within the limit.
            if (StepAmount(ctx, d, t.Reprojection.Projection) is not { } total) return (d, null, max);
            if (total > max) return (d, total, max);
        }
        return null;
    }

    /// <summary>
    /// Why each deviation that exists for a collision (it deviates from one of its rules) is in no proposal: its condition is
    /// false or unknown, it goes over its amount limit, rules become undecided with it, or it resolves nothing.
    /// </summary>
    public static List<NotProposedDeviation> WhyNot(EvaluationSession ctx, List<FoundCollision> collisions, IReadOnlyList<ProposalResult> proposals)
    {
        var list = new List<NotProposedDeviation>();
        if (collisions.Count == 0) return list;
        var proposed = proposals.SelectMany(p => p.Deviations).ToHashSet(StringComparer.Ordinal);
        var words = Texts.Of(ctx.Lang);
        foreach (var d in ctx.RuleSet.Deviations)
        {
            var concerned = Concerned(ctx, d, collisions);
            if (concerned.Count == 0 || proposed.Contains(d.Id)) continue;
            NotProposedReason reason;
            string message;
            if (ctx.IsAllowed(d) && Until(ctx, d) is { State: UntilState.Met })
            {
                reason = NotProposedReason.UntilMet;
                message = words.Format("engine.not-proposed.until-met", ("until", d.Definition.Limits.Until!.Text.Trim()));
            }
            else if (!ctx.IsAllowed(d))
            {
                var allowed = d.Allowed!;
                var v = allowed.Decide(ctx.Base.Frame, null, out var unknowns);
                var condition = allowed.Text.Trim();
                if (v.IsUnknown)
                {
                    reason = NotProposedReason.ConditionUnknown;
                    var facts = (unknowns ?? []).Select(r => $"{r.Instance.Key}.{r.Field.Name}").Distinct().ToList();
                    message = words.Format("engine.not-proposed.condition-unknown", ("condition", condition), ("facts", facts.Count == 0 ? words["format.unknown"] : words.Join(facts)));
                }
                else
                {
                    reason = NotProposedReason.NotAllowed;
                    var failing = allowed.Clauses.Count > 1 && allowed.Connective == "and"
                        ? allowed.Clauses.Where(c => c.Decide(ctx.Base.Frame).IsFalse).Select(c => c.Text.Trim()).ToList()
                        : [];
                    message = words.Format("engine.not-proposed.not-allowed", ("condition", failing.Count > 0 ? words.Join(failing) : condition));
                }
            }
            else
            {
                var t = OutcomeClassifier.Classify(ctx, [d], collisions);
                var newly = ctx.NewlyUndecidedRules(t.Reprojection.Projection);
                var hinging = collisions.Where(c => concerned.Contains(c.Result.Id) && c.Goal >= 0 && t.Reprojection.Goals[c.Goal].IsUnknown).ToList();
                if (t.Resolves.Count == 0 && hinging.Count > 0)
                {
                    reason = NotProposedReason.HingesOnUnknown;
                    var facts = hinging.SelectMany(c => c.Result.HingesOn).Distinct().ToList();
                    message = words.Format("engine.not-proposed.hinges-on-unknown", ("collisions", words.Join(hinging.Select(c => c.Result.Id))),
                        ("facts", facts.Count == 0 ? words["format.unknown"] : words.Join(facts)));
                }
                else if (t.Resolves.Count == 0)
                {
                    reason = NotProposedReason.ResolvesNothing;
                    message = words.Format("engine.not-proposed.resolves-nothing", ("collisions", words.Join(concerned)));
                }
                else if (newly.Count > 0)
                {
                    reason = NotProposedReason.BecomesUndecided;
                    message = words.Format("engine.not-proposed.becomes-undecided", ("rules", words.Join(newly.Select(u => u.Rule.Id).Distinct())));
                }
                else if (OverAmountLimit(ctx, t) is { } over)
                {
                    reason = NotProposedReason.OverAmountLimit;
                    var per = words[over.Deviation.Definition.Limits.AmountPer == "total" ? "engine.not-proposed.in-total" : "engine.not-proposed.per-month"];
                    message = words.Format("engine.not-proposed.over-limit", ("amount", words.Money(over.Amount)), ("per", per), ("max", words.Money(over.Max)));
                }
                else
                {
                    continue; // proposals were not searched, or it was ranked out: nothing to explain
                }
            }
            list.Add(new NotProposedDeviation(d.Id, concerned, reason, message));
        }
        return list;
    }

    /// <summary>The largest change per month to an amount the deviated rule determines; null when one of them is unknown.</summary>
    internal static decimal? MovedPerMonth(EvaluationSession ctx, CompiledDeviation d, Projection p)
    {
        decimal moved = 0;
        var baseWrites = ctx.Base.Writes.Where(w => w.Rule.Index == d.Rule && w.Field.Type.Kind == FactKind.Money).ToList();
        foreach (var w in baseWrites)
        {
            var after = p.Writes.FirstOrDefault(x => x.Rule.Index == d.Rule && x.Path == w.Path);
            var newValue = after?.After ?? w.Before; // suspended: the value is what it was before the rule
            if (w.After.IsUnknown || (after is not null && after.After.IsUnknown)) return null; // computed from an unknown value
            if (newValue.IsUnknown) continue; // suspended and never set before the rule: no amount moves
            moved = Math.Max(moved, Math.Abs(newValue.AsDecimal - w.After.AsDecimal));
        }
        return moved;
    }

    internal static int DeviationMonths(EvaluationSession ctx, IEnumerable<CompiledDeviation> set)
    {
        var horizon = ctx.Options.HorizonMonths;
        var months = set.Select(d => StepMonths(ctx, d)).DefaultIfEmpty(horizon).Min();
        return Math.Min(months, horizon);
    }

    internal static CostComparison Cost(EvaluationSession ctx, CompiledDeviation[] set, Projection with)
    {
        var horizon = ctx.Options.HorizonMonths;
        var months = DeviationMonths(ctx, set);
        var lines = new List<CostLine>();
        decimal? current = 0, proposal = 0;
        foreach (var c in ctx.RuleSet.Costs)
        {
            var a = Monthly(ctx, c, ctx.Base);
            var b = Monthly(ctx, c, with);
            if (a == 0 && b == 0) continue;
            lines.Add(new CostLine(c.Definition.Id, c.Definition.Title, c.Definition.Payer, a, b)
            {
                IllustrativeParameters = ctx.IllustrativeIn([c.Monthly], [], ctx.Base, with),
                Once = c.Definition.Once,
            });
            // Unknown stays unknown: one unknown item makes the route's total unknown, never a silent 0.
            if (c.Definition.Once)
            {
                // A one-off cost happens once on a route: during the proposal when it holds then, or after it ends
                // (the situation returns to the current route) when it holds there; never once per month.
                current += a;
                proposal += b is null ? null : b != 0 ? b : months < horizon ? a : 0;
                continue;
            }
            current += a * horizon;
            proposal += b * months + a * (horizon - months);
        }
        // An intervention's own costs: a one-off payment counts once, a monthly one for as long as the intervention lasts.
        foreach (var d in set)
        {
            foreach (var (def, amount) in d.Costs)
            {
                var v = amount.Decide(ctx.Base.Frame);
                decimal? value = v.IsUnknown ? null : decimal.Round(v.AsDecimal, 2, MidpointRounding.AwayFromZero);
                var stepMonths = StepMonths(ctx, d);
                lines.Add(new CostLine(d.Id, def.Title ?? d.Definition.Title, def.Payer, 0, value)
                {
                    IllustrativeParameters = ctx.IllustrativeIn([amount], [], ctx.Base),
                    Once = def.Once,
                });
                proposal += def.Once ? value : value * stepMonths;
            }
        }
        return new CostComparison(horizon, months, current, proposal, proposal - current, lines);
    }

    private static readonly EntityInstance?[] NoElement = [null];

    /// <summary>A cost per month on a projection; null (unknown) when its condition or amount is unknown for any element.</summary>
    private static decimal? Monthly(EvaluationSession ctx, CompiledCost c, Projection p)
    {
        decimal sum = 0;
        var elements = c.ForEach is { } coll ? p.Household.Collections[coll.Slot] : NoElement;
        foreach (var e in elements)
        {
            if (c.When is not null)
            {
                var when = c.When.Decide(p.Frame, e);
                if (when.IsUnknown) return null;
                if (!when.IsTrue) continue;
            }
            var v = c.Monthly.Decide(p.Frame, e);
            if (v.IsUnknown) return null;
            sum += v.AsDecimal;
        }
        return decimal.Round(sum, 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>The legal basis of a deviation, with the force of the rule it departs from in words.</summary>
    public static LegalBasis Basis(CompiledRuleSet plan, CompiledDeviation d, ReportLanguage lang)
    {
        var def = d.Definition;
        // An intervention deviates from no rule: its basis is its own, with no force to describe.
        if (d.Rule < 0) return new LegalBasis(def.Id, "", def.Basis.ToString(), def.Basis.Url, def.Basis.Kind) { Illustrative = def.Basis.Illustrative };
        var rule = plan.Rules[d.Rule].Definition;
        return new LegalBasis(def.Id, rule.Id, def.Basis.ToString(), def.Basis.Url, def.Basis.Kind)
        {
            Force = rule.Force,
            ForceText = Texts.Force(rule, lang),
            Grondslag = Texts.Grondslag(rule, lang),
            Illustrative = def.Basis.Illustrative,
        };
    }

    private static ProposalResult Build(EvaluationSession ctx, DeviationOutcome t, CostComparison cost, int rank, IPrecedentSource? precedents)
    {
        var lang = ctx.Lang;
        var plan = ctx.RuleSet;
        var defs = t.Deviations.Select(d => d.Definition).ToList();
        var (mandate, amount) = ResolveMandate(ctx, t.Deviations, t.Reprojection.Projection);
        var months = cost.DeviationMonths;
        var limits = Limits(defs, lang, ctx, t.Deviations);
        var basis = t.Deviations.Select(d => Basis(plan, d, lang)).ToList();
        var review = defs.SelectMany(d => d.Review).Distinct().OrderBy(r => r.Months * 31 + r.Days).Select(r => FactValue.FormatDuration(r.Months, r.Days)).ToList();
        var member = FocusMember(ctx, t.Reprojection.Projection);
        var motivation = string.Join("\n\n", t.Deviations.Select(d => Motivation(ctx, d, member, months, limits.Text, mandate)));
        var illustrative = Illustrative(ctx, t.Deviations, t.Reprojection.Projection, cost);
        if (illustrative.Count > 0)
            motivation += "\n\n" + Texts.Format(lang, "engine.proposal.illustrative", ("parameters", Texts.Join(illustrative, lang)));
        var checklist = defs.SelectMany(d => d.Document).Distinct().ToList();
        var words = Texts.Of(lang);
        var request = Request(ctx, t.Deviations);
        if (request is not null) checklist.Insert(0, request.Text);
        var openNote = mandate == Mandates.Open ? OpenMandateNote(plan.Packs, lang) : null;
        checklist.Add(openNote ?? words.Format(request is null ? "engine.proposal.checklist-mandate" : "engine.proposal.checklist-request-mandate", ("mandate", mandate)));
        checklist.Add(words.Format("engine.proposal.checklist-review", ("review", string.Join(", ", review))));
        var reason = words.Format("engine.proposal.rank-reason", ("resolves", t.Resolves.Count), ("creates", t.Creates.Count),
            ("basis", words.Join(defs.Select(d => d.Basis.Kind ?? words["format.unknown"]).Distinct())), ("mandate", mandate),
            ("months", cost.HorizonMonths), ("difference", ctx.Options.Redact ? Texts.Redacted : words.Money(cost.Difference)));
        // Ranked on the real amounts above; shown without them when redacted.
        if (ctx.Options.Redact) cost = cost.WithoutAmounts();
        var matches = precedents is null ? [] : PrecedentMatcher.Match(ctx, t.Deviations, member, precedents);
        return new ProposalResult(t.Id, defs.Select(d => d.Id).ToList(), string.Join(" + ", defs.Select(d => d.Title)), t.Resolves, t.Leaves, t.Creates,
            basis, mandate, limits, cost, motivation, checklist, review, rank, reason, matches)
        {
            IllustrativeParameters = illustrative,
            Steps = t.Deviations.Select(d => Step(ctx, d, t.Reprojection.Projection)).ToList(),
            Request = request,
            MandateAmount = amount,
            MandateNote = openNote,
            MandateFallback = openNote is null ? null : CompetentBody(plan.Packs).Id,
            EndDate = ctx.Date.AddMonths(months).AddDays(-1),
        };
    }

    /// <summary>The illustrative parameters a proposal's figures rest on: its cost lines, the deviated rules, and the deviations' own expressions.</summary>
    internal static IReadOnlyList<string> Illustrative(EvaluationSession ctx, CompiledDeviation[] set, Projection with, CostComparison cost)
    {
        var expressions = set.SelectMany(d => new[] { d.ParameterValue }.Concat(d.Sets.Select(x => x.Value)).Concat(d.ElementSets.SelectMany(e => e.Sets.Select(x => x.Value))));
        // An intervention deviates from no rule (Rule < 0): only its own expressions count.
        return ctx.IllustrativeIn(expressions, set.Where(d => d.Rule >= 0).Select(d => d.Rule), ctx.Base, with)
            .Concat(cost.Items.SelectMany(i => i.IllustrativeParameters))
            .Distinct().Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The limits of a set of steps in words. With the session and the compiled steps, a step's <c>until</c> is read for
    /// this household: when it is met within the maximum, the duration is cut to that month and the text says when;
    /// otherwise the text says it is not met within the maximum, or that it is unknown (and which facts are missing).
    /// </summary>
    internal static DeviationLimitsResult Limits(IReadOnlyList<DeviationDefinition> defs, ReportLanguage lang, EvaluationSession? ctx = null, IReadOnlyList<CompiledDeviation>? steps = null)
    {
        int? duration = defs.Select(d => d.Limits.DurationMonths).Where(m => m is not null).DefaultIfEmpty(null).Min();
        decimal? amount = defs.Select(d => d.Limits.Amount).Where(a => a is not null).DefaultIfEmpty(null).Min();
        int? times = defs.Select(d => d.Limits.Times).Where(a => a is not null).DefaultIfEmpty(null).Min();
        var per = defs.FirstOrDefault(d => d.Limits.Amount is not null)?.Limits.AmountPer ?? "month";
        var parts = new List<string>();
        var words = Texts.Of(lang);
        if (duration is { } m) parts.Add(words.Format("engine.proposal.limits.duration", ("months", words.Months(m))));
        if (amount is { } a) parts.Add(words.Format(per == "month" ? "engine.proposal.limits.amount-per-month" : "engine.proposal.limits.amount-in-total", ("amount", words.Money(a))));
        if (times is { } n) parts.Add(words.Format("engine.proposal.limits.times", ("times", n)));
        var until = defs.Select(d => d.Limits.Until?.Text.Trim()).FirstOrDefault(u => u is not null);
        int? max = defs.Select(d => d.Limits.MaxMonths).Where(m => m is not null).DefaultIfEmpty(null).Min();
        if (until is not null) parts.Insert(0, words.Format("engine.proposal.limits.until", ("until", until)));
        if (max is { } mx && duration is null) parts.Add(words.Format("engine.proposal.limits.duration", ("months", words.Months(mx))));
        UntilOutcome? outcome = null;
        string? note = null;
        if (ctx is not null && steps?.FirstOrDefault(s => s.Until is not null) is { } withUntil)
        {
            outcome = Until(ctx, withUntil);
            note = UntilNote(ctx, withUntil);
            if (note is not null && until is not null) parts[0] += $" ({note})";
            if (outcome is { State: UntilState.MetWithin } && (duration is null || outcome.Months < duration)) duration = outcome.Months;
        }
        var amountParameter = defs.Select(d => d.Limits.AmountParameter).FirstOrDefault(a => a is not null);
        if (amount is null && amountParameter is not null) parts.Add(words.Format("engine.proposal.limits.amount-parameter", ("parameter", amountParameter)));
        var text = parts.Count == 0 ? words["engine.proposal.limits.none"] : words.Join(parts);
        return new DeviationLimitsResult(duration ?? max, amount, per, times, text) { Until = until, UntilMetOn = outcome?.State == UntilState.MetWithin ? outcome.MetOn : null, UntilNote = note };
    }

    /// <summary>The member the deviation is about: the first member affected by the collisions it resolves, or the applicant.</summary>
    internal static EntityInstance? FocusMember(EvaluationSession ctx, Projection p)
    {
        var plan = ctx.RuleSet;
        var members = ctx.Base.Household.Collections[plan.MembersField.Slot];
        var other = p.Household.Collections[plan.MembersField.Slot];
        for (var i = 0; i < members.Length && i < other.Length; i++)
            if (!members[i].Values.AsSpan().SequenceEqual(other[i].Values)) return members[i];
        return ctx.Base.Frame.MemberWithRole(BuiltInFacts.ApplicantRole, plan.RoleField, plan.MembersField) ?? members.FirstOrDefault();
    }

    [GeneratedRegex(@"\{\{\s*([a-z_]+)(?:\.([a-z0-9_.]+))?\s*\}\}")]
    private static partial Regex Placeholder();

    internal static string Motivation(EvaluationSession ctx, CompiledDeviation d, EntityInstance? member, int months, string limitsText, string? mandate = null)
    {
        var def = d.Definition;
        var lang = ctx.Lang;
        var rule = d.Rule >= 0 ? ctx.RuleSet.Rules[d.Rule].Definition : null;
        // The default motivation is a pack-style template ({{...}} placeholders), filled in below like a pack's own.
        var template = def.Motivation ?? Texts.Of(lang)[d.IsIntervention ? "engine.proposal.motivation-intervention" : "engine.proposal.motivation"];
        var start = ctx.Date;
        var end = start.AddMonths(months).AddDays(-1);
        // A literal block in YAML keeps the author's line breaks; a motivation reads as paragraphs.
        template = string.Join("\n\n", template.Trim().Replace("\r\n", "\n").Split("\n\n").Select(p => string.Join(' ', p.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))));
        return Placeholder().Replace(template, m =>
        {
            var head = m.Groups[1].Value;
            var name = m.Groups[2].Success ? m.Groups[2].Value : null;
            return head switch
            {
                "basis" => def.Basis.ToString(),
                "regel" => rule is null ? $"{def.Title} ({def.Basis})" : $"{rule.Title} ({rule.Citation})",
                "interventie" => def.Title,
                "peildatum" or "ingangsdatum" => Texts.Date(start, lang),
                "einddatum" => Texts.Date(end, lang),
                "limieten" => limitsText,
                "mandaat" => (mandate ?? def.Mandate) == Mandates.Open ? OpenMandateNote(ctx.RuleSet.Packs, lang) : mandate ?? def.Mandate,
                "lid" when name is not null => FactText(ctx, member, name),
                BuiltInFacts.ApplicantRole when name is not null => FactText(ctx, ctx.Base.Frame.MemberWithRole(BuiltInFacts.ApplicantRole, ctx.RuleSet.RoleField, ctx.RuleSet.MembersField), name),
                "huishouden" when name is not null => FactText(ctx, ctx.Base.Household, name),
                "param" when name is not null && ctx.RuleSet.Environment.Parameters.TryGetValue(name, out var p) => Texts.Value(ctx.Parameters[p.Slot], lang),
                _ => m.Value,
            };
        });
    }

    private static string FactText(EvaluationSession ctx, EntityInstance? e, string name)
    {
        if (e is null || !e.Schema.TryGetField(name, out var f) || !f.Type.IsScalar) return Texts.Of(ctx.Lang)["engine.proposal.fact-unknown"];
        if (ctx.Options.Redact) return Texts.Redacted;
        var v = e.Values[f.Slot];
        if (v.IsUnknown && name == BuiltInFacts.Name) return MemberWords(ctx, e);
        return Texts.Value(v, ctx.Lang);
    }

    internal static string Invariant(FactValue v) => v.IsUnknown ? "unknown" : Convert.ToString(v.ToString(), CultureInfo.InvariantCulture)!;
}
