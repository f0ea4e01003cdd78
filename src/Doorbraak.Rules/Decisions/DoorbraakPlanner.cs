using System.Globalization;
using Doorbraak.Rules.Facts;
using Doorbraak.Rules.Source;
using Doorbraak.Rules.Packs;
using Doorbraak.Rules.Evaluation;
using Doorbraak.Rules.Wording;

namespace Doorbraak.Rules;

/// <summary>
/// Records decisions on proposals (checking mandate, limits and precedents) and assembles the doorbraakplan.
/// Stores nothing: the host keeps decisions and plans.
/// </summary>
/// <threadsafety instance="true">Stateless apart from its injected services; safe to share.</threadsafety>
public sealed class DoorbraakPlanner
{
    private readonly DoorbraakEngine _engine;
    private readonly TimeProvider _time;
    private readonly IPrecedentSource? _precedents;

    /// <summary>Creates a planner.</summary>
    /// <param name="engine">The engine the evaluations came from.</param>
    /// <param name="timeProvider">The clock for decision and plan times; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="precedents">Earlier decisions, for the equal-treatment check; optional.</param>
    public DoorbraakPlanner(DoorbraakEngine engine, TimeProvider? timeProvider = null, IPrecedentSource? precedents = null)
    {
        _engine = engine ?? throw new ArgumentNullException(nameof(engine));
        _time = timeProvider ?? TimeProvider.System;
        _precedents = precedents;
    }

    /// <summary>The engine whose evaluations this planner decides on.</summary>
    public DoorbraakEngine Engine => _engine;

    /// <summary>
    /// Evaluates a household and opens its case: one object holding the engine, the household and the result, on
    /// which decisions are taken and the doorbraakplan is assembled. The engine is captured once, so a pack reload
    /// in between cannot mix two pack sets in one case.
    /// </summary>
    /// <param name="household">The household.</param>
    /// <param name="referenceDate">The peildatum.</param>
    /// <param name="options">Evaluation options; null for the defaults.</param>
    /// <param name="caseReference">The host's reference of the case (not a BSN); recorded with precedents.</param>
    /// <exception cref="HouseholdException">The household does not fit the packs' fact schema.</exception>
    public DoorbraakCase OpenCase(Household household, DateOnly referenceDate, EvaluationOptions? options = null, string? caseReference = null)
    {
        ArgumentNullException.ThrowIfNull(household);
        var session = EvaluationSession.Open(_engine.PackSet.RuleSet, household, referenceDate, options ?? EvaluationOptions.Default, _engine.Backend);
        var result = Evaluator.Evaluate(session, _engine.PackSet.Packs, _precedents);
        return new DoorbraakCase(this, session, result, caseReference);
    }

    /// <summary>Records a decision on a proposal of <paramref name="result"/>, or refuses it with a clear reason.</summary>
    /// <exception cref="DecisionException">The result is not this household's or not from this planner's packs, the proposal is unknown or not allowed, the decider lacks the mandate, the decision goes beyond the limits, the motivation is missing, or it differs from equal precedents without a reason.</exception>
    public RecordedDecision Decide(Household household, EvaluationResult result, DecisionRequest request)
    {
        var attempt = TryDecide(household, result, request);
        return attempt.Decision ?? throw new DecisionException(attempt.Refusal!);
    }

    /// <summary>
    /// Records a decision, or says why it cannot be recorded, without throwing: a refused decision is normal business
    /// (a missing motivation, a mandate too low). Arguments that are null still throw.
    /// </summary>
    public DecisionAttempt TryDecide(Household household, EvaluationResult result, DecisionRequest request)
    {
        ArgumentNullException.ThrowIfNull(household);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(request);
        var refusal = CheckProvenance(household, result, out var options);
        if (refusal is not null) return DecisionAttempt.Refused(refusal);
        var session = EvaluationSession.Open(_engine.PackSet.RuleSet, household, result.Audit.ReferenceDate, options, _engine.Backend);
        return TryDecide(session, result, request, null);
    }

    /// <summary>The one decision procedure, on the session the result was evaluated on (or an identical one).</summary>
    internal DecisionAttempt TryDecide(EvaluationSession session, EvaluationResult result, DecisionRequest request, string? caseReference)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ruleSet = session.RuleSet;
        var proposal = result.Proposals.FirstOrDefault(p => p.Id == request.ProposalId);
        if (proposal is null)
        {
            var deviation = ruleSet.Deviations.FirstOrDefault(d => d.Id == request.ProposalId);
            if (deviation is not null)
                return Refuse(DecisionRefusalCode.NotAllowed, DiagnosticCatalog.DeviationNotAllowed, Refusal("plan.refusal.not-allowed", ("deviation", deviation.Id), ("condition", deviation.Definition.Allowed?.Text ?? Refusals["plan.refusal.no-condition"])));
            return Refuse(DecisionRefusalCode.UnknownProposal, DiagnosticCatalog.UnknownProposal, Refusal("plan.refusal.unknown-proposal", ("proposal", request.ProposalId), ("hint", Suggest.Hint(request.ProposalId, result.Proposals.Select(p => p.Id)))));
        }
        if (string.IsNullOrWhiteSpace(request.Motivation))
            return Refuse(DecisionRefusalCode.Motivation, DiagnosticCatalog.MotivationMissing, Refusals["plan.refusal.motivation"]);
        if (!result.Completeness.Complete && !request.AcknowledgedIncomplete)
            return Refuse(DecisionRefusalCode.Incomplete, DiagnosticCatalog.IncompleteNotAcknowledged, Refusal("plan.refusal.incomplete",
                ("count", result.Completeness.Gaps.Count), ("gaps", string.Join("; ", result.Completeness.Gaps.Select(g => g.Subject)))));
        // A request to another authority is that authority's decision: the municipality can only record that it asked.
        if (proposal.Request is { } asked && !request.RequestSent)
            return Refuse(DecisionRefusalCode.Request, DiagnosticCatalog.RequestIsNotADecision, Refusal("plan.refusal.request", ("proposal", proposal.Id), ("authority", asked.Title)));
        var levels = ruleSet.Packs.Roles.Select(r => r.Id).ToList();
        var mandate = levels.FirstOrDefault(l => string.Equals(l, request.Mandate?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (mandate is null)
            return Refuse(DecisionRefusalCode.Mandate, DiagnosticCatalog.UnknownMandate, Refusal("plan.refusal.unknown-mandate", ("mandate", request.Mandate), ("levels", string.Join(", ", levels))));
        // An open mandate that no loaded local pack set is delegated to nobody: the competent body itself decides.
        var required = proposal.Mandate == Mandates.Open ? ProposalFinder.CompetentBody(ruleSet.Packs) : null;
        if (request.Outcome != DecisionOutcome.Rejected && required is not null && ruleSet.Packs.RoleRank(mandate) < required.Rank)
        {
            var open = proposal.Steps.FirstOrDefault(s => s.Mandate == Mandates.Open)?.Id ?? proposal.Id;
            var where = ruleSet.Deviations.FirstOrDefault(d => d.Id == open)?.Definition is { } def
                ? (def.MandateLocation == SourceLocation.None ? def.Location : def.MandateLocation) : SourceLocation.None;
            return DecisionAttempt.Refused(DecisionRefusals.Create(DecisionRefusalCode.Mandate, DiagnosticCatalog.MandateNotDelegated,
                Refusal("plan.refusal.mandate-not-delegated", ("step", open), ("location", where == SourceLocation.None ? open : where.ToString()),
                    ("title", required.Title), ("role", required.Id), ("mandate", mandate)), where));
        }
        if (request.Outcome != DecisionOutcome.Rejected && ruleSet.Packs.RoleRank(mandate) < ruleSet.Packs.RoleRank(proposal.Mandate))
            return Refuse(DecisionRefusalCode.Mandate, DiagnosticCatalog.MandateTooLow, Refusal("plan.refusal.mandate-too-low", ("needed", proposal.Mandate), ("mandate", mandate)));

        var months = proposal.Limits.DurationMonths;
        if (request.Outcome != DecisionOutcome.Rejected)
        {
            if (request.DurationMonths is { } dm)
            {
                if (dm < 1) return Refuse(DecisionRefusalCode.Limits, DiagnosticCatalog.DurationBelowOneMonth, Refusals["plan.refusal.duration-too-short"]);
                if (months is { } max && dm > max)
                    return Refuse(DecisionRefusalCode.Limits, DiagnosticCatalog.BeyondLimits, Refusal("plan.refusal.duration-over-limit", ("months", dm), ("max", max), ("limits", proposal.Limits.Text)));
                months = dm;
            }
            if (request.Amount is { } amount && proposal.Limits.MaxAmount is { } maxAmount && amount > maxAmount)
                return Refuse(DecisionRefusalCode.Limits, DiagnosticCatalog.BeyondLimits, Refusal("plan.refusal.amount-over-limit", ("amount", Refusals.Money(amount)), ("max", Refusals.Money(maxAmount)), ("limits", proposal.Limits.Text)));
            if (proposal.Limits.Times is { } times && request.TimesGrantedBefore + 1 > times)
                return Refuse(DecisionRefusalCode.Limits, DiagnosticCatalog.BeyondLimits, Refusal("plan.refusal.times-over-limit", ("granted", request.TimesGrantedBefore), ("times", times)));
        }

        var set = WhatIfQueries.Resolve(ruleSet, proposal.Deviations);
        var projection = session.Reproject(ProjectionChanges.With(set)).Projection;
        var member = ProposalFinder.FocusMember(session, projection);
        var facts = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var d in set)
            foreach (var (k, v) in PrecedentMatcher.KeyFacts(session, d, member)) facts[k] = v;

        if (_precedents is not null && string.IsNullOrWhiteSpace(request.ReasonForDifference))
        {
            var granted = request.Outcome != DecisionOutcome.Rejected;
            foreach (var d in set)
            {
                var mine = PrecedentMatcher.KeyFacts(session, d, member);
                var conflicting = _precedents.ForDeviation(d.Id)
                    .Where(p => PrecedentMatcher.Similarity(mine, p.Facts) == 1m && (p.Outcome != DecisionOutcome.Rejected) != granted)
                    .OrderByDescending(p => p.DecidedOn).FirstOrDefault();
                if (conflicting is not null)
                    return Refuse(DecisionRefusalCode.Precedent, DiagnosticCatalog.DiffersFromPrecedent, Refusal("plan.refusal.precedent", ("case", conflicting.CaseReference), ("date", conflicting.DecidedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                        ("deviation", d.Id), ("outcome", conflicting.Outcome.ToString().ToLowerInvariant())));
            }
        }

        var start = result.Audit.ReferenceDate;
        DateOnly? end = null;
        var reviews = new List<DateOnly>();
        var requestOnly = proposal.Request is not null;
        if (request.Outcome != DecisionOutcome.Rejected && !requestOnly)
        {
            end = months is { } m ? start.AddMonths(m).AddDays(-1) : null;
            foreach (var r in proposal.Review)
                if (FactValue.TryParseDuration(r, out var rm, out var rd)) reviews.Add(FactValue.AddDuration(start, rm, rd));
        }
        var decision = new RecordedDecision(proposal.Id, proposal.Deviations, proposal.Title, request.Outcome, request.DecidedBy, mandate, required?.Id ?? proposal.Mandate,
            request.Motivation.Trim(), proposal.Basis.Select(b => b.Citation).ToList(), proposal.Limits.Text,
            request.Outcome == DecisionOutcome.Rejected || requestOnly ? null : start, end, reviews, _time.GetUtcNow(), request.ReasonForDifference, request.Actions, facts)
        {
            RequestedFrom = proposal.Request?.Authority,
        };
        if (_precedents is IPrecedentStore store && !requestOnly)
            foreach (var p in ToPrecedents(request.CaseReference ?? caseReference ?? "", decision)) store.Add(p);
        return DecisionAttempt.Recorded(decision);
    }

    private static DecisionAttempt Refuse(DecisionRefusalCode code, DiagnosticDescriptor descriptor, string message) =>
        DecisionAttempt.Refused(Refusal(code, descriptor, message));

    private static DecisionRefusal Refusal(DecisionRefusalCode code, DiagnosticDescriptor descriptor, string message) =>
        DecisionRefusals.Create(code, descriptor, message);

    // Refusals are in Dutch whatever the evaluation's language (en.json keeps their translations for a later choice).
    private static WordingTable Refusals => WordingTable.Dutch;

    private static string Refusal(string key, params ReadOnlySpan<(string Name, object? Value)> args) => Refusals.Format(key, args);

    /// <summary>
    /// Whether the result was made by this planner's packs for this household; and with which options, so that the
    /// decision is taken on the result as evaluated, not on a re-evaluation with other settings.
    /// </summary>
    private DecisionRefusal? CheckProvenance(Household household, EvaluationResult result, out EvaluationOptions options)
    {
        options = EvaluationOptions.Default;
        if (EvaluationProvenance.Of(result) is { } provenance)
        {
            options = provenance.Options;
            if (!ReferenceEquals(provenance.RuleSet, _engine.PackSet.RuleSet) && !SamePacks(result))
                return Refusal(DecisionRefusalCode.OtherPacks, DiagnosticCatalog.EvaluatedWithOtherPacks, Refusal("plan.refusal.other-packs", ("evaluated", Describe(result.Audit.Packs)), ("current", Describe(_engine.PackSet.Packs))));
            if (!provenance.IsSameHousehold(household))
                return Refusal(DecisionRefusalCode.OtherHousehold, DiagnosticCatalog.OtherHousehold, Refusals["plan.refusal.other-household"]);
            return null;
        }
        if (!SamePacks(result))
            return Refusal(DecisionRefusalCode.OtherPacks, DiagnosticCatalog.EvaluatedWithOtherPacks, Refusal("plan.refusal.other-packs", ("evaluated", Describe(result.Audit.Packs)), ("current", Describe(_engine.PackSet.Packs))));
        return null;
    }

    private bool SamePacks(EvaluationResult result) =>
        result.Audit.Packs.Select(p => (p.Id, p.Version, p.Sha256)).SequenceEqual(_engine.PackSet.Packs.Select(p => (p.Id, p.Version, p.Sha256)));

    private static string Describe(IEnumerable<PackInfo> packs) => string.Join(", ", packs.Select(p => $"{p.Id} {p.Version} sha256:{p.Sha256[..Math.Min(12, p.Sha256.Length)]}"));

    /// <summary>Turns a recorded decision into a precedent record for a host's precedent store.</summary>
    public static IEnumerable<PrecedentRecord> ToPrecedents(string caseReference, RecordedDecision decision) =>
        decision.Deviations.Select(d => new PrecedentRecord(caseReference, d, decision.Outcome,
            DateOnly.FromDateTime(decision.DecidedAt.UtcDateTime), decision.PrecedentFacts, decision.Motivation));

    /// <summary>Assembles the doorbraakplan from an evaluation and the decisions recorded on it.</summary>
    /// <exception cref="DecisionException">The result is not this household's or not from this planner's packs.</exception>
    public DoorbraakPlan Assemble(Household household, EvaluationResult result, IEnumerable<RecordedDecision> decisions, PlanDetails details)
    {
        ArgumentNullException.ThrowIfNull(household);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(details);
        if (CheckProvenance(household, result, out var options) is { } refusal) throw new DecisionException(refusal);
        var session = EvaluationSession.Open(_engine.PackSet.RuleSet, household, result.Audit.ReferenceDate, options, _engine.Backend);
        return Assemble(session, result, decisions, details);
    }

    /// <summary>The one assembly procedure, on the session the result was evaluated on (or an identical one).</summary>
    internal DoorbraakPlan Assemble(EvaluationSession ctx, EvaluationResult result, IEnumerable<RecordedDecision> decisions, PlanDetails details)
    {
        var household = ctx.Household;
        var lang = details.Language;
        var list = decisions.ToList();
        var granted = list.Where(d => d.Outcome != DecisionOutcome.Rejected).ToList();
        var plan = ctx.RuleSet;

        PlanCost cost;
        if (granted.Count == 0)
        {
            var none = ProposalFinder.Cost(ctx, [], ctx.Base);
            cost = new PlanCost(none.HorizonMonths, none.CurrentRoute, none.CurrentRoute, none.CurrentRoute is null ? null : 0, none.Items);
        }
        else
        {
            var set = WhatIfQueries.Resolve(plan, granted.SelectMany(d => d.Deviations).Distinct());
            var (_, projection) = ctx.Reproject(ProjectionChanges.With(set));
            var c = ProposalFinder.Cost(ctx, set, projection);
            var months = granted.Select(d => d.EndDate is { } e ? MonthsBetween(d.StartDate!.Value, e) : c.HorizonMonths).Min();
            months = Math.Min(months, c.HorizonMonths);
            // Unknown stays unknown: Sum over decimal? would skip an unknown item, so add up by hand.
            decimal? current = 0, route = 0;
            foreach (var i in c.Items)
            {
                current += i.CurrentMonthly * c.HorizonMonths;
                route += i.ProposalMonthly * months + i.CurrentMonthly * (c.HorizonMonths - months);
            }
            cost = new PlanCost(c.HorizonMonths, current, route, route - current, c.Items);
        }

        var resolved = granted.Count == 0 ? [] : result.Proposals.Where(p => granted.Any(g => g.ProposalId == p.Id)).SelectMany(p => p.Resolves).Distinct().ToList();
        var summary = Texts.Format(lang, "plan.summary", ("collisions", result.Collisions.Count), ("granted", granted.Count), ("rejected", list.Count - granted.Count),
            ("resolved", resolved.Count), ("months", cost.HorizonMonths), ("difference", Texts.Money(cost.Difference, ctx.Options.Redact, lang)));
        if (ctx.Options.Redact)
            cost = new PlanCost(cost.HorizonMonths, null, null, null, cost.Lines.Select(l => l with { CurrentMonthly = null, ProposalMonthly = null, Redacted = true }).ToList()) { Redacted = true };
        var reviewDates = granted.SelectMany(d => d.ReviewDates).Distinct().Order().ToList();
        var actions = details.Actions.Concat(list.SelectMany(d => d.Actions)).ToList();
        var members = household.Members.Select(m => m.Role is null ? m.Id : $"{m.Id} ({m.Role})").ToList();
        var audit = new PlanAudit(result.Audit.Packs, result.Audit.EngineVersion, result.Audit.ReferenceDate, _time.GetUtcNow());
        return new DoorbraakPlan(details.CaseReference, details.Regisseur, lang, summary, result.Audit.ReferenceDate, details.FirstContact,
            details.BreakthroughDate ?? result.Audit.ReferenceDate, members, result.Collisions, list,
            result.Proposals.Where(p => !list.Any(d => d.ProposalId == p.Id)).ToList(), actions, reviewDates, cost, [], audit)
        {
            Completeness = result.Completeness,
        };
    }

    /// <summary>Whole months from start to the last day of the period (1 March to 31 August is 6), at least 1.</summary>
    private static int MonthsBetween(DateOnly start, DateOnly end)
    {
        var months = (end.Year - start.Year) * 12 + end.Month - start.Month + 1;
        while (months > 1 && start.AddMonths(months).AddDays(-1) > end) months--;
        return Math.Max(1, months);
    }
}
