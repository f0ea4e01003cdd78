using Doorbraak.Rules.Source;
namespace Doorbraak.Rules.Monitoring;

/// <summary>Population indicators, scales, stapeling, norms with dates and the budget line (docs/monitoring.md).</summary>
public static partial class MonitoringAggregator
{
    private sealed record SectionResults(List<IndicatorResult> Indicators, List<ScaleResult> Scales, List<StapelingMoment> Stapeling,
        List<NormCheck> Norms, List<BudgetResult> Budget);

    private static SectionResults Sections(KpiCatalog catalog, List<DoorbraakPlan> all, ReportPeriod period, IReadOnlyList<ReportPeriod> periods,
        MonitoringOptions options, Suppressor s, List<KpiResult> kpis, List<string> problems)
    {
        var d = catalog.Declarations;
        problems.AddRange(catalog.DeclarationProblems());
        var figures = options.Figures;
        problems.AddRange(figures.Problems);
        var known = new HashSet<string>(d.Indicators.Select(i => i.Id).Concat(d.Budget.Select(b => b.Id)), StringComparer.Ordinal);
        foreach (var id in figures.Rows.Select(r => r.Id).Distinct(StringComparer.Ordinal).Where(id => !known.Contains(id)))
            problems.Add($"The figures{(figures.Source is null ? "" : $" in {figures.Source}")} name '{id}', which is no indicator or budget line of the loaded packs{Suggest.Hint(id, known)}; they are left out.");

        var norms = new List<NormCheck>();
        foreach (var k in kpis.Where(k => k.Kpi.Norm is not null && k.Problem is null))
        {
            var n = k.Kpi.Norm!;
            norms.Add(new NormCheck(k.Kpi.Id, k.Kpi.Id, k.Kpi.Title, CategoryOf(k.Kpi), k.Kpi.DisplayUnit, n.Target, n.Direction, n.Deadline, false, k.Kpi.Source,
                k.Current.Value, k.Status, k.DeadlinePassed));
        }
        // The value each norm's target has in the report's period, by id.
        var current = new Dictionary<string, (string Title, string Unit, Figure Value, string DefaultCategory)>(StringComparer.Ordinal);
        foreach (var k in kpis.Where(k => k.Problem is null)) current[k.Kpi.Id] = (k.Kpi.Title, k.Kpi.DisplayUnit, k.Current.Value, CategoryOf(k.Kpi));

        var indicators = new List<IndicatorResult>();
        foreach (var ind in d.Indicators)
        {
            var series = IndicatorSeries(ind, figures, period, Math.Max(options.TrendPeriods, IndicatorHistory), s);
            var last = series.Count > 0 ? series[^1].Value : Figure.None;
            current[ind.Id] = (ind.Title, ind.Unit, last, "kwantitatief");
            var trend = TrendDirection.Unknown;
            bool? better = null;
            if (series.Count > 1 && series[^2].Value.Value is { } before && last.Value is { } now)
            {
                trend = now > before ? TrendDirection.Up : now < before ? TrendDirection.Down : TrendDirection.Equal;
                if (trend != TrendDirection.Equal) better = (trend == TrendDirection.Up) == (ind.Better == "higher");
            }
            indicators.Add(new IndicatorResult(ind, series, InForce(d, ind.Id, ind.Title, ind.Unit, last, "kwantitatief", period), trend, better));
        }

        var scales = new List<ScaleResult>();
        foreach (var sc in d.Scales)
        {
            var moments = new[] { 6, 12 }.Select(m => ScaleAt(sc, all, period, m, s)).ToList();
            var series = periods.Select(p => ScaleAt(sc, all, p, 12, s) is var x ? new KpiPeriodValue(p, x.ImprovedShare, x.Households) : null!).ToList();
            var share = moments[^1].ImprovedShare;
            current[sc.Id] = ($"{sc.Title}: aandeel verbeterd na 12 maanden", "%", share, "kwalitatief");
            scales.Add(new ScaleResult(sc, moments, series, InForce(d, sc.Id, current[sc.Id].Title, "%", share, "kwalitatief", period)));
        }

        var stapeling = new List<StapelingMoment>();
        var recorded = all.Where(pl => pl.Reviews.Any(r => MomentMonths(r.Moment) == 0 && r.Provisions.Count + r.Professionals.Count > 0)).ToList();
        if (recorded.Count > 0)
            foreach (var m in new[] { 0, 6, 12 }) stapeling.Add(StapelingAt(recorded, period, m, s));

        var budget = new List<BudgetResult>();
        foreach (var line in d.Budget)
        {
            var year = period.End.Year;
            var amount = line.Amounts.FirstOrDefault(a => a.Year == year);
            var yearStart = new DateOnly(year, 1, 1);
            var spent = figures.Rows.Where(r => r.Id == line.Id && r.Period.Start >= yearStart && r.Period.End <= period.End).Sum(r => r.Value);
            var days = new DateOnly(year, 12, 31).DayNumber - yearStart.DayNumber + 1;
            var elapsed = Math.Round(100m * (period.End.DayNumber - yearStart.DayNumber + 1) / days, 1);
            decimal? share = amount is { Amount: > 0 } ? Math.Round(100m * spent / amount.Amount, 1) : null;
            decimal? ahead = amount is null ? null : Math.Round(spent - amount.Amount * elapsed / 100m, 2);
            decimal? over = amount is null ? null : Math.Max(0, spent - amount.Amount);
            var shareFigure = share is { } sh ? Figure.Of(sh) : Figure.None;
            current[line.Id] = ($"{line.Title}: besteed van het budget {year}", "%", shareFigure, "financieel");
            var norm = InForce(d, line.Id, current[line.Id].Title, "%", shareFigure, "financieel", period)
                ?? (amount is null ? null : Check($"{line.Id}.binnen-budget", line.Id, current[line.Id].Title, "financieel", "%", 100m, NormDirection.AtMost,
                    new DateOnly(year, 12, 31), amount.Illustrative, amount.Source, shareFigure, period));
            budget.Add(new BudgetResult(line, year, amount?.Amount, spent, share, elapsed, ahead, over, norm, amount?.Illustrative ?? false));
        }

        foreach (var n in d.Norms)
        {
            if (!current.TryGetValue(n.For, out var target)) continue; // reported by DeclarationProblems
            norms.Add(Check(n.Id, n.For, n.Title ?? target.Title, n.Category, target.Unit, n.Target, n.Direction == "at_most" ? NormDirection.AtMost : NormDirection.AtLeast,
                n.Deadline, n.Illustrative, n.Source, target.Value, period));
        }
        norms.AddRange(budget.Where(b => b.Norm is { } bn && !d.Norms.Any(n => n.Id == bn.Id)).Select(b => b.Norm!));
        var order = PackReaderCategories;
        norms = norms.OrderBy(n => Array.IndexOf(order, n.Category)).ThenBy(n => n.Deadline ?? DateOnly.MaxValue).ThenBy(n => n.Id, StringComparer.Ordinal).ToList();
        return new(indicators, scales, stapeling, norms, budget);
    }

    /// <summary>How many figures of a population indicator the report shows at least (they are often yearly).</summary>
    internal const int IndicatorHistory = 10;

    private static readonly string[] PackReaderCategories = ["financieel", "kwantitatief", "kwalitatief"];

    /// <summary>A KPI's category when its norm has none: money is financial, goals, self-reliance and recurrence qualitative, counts and days quantitative.</summary>
    private static string CategoryOf(KpiSpec k) => k.Measure switch
    {
        KpiMeasures.CostCurrentVsBreakthrough => "financieel",
        KpiMeasures.GoalsMetShare6m or KpiMeasures.GoalsMetShare12m or KpiMeasures.SelfRelianceChange or KpiMeasures.RecurrenceShare => "kwalitatief",
        _ => k.DisplayUnit == "EUR" ? "financieel" : "kwantitatief",
    };

    private static NormCheck Check(string id, string forId, string title, string category, string unit, decimal target, NormDirection direction, DateOnly? deadline,
        bool illustrative, string? source, Figure value, ReportPeriod period)
    {
        var norm = new KpiNorm(target, direction, deadline);
        var status = value.Suppressed ? NormStatus.Suppressed : value.Value is not { } v ? NormStatus.NoData : norm.IsMetBy(v) ? NormStatus.Met : NormStatus.NotMet;
        return new NormCheck(id, forId, title, category, unit, target, direction, deadline, illustrative, source, value, status, deadline is { } dl && dl <= period.End);
    }

    /// <summary>The norm in force for an id: the first (by deadline) whose deadline has not passed at the end of the period, else the last one.</summary>
    private static NormCheck? InForce(MonitoringDeclarations d, string id, string title, string unit, Figure value, string category, ReportPeriod period)
    {
        var list = d.Norms.Where(n => n.For == id).OrderBy(n => n.Deadline ?? DateOnly.MaxValue).ToList();
        if (list.Count == 0) return null;
        var n = list.FirstOrDefault(x => x.Deadline is null || x.Deadline >= period.End) ?? list[^1];
        return Check(n.Id, id, n.Title ?? title, n.Category ?? category, unit, n.Target, n.Direction == "at_most" ? NormDirection.AtMost : NormDirection.AtLeast,
            n.Deadline, n.Illustrative, n.Source, value, period);
    }

    private static List<IndicatorValue> IndicatorSeries(IndicatorDeclaration ind, MonitoringFigures figures, ReportPeriod period, int count, Suppressor s)
    {
        var byPeriod = new Dictionary<ReportPeriod, IndicatorValue>();
        foreach (var f in ind.Figures)
        {
            if (!ReportPeriod.TryParse(f.Period, out var p) || p.End > period.End) continue;
            byPeriod[p] = new IndicatorValue(p, IndicatorFigure(ind, f.Value, null, s), Reference(ind, p, null), f.Source);
        }
        foreach (var r in figures.Rows.Where(r => r.Id == ind.Id && r.Period.End <= period.End))
            byPeriod[r.Period] = new IndicatorValue(r.Period, IndicatorFigure(ind, r.Value, r.Count, s), Reference(ind, r.Period, r.Reference), r.Note ?? figures.Source);
        return byPeriod.Values.OrderBy(v => v.Period.End).ThenBy(v => v.Period.Start).TakeLast(Math.Max(1, count)).ToList();
    }

    /// <summary>An indicator's value: a count (unit <c>aantal</c>) follows the count rule; any figure resting on fewer people than the threshold is suppressed.</summary>
    private static Figure IndicatorFigure(IndicatorDeclaration ind, decimal value, int? count, Suppressor s)
    {
        if (count is > 0 && count < s.Threshold) return Figure.Hidden;
        if (ind.Unit == "aantal" && value == Math.Floor(value) && value is > 0 and < int.MaxValue) return s.Count((int)value);
        return Figure.Of(value);
    }

    private static decimal? Reference(IndicatorDeclaration ind, ReportPeriod p, decimal? supplied) =>
        supplied ?? ind.References.FirstOrDefault(r => r.Period is not null && ReportPeriod.TryParse(r.Period, out var rp) && rp == p)?.Value;

    /// <summary>The scores of a scale at a review, as a mean over the scale's domains (or the single <c>score</c>).</summary>
    private static decimal? MeanScore(ScaleDeclaration scale, PlanReview review)
    {
        if (!review.Scores.TryGetValue(scale.Id, out var scores) || scores.Count == 0) return null;
        var keys = scale.Domains.Count == 0 ? ["score"] : scale.Domains.Select(x => x.Id).ToList();
        var values = keys.Where(scores.ContainsKey).Select(k => scores[k]).Where(v => v >= scale.Min && v <= scale.Max).ToList();
        return values.Count == 0 ? null : values.Average();
    }

    private static ScaleMoment ScaleAt(ScaleDeclaration scale, List<DoorbraakPlan> all, ReportPeriod p, int months, Suppressor s)
    {
        int improved = 0, worse = 0, n = 0;
        decimal sumStart = 0, sumNow = 0;
        foreach (var plan in all)
        {
            var review = plan.Reviews.Where(r => p.Contains(r.Date) && MomentMonths(r.Moment) == months).OrderBy(r => r.Date).LastOrDefault();
            if (review is null || MeanScore(scale, review) is not { } now) continue;
            var start = plan.Reviews.Where(r => MomentMonths(r.Moment) == 0).OrderBy(r => r.Date).Select(r => MeanScore(scale, r)).FirstOrDefault(v => v is not null);
            if (start is not { } before) continue;
            n++;
            sumStart += before;
            sumNow += now;
            var change = scale.Better == "lower" ? before - now : now - before;
            if (scale.ImprovedBy is { } by ? change >= by : change > 0) improved++;
            else if (scale.ImprovedBy is { } by2 ? change <= -by2 : change < 0) worse++;
        }
        return new ScaleMoment(months, s.Count(n), s.Share(improved, n, n), s.Share(worse, n, n),
            s.Derived(n == 0 ? null : Math.Round(sumStart / n, 2), n), s.Derived(n == 0 ? null : Math.Round(sumNow / n, 2), n));
    }

    private static StapelingMoment StapelingAt(List<DoorbraakPlan> plans, ReportPeriod p, int months, Suppressor s)
    {
        var reviews = plans.Select(pl => pl.Reviews.Where(r => p.Contains(r.Date) && MomentMonths(r.Moment) == months).OrderBy(r => r.Date).LastOrDefault())
            .Where(r => r is not null).Select(r => r!).ToList();
        var n = reviews.Count;
        var provisions = reviews.Sum(r => r.Provisions.Count);
        var professionals = reviews.Sum(r => r.Professionals.Count);
        var serving = reviews.SelectMany(r => r.Provisions.Where(x => x.Goals.Count > 0).Select(x => (Review: r, Provision: x))).ToList();
        var hold = serving.Count(x => x.Provision.Goals.All(g => x.Review.GoalsMet.Contains(g, StringComparer.Ordinal)));
        var goalsShare = months == 0 ? Figure.None : s.Share(hold, serving.Count, reviews.Count(r => r.Provisions.Any(x => x.Goals.Count > 0)));
        return new StapelingMoment(months, s.Count(n), s.Derived(n == 0 ? null : Math.Round((decimal)provisions / n, 1), n),
            s.Derived(n == 0 ? null : Math.Round((decimal)professionals / n, 1), n), goalsShare);
    }
}
