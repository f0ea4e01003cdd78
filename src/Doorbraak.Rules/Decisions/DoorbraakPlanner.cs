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

    /// <summary>Records a decision on a proposal of <paramref name="result"/>, or refuses it with a clear reason.</summary>
    /// <exception cref="DecisionException">The proposal is unknown or not allowed, the decider lacks the mandate, the decision goes beyond the limits, the motivation is missing, or it differs from equal precedents without a reason.</exception>
    public RecordedDecision Decide(Household household, EvaluationResult result, DecisionRequest request)
    {
        ArgumentNullException.ThrowIfNull(household);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(request);
        var plan = _engine.Packs.Plan;
        var proposal = result.Proposals.FirstOrDefault(p => p.Id == request.ProposalId);
        if (proposal is null)
        {
            var deviation = plan.Deviations.FirstOrDefault(d => d.Id == request.ProposalId);
            if (deviation is not null)
                throw new DecisionException(DiagnosticCatalog.DeviationNotAllowed.At(SourceLocation.None, $"De afwijking '{deviation.Id}' is voor dit huishouden niet toegestaan of lost geen botsing op (voorwaarde: {deviation.Definition.Allowed?.Text ?? "geen"}); er is geen voorstel om over te besluiten."));
            throw new DecisionException(DiagnosticCatalog.UnknownProposal.At(SourceLocation.None, $"Er is geen voorstel '{request.ProposalId}' in deze evaluatie{Suggest.Hint(request.ProposalId, result.Proposals.Select(p => p.Id))}."));
        }
        if (string.IsNullOrWhiteSpace(request.Motivation))
            throw new DecisionException(DiagnosticCatalog.MotivationMissing.At(SourceLocation.None, "Een besluit heeft een motivering nodig: leg vast waarom (feiten, afweging van belangen, evenredigheid)."));
        var rank = Mandates.Rank(request.Mandate);
        if (rank < 0)
            throw new DecisionException(DiagnosticCatalog.UnknownMandate.At(SourceLocation.None, $"Onbekend mandaat '{request.Mandate}'; gebruik een van: {string.Join(", ", Mandates.Levels)}."));
        if (request.Outcome != DecisionOutcome.Rejected && rank < Mandates.Rank(proposal.Mandate))
            throw new DecisionException(DiagnosticCatalog.MandateTooLow.At(SourceLocation.None, $"Voor dit voorstel is mandaat '{proposal.Mandate}' of hoger nodig; '{request.Mandate}' mag hier niet over besluiten. Leg het voor aan iemand met mandaat {proposal.Mandate}."));

        var months = proposal.Limits.DurationMonths;
        if (request.Outcome != DecisionOutcome.Rejected)
        {
            if (request.DurationMonths is { } dm)
            {
                if (dm < 1) throw new DecisionException(DiagnosticCatalog.DurationBelowOneMonth.At(SourceLocation.None, "De duur moet ten minste 1 maand zijn."));
                if (months is { } max && dm > max)
                    throw new DecisionException(DiagnosticCatalog.BeyondLimits.At(SourceLocation.None, $"De gevraagde duur van {dm} maanden gaat over de grens van {max} maanden ({proposal.Limits.Text})."));
                months = dm;
            }
            if (request.Amount is { } amount && proposal.Limits.MaxAmount is { } maxAmount && amount > maxAmount)
                throw new DecisionException(DiagnosticCatalog.BeyondLimits.At(SourceLocation.None, $"Het bedrag {Texts.Money(amount, ReportLanguage.Dutch)} gaat over de grens van {Texts.Money(maxAmount, ReportLanguage.Dutch)} ({proposal.Limits.Text})."));
            if (proposal.Limits.Times is { } times && request.TimesGrantedBefore + 1 > times)
                throw new DecisionException(DiagnosticCatalog.BeyondLimits.At(SourceLocation.None, $"Deze afwijking is al {request.TimesGrantedBefore} keer toegekend; de grens is {times} keer."));
        }

        var ctx = Evaluator.CreateContext(plan, household, result.Audit.ReferenceDate, EvaluationOptions.Default);
        var set = WhatIfQueries.Resolve(plan, proposal.Deviations);
        var (_, projection) = ctx.Reproject("+" + string.Join(",", set.Select(d => d.Index)), ProjectionChanges.With(set));
        var member = ProposalFinder.FocusMember(ctx, projection);
        var facts = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var d in set)
            foreach (var (k, v) in PrecedentMatcher.KeyFacts(ctx, d, member)) facts[k] = v;

        if (_precedents is not null && string.IsNullOrWhiteSpace(request.ReasonForDifference))
        {
            var granted = request.Outcome != DecisionOutcome.Rejected;
            foreach (var d in set)
            {
                var mine = PrecedentMatcher.KeyFacts(ctx, d, member);
                var conflicting = _precedents.ForDeviation(d.Id)
                    .Where(p => PrecedentMatcher.Similarity(mine, p.Facts) == 1m && (p.Outcome != "rejected") != granted)
                    .OrderByDescending(p => p.DecidedOn).FirstOrDefault();
                if (conflicting is not null)
                    throw new DecisionException(DiagnosticCatalog.DiffersFromPrecedent.At(SourceLocation.None, $"In een gelijk geval ({conflicting.CaseReference}, {conflicting.DecidedOn:yyyy-MM-dd}) is over '{d.Id}' anders besloten ({conflicting.Outcome}). Gelijke gevallen worden gelijk behandeld: geef aan waarom dit geval verschilt (ReasonForDifference)."));
            }
        }

        var start = result.Audit.ReferenceDate;
        DateOnly? end = null;
        var reviews = new List<DateOnly>();
        if (request.Outcome != DecisionOutcome.Rejected)
        {
            end = months is { } m ? start.AddMonths(m).AddDays(-1) : null;
            foreach (var r in proposal.Review)
                if (FactValue.TryParseDuration(r, out var rm, out var rd)) reviews.Add(FactValue.AddDuration(start, rm, rd));
        }
        return new RecordedDecision(proposal.Id, proposal.Deviations, proposal.Title, request.Outcome, request.DecidedBy, request.Mandate, proposal.Mandate,
            request.Motivation.Trim(), proposal.Basis.Select(b => b.Citation).ToList(), proposal.Limits.Text,
            request.Outcome == DecisionOutcome.Rejected ? null : start, end, reviews, _time.GetUtcNow(), request.ReasonForDifference, request.Actions, facts);
    }

    /// <summary>Turns a recorded decision into a precedent record for a host's precedent store.</summary>
    public static IEnumerable<PrecedentRecord> ToPrecedents(string caseReference, RecordedDecision decision) =>
        decision.Deviations.Select(d => new PrecedentRecord(caseReference, d, decision.Outcome.ToString().ToLowerInvariant(),
            DateOnly.FromDateTime(decision.DecidedAt.UtcDateTime), decision.PrecedentFacts, decision.Motivation));

    /// <summary>Assembles the doorbraakplan from an evaluation and the decisions recorded on it.</summary>
    public DoorbraakPlan Assemble(Household household, EvaluationResult result, IEnumerable<RecordedDecision> decisions, PlanDetails details)
    {
        ArgumentNullException.ThrowIfNull(household);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(details);
        var lang = details.Language;
        var list = decisions.ToList();
        var granted = list.Where(d => d.Outcome != DecisionOutcome.Rejected).ToList();
        var plan = _engine.Packs.Plan;
        var ctx = Evaluator.CreateContext(plan, household, result.Audit.ReferenceDate, new EvaluationOptions { Language = lang });

        PlanCost cost;
        if (granted.Count == 0)
        {
            var none = ProposalFinder.Cost(ctx, [], ctx.Base);
            cost = new PlanCost(none.HorizonMonths, none.CurrentRoute, none.CurrentRoute, 0, none.Items);
        }
        else
        {
            var set = WhatIfQueries.Resolve(plan, granted.SelectMany(d => d.Deviations).Distinct());
            var (_, projection) = ctx.Reproject("+" + string.Join(",", set.Select(d => d.Index)), ProjectionChanges.With(set));
            var c = ProposalFinder.Cost(ctx, set, projection);
            var months = granted.Select(d => d.EndDate is { } e ? MonthsBetween(d.StartDate!.Value, e) : c.HorizonMonths).Min();
            months = Math.Min(months, c.HorizonMonths);
            var current = c.Items.Sum(i => i.CurrentMonthly) * c.HorizonMonths;
            var route = c.Items.Sum(i => i.ProposalMonthly * months + i.CurrentMonthly * (c.HorizonMonths - months));
            cost = new PlanCost(c.HorizonMonths, current, route, route - current, c.Items);
        }

        var resolved = granted.Count == 0 ? [] : result.Proposals.Where(p => granted.Any(g => g.ProposalId == p.Id)).SelectMany(p => p.Resolves).Distinct().ToList();
        var summary = Texts.Pick(lang,
            $"{result.Collisions.Count} botsing(en) gevonden; {granted.Count} afwijking(en) besloten, {list.Count - granted.Count} afgewezen; {resolved.Count} botsing(en) opgelost. Kostenverschil over {cost.HorizonMonths} maanden: {Texts.Money(cost.Difference, lang)}.",
            $"{result.Collisions.Count} collision(s) found; {granted.Count} deviation(s) decided, {list.Count - granted.Count} rejected; {resolved.Count} collision(s) resolved. Cost difference over {cost.HorizonMonths} months: {Texts.Money(cost.Difference, lang)}.");
        var reviewDates = granted.SelectMany(d => d.ReviewDates).Distinct().Order().ToList();
        var actions = details.Actions.Concat(list.SelectMany(d => d.Actions)).ToList();
        var members = household.Members.Select(m => m.Role is null ? m.Id : $"{m.Id} ({m.Role})").ToList();
        var audit = new PlanAudit(result.Audit.Packs, result.Audit.EngineVersion, result.Audit.ReferenceDate, _time.GetUtcNow());
        return new DoorbraakPlan(details.CaseReference, details.Regisseur, lang, summary, result.Audit.ReferenceDate, details.FirstContact,
            details.BreakthroughDate ?? result.Audit.ReferenceDate, members, result.Collisions, list,
            result.Proposals.Where(p => !list.Any(d => d.ProposalId == p.Id)).ToList(), actions, reviewDates, cost, [], audit);
    }

    /// <summary>Whole months from start to the last day of the period (1 March to 31 August is 6), at least 1.</summary>
    private static int MonthsBetween(DateOnly start, DateOnly end)
    {
        var months = (end.Year - start.Year) * 12 + end.Month - start.Month + 1;
        while (months > 1 && start.AddMonths(months).AddDays(-1) > end) months--;
        return Math.Max(1, months);
    }
}
