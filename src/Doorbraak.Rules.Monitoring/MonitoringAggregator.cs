using System.Globalization;

namespace Doorbraak.Rules.Monitoring;

/// <summary>Options for a monitoring report.</summary>
public sealed class MonitoringOptions
{
    /// <summary>Counts below this number are suppressed in every output, and so is every share, mean, median or sum resting on fewer households. <value>Default: 5.</value></summary>
    public int SuppressionThreshold { get; init; } = 5;

    /// <summary>How many periods the trend shows, the report's period included. <value>Default: 4.</value></summary>
    public int TrendPeriods { get; init; } = 4;

    /// <summary>The report's title. <value>Default: "Monitor doorbraakaanpak".</value></summary>
    public string Title { get; init; } = "Monitor doorbraakaanpak";

    /// <summary>The date the report is made (shown in it). <value>Default: the end of the report's period.</value></summary>
    public DateOnly? GeneratedOn { get; init; }

    /// <summary>The host's figures for the population indicators and budget lines (<see cref="MonitoringFigures.Load"/>). <value>Default: none.</value></summary>
    public MonitoringFigures Figures { get; init; } = MonitoringFigures.None;
}

/// <summary>
/// Computes KPI values over doorbraakplannen and their reviews that the host supplies (the library stores nothing), per period,
/// against their norms and with the trend, suppressing small numbers. See docs/monitoring.md for each measure.
/// </summary>
/// <threadsafety>Stateless and thread-safe.</threadsafety>
public static partial class MonitoringAggregator
{
    /// <summary>Computes the monitoring of <paramref name="period"/> (and the periods before it, for the trend).</summary>
    /// <param name="catalog">The KPIs and domains (<see cref="KpiCatalog.FromPackSet"/>).</param>
    /// <param name="plans">Every plan the host has, with its reviews; each measure picks the plans and reviews of a period itself.</param>
    /// <param name="period">The report's period.</param>
    /// <param name="options">Threshold, number of trend periods, title.</param>
    public static MonitoringReport Compute(KpiCatalog catalog, IEnumerable<DoorbraakPlan> plans, ReportPeriod period, MonitoringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(plans);
        options ??= new MonitoringOptions();
        if (options.SuppressionThreshold < 1) throw new ArgumentOutOfRangeException(nameof(options), "The suppression threshold must be at least 1.");
        var all = plans.ToList();
        var s = new Suppressor(options.SuppressionThreshold);
        var periods = ReportPeriod.MeetingsUpTo(catalog.Declarations.CouncilMeetings.Select(m => m.Date).ToList(), period, options.TrendPeriods);
        var problems = new List<string>();
        var results = new List<KpiResult>();
        foreach (var kpi in catalog.Kpis)
        {
            var problem = KpiCatalog.MeasureProblem(kpi);
            if (problem is not null)
            {
                problems.Add(problem);
                results.Add(new KpiResult(kpi, periods.Select(p => new KpiPeriodValue(p, Figure.None, Figure.None)).ToList(), NormStatus.Invalid,
                    TrendDirection.Unknown, null, [], problem));
                continue;
            }
            var series = new List<KpiPeriodValue>();
            IReadOnlyList<KpiBreakdownRow> breakdown = [];
            foreach (var p in periods)
            {
                var m = Measure(kpi, catalog, all, p, s);
                series.Add(new KpiPeriodValue(p, m.Value, m.Households));
                if (p == period) breakdown = m.Rows;
            }
            results.Add(Judge(kpi, series, breakdown));
        }

        var cohort = all.Where(pl => period.Contains(pl.BreakthroughDate)).ToList();
        var reviews = all.Sum(pl => pl.Reviews.Count(r => period.Contains(r.Date) && MomentMonths(r.Moment) != 0));
        var sections = Sections(catalog, all, period, periods, options, s, results, problems);
        return new MonitoringReport(options.Title, period, periods, options.SuppressionThreshold, options.GeneratedOn ?? period.End,
            s.Count(cohort.Count), s.Count(reviews), results, CostByPayer(cohort, s), problems)
        {
            Indicators = sections.Indicators,
            Scales = sections.Scales,
            Stapeling = sections.Stapeling,
            Norms = sections.Norms,
            Budget = sections.Budget,
            FiguresSource = options.Figures.Rows.Count > 0 ? options.Figures.Source : null,
        };
    }

    private static KpiResult Judge(KpiSpec kpi, List<KpiPeriodValue> series, IReadOnlyList<KpiBreakdownRow> breakdown)
    {
        var current = series[^1].Value;
        var status = current.Suppressed ? NormStatus.Suppressed
            : current.Value is not { } v ? NormStatus.NoData
            : kpi.Norm is null ? NormStatus.NoNorm
            : kpi.Norm.IsMetBy(v) ? NormStatus.Met : NormStatus.NotMet;
        var trend = TrendDirection.Unknown;
        bool? better = null;
        if (series.Count > 1 && series[^2].Value.Value is { } before && current.Value is { } now)
        {
            trend = now > before ? TrendDirection.Up : now < before ? TrendDirection.Down : TrendDirection.Equal;
            if (kpi.Norm is not null && trend != TrendDirection.Equal)
                better = (trend == TrendDirection.Up) == (kpi.Norm.Direction == NormDirection.AtLeast);
        }
        return new KpiResult(kpi, series, status, trend, better, breakdown, null);
    }

    private sealed record Measured(Figure Value, Figure Households, IReadOnlyList<KpiBreakdownRow> Rows);

    private static Measured Measure(KpiSpec kpi, KpiCatalog catalog, List<DoorbraakPlan> all, ReportPeriod p, Suppressor s)
    {
        var cohort = all.Where(pl => p.Contains(pl.BreakthroughDate)).ToList();
        switch (kpi.Measure)
        {
            case KpiMeasures.CasesStarted:
            {
                var n = all.Count(pl => p.Contains(pl.FirstContact ?? pl.BreakthroughDate));
                return new(s.Count(n), s.Count(n), []);
            }
            case KpiMeasures.CasesClosed:
            {
                var n = all.Count(pl => pl.Reviews.Any(r => r.Closed && p.Contains(r.Date)));
                return new(s.Count(n), s.Count(n), []);
            }
            case KpiMeasures.CollisionsByDomain:
                return Counted(kpi, s, cohort.Select((pl, i) => (i, pl.Collisions.Select(c => new[] { catalog.DomainOf(c) }).ToList())), k => k);
            case KpiMeasures.CollisionsByRule:
                return Counted(kpi, s, cohort.Select((pl, i) => (i, pl.Collisions.Select(c => c.Rules.Distinct(StringComparer.Ordinal).ToArray()).ToList())),
                    k => catalog.RuleTitle(k) is var title && title != k ? $"{title} ({k})" : k);
            case KpiMeasures.DeviationsByBasis:
                return Counted(kpi, s, cohort.Select((pl, i) => (i, Granted(pl).Select(d => d.Basis.Distinct(StringComparer.Ordinal).ToArray()).ToList())), k => k);
            case KpiMeasures.DeviationsByMandate:
                return Counted(kpi, s, cohort.Select((pl, i) => (i, Granted(pl).Select(d => new[] { d.Mandate }).ToList())), k => k);
            case KpiMeasures.DaysToBreakthrough:
            {
                var days = cohort.Where(pl => pl.FirstContact is not null)
                    .Select(pl => (decimal)(pl.BreakthroughDate.DayNumber - pl.FirstContact!.Value.DayNumber)).Order().ToList();
                return new(s.Derived(Median(days), days.Count), s.Count(days.Count), []);
            }
            case KpiMeasures.CostCurrentVsBreakthrough:
                return Cost(kpi, cohort, s);
            case KpiMeasures.GoalsMetShare6m:
            case KpiMeasures.GoalsMetShare12m:
            {
                var months = kpi.Measure == KpiMeasures.GoalsMetShare6m ? 6 : 12;
                var reviews = LatestReviews(all, p, months).Where(r => r.GoalsMet.Count + r.GoalsNotMet.Count > 0).ToList();
                var met = reviews.Sum(r => r.GoalsMet.Count);
                var total = reviews.Sum(r => r.GoalsMet.Count + r.GoalsNotMet.Count);
                return new(s.Share(met, total, reviews.Count), s.Count(reviews.Count), []);
            }
            case KpiMeasures.RecurrenceShare:
            {
                var reviews = LatestReviews(all, p, 12).ToList();
                return new(s.Share(reviews.Count(r => r.Recurrence), reviews.Count, reviews.Count), s.Count(reviews.Count), []);
            }
            case KpiMeasures.SelfRelianceChange:
                return SelfReliance(kpi, LatestReviews(all, p, null).ToList(), s);
            default:
                throw new InvalidOperationException($"Measure '{kpi.Measure}' is not implemented.");
        }
    }

    private static IEnumerable<RecordedDecision> Granted(DoorbraakPlan plan) => plan.Decisions.Where(d => d.Outcome != DecisionOutcome.Rejected);

    /// <summary>Each plan's latest review dated in the period (at the given moment in months, or any moment).</summary>
    private static IEnumerable<PlanReview> LatestReviews(List<DoorbraakPlan> all, ReportPeriod p, int? months) =>
        all.Select(pl => pl.Reviews.Where(r => p.Contains(r.Date) && (months is null ? MomentMonths(r.Moment) != 0 : MomentMonths(r.Moment) == months))
                .OrderBy(r => r.Date).LastOrDefault())
            .Where(r => r is not null)!;

    /// <summary>The months of a review moment: <c>6m</c>, <c>12m</c>, <c>P6M</c>, <c>6 maanden</c>.</summary>
    internal static int? MomentMonths(string moment)
    {
        if (moment.Trim().Equals("start", StringComparison.OrdinalIgnoreCase)) return 0;
        var t = moment.Trim().TrimStart('P', 'p');
        var digits = new string(t.TakeWhile(char.IsAsciiDigit).ToArray());
        return digits.Length is > 0 and < 4 ? int.Parse(digits, CultureInfo.InvariantCulture) : null;
    }

    private static decimal? Median(List<decimal> sorted) => sorted.Count == 0 ? null
        : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2m;

    /// <summary>Counts items (each with one or more keys) per key; the value is the number of items (or of the filtered key's items).</summary>
    private static Measured Counted(KpiSpec kpi, Suppressor s, IEnumerable<(int Plan, List<string[]> Items)> plans, Func<string, string> label)
    {
        var perKey = new Dictionary<string, KeyCount>(StringComparer.Ordinal);
        var items = 0;
        var households = new HashSet<int>();
        foreach (var (plan, list) in plans)
        {
            foreach (var keys in list)
            {
                items++;
                households.Add(plan);
                foreach (var k in keys)
                {
                    if (!perKey.TryGetValue(k, out var e)) perKey[k] = e = new KeyCount();
                    e.Count++;
                    e.Households.Add(plan);
                }
            }
        }
        var rows = perKey.OrderByDescending(kv => kv.Value.Count).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => new KpiBreakdownRow(kv.Key, label(kv.Key), s.Count(kv.Value.Count, kv.Value.Households.Count), s.Count(kv.Value.Households.Count)))
            .ToList();
        rows = Secondary(rows, r => perKey[r.Key].Count);
        if (kpi.Filter is { } f)
        {
            var (count, hh) = perKey.TryGetValue(f, out var e) ? (e.Count, e.Households.Count) : (0, 0);
            var row = rows.FirstOrDefault(r => r.Key == f);
            return new(row?.Value ?? s.Count(count, hh), row?.Households ?? s.Count(hh), rows);
        }
        return new(s.Count(items, households.Count), s.Count(households.Count), rows);
    }

    private sealed class KeyCount
    {
        public int Count { get; set; }
        public HashSet<int> Households { get; } = [];
    }

    /// <summary>
    /// Secondary suppression: when exactly one row of a breakdown is suppressed, the smallest shown row is suppressed too,
    /// so that the suppressed row cannot be computed back from the total.
    /// </summary>
    private static List<KpiBreakdownRow> Secondary(List<KpiBreakdownRow> rows, Func<KpiBreakdownRow, decimal> size)
    {
        if (rows.Count(r => r.Value.Suppressed) != 1) return rows;
        var smallest = rows.Where(r => !r.Value.Suppressed).OrderBy(size).ThenBy(r => r.Key, StringComparer.Ordinal).FirstOrDefault();
        if (smallest is null) return rows;
        return rows.Select(r => ReferenceEquals(r, smallest) ? r with { Value = Figure.Hidden, Households = Figure.Hidden } : r).ToList();
    }

    // A cost line with an unknown figure cannot be measured: it is left out of the cost figures, never counted as 0.
    private static IEnumerable<CostLine> Known(IEnumerable<CostLine> lines) => lines.Where(l => l.CurrentMonthly is not null && l.ProposalMonthly is not null);

    private static decimal YearlySaving(IEnumerable<CostLine> lines) => Known(lines).Sum(l => l.CurrentMonthly!.Value - l.ProposalMonthly!.Value) * 12m;

    private static Measured Cost(KpiSpec kpi, List<DoorbraakPlan> cohort, Suppressor s)
    {
        var byPayer = cohort.SelectMany(pl => pl.Cost.Lines.GroupBy(l => l.Payer, StringComparer.Ordinal).Select(g => (g.Key, Saving: YearlySaving(g))))
            .GroupBy(x => x.Key, StringComparer.Ordinal)
            .Select(g => (Payer: g.Key, Households: g.Count(), Mean: g.Average(x => x.Saving)))
            .OrderBy(x => x.Payer, StringComparer.Ordinal).ToList();
        var rows = byPayer.Select(x => new KpiBreakdownRow(x.Payer, x.Payer, s.Derived(Math.Round(x.Mean, 2), x.Households), s.Count(x.Households))).ToList();
        rows = Secondary(rows, r => byPayer.First(x => x.Payer == r.Key).Households);
        if (kpi.Filter is { } f)
        {
            var row = rows.FirstOrDefault(r => r.Key == f);
            return new(row?.Value ?? Figure.None, row?.Households ?? Figure.Of(0), rows);
        }
        var savings = cohort.Select(pl => YearlySaving(pl.Cost.Lines)).ToList();
        return new(s.Derived(savings.Count == 0 ? null : Math.Round(savings.Average(), 2), savings.Count), s.Count(savings.Count), rows);
    }

    private static Measured SelfReliance(KpiSpec kpi, List<PlanReview> reviews, Suppressor s)
    {
        var perHousehold = new List<decimal>();
        var perDomain = new Dictionary<string, List<decimal>>(StringComparer.Ordinal);
        foreach (var r in reviews)
        {
            var changes = new List<decimal>();
            foreach (var (domain, before) in r.SelfRelianceBefore)
            {
                if (!r.SelfRelianceAfter.TryGetValue(domain, out var after)) continue;
                changes.Add(after - before);
                if (!perDomain.TryGetValue(domain, out var list)) perDomain[domain] = list = [];
                list.Add(after - before);
            }
            if (changes.Count > 0) perHousehold.Add(changes.Average());
        }
        var order = KpiMeasures.ZrmDomains.Select(d => d.Key).ToList();
        var rows = perDomain.OrderBy(kv => order.IndexOf(kv.Key) is var i && i < 0 ? int.MaxValue : i).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => new KpiBreakdownRow(kv.Key, KpiMeasures.ZrmDomains.FirstOrDefault(d => d.Key == kv.Key).Title ?? kv.Key,
                s.Derived(Math.Round(kv.Value.Average(), 2), kv.Value.Count), s.Count(kv.Value.Count)))
            .ToList();
        if (kpi.Filter is { } f)
        {
            var row = rows.FirstOrDefault(r => r.Key == f);
            return new(row?.Value ?? Figure.None, row?.Households ?? Figure.Of(0), rows);
        }
        return new(s.Derived(perHousehold.Count == 0 ? null : Math.Round(perHousehold.Average(), 2), perHousehold.Count), s.Count(perHousehold.Count), rows);
    }

    private static List<PayerCost> CostByPayer(List<DoorbraakPlan> cohort, Suppressor s)
    {
        var rows = cohort.SelectMany(pl => pl.Cost.Lines.GroupBy(l => l.Payer, StringComparer.Ordinal)
                .Select(g => (Payer: g.Key, Current: Known(g).Sum(l => l.CurrentMonthly!.Value) * 12m, Breakthrough: Known(g).Sum(l => l.ProposalMonthly!.Value) * 12m)))
            .GroupBy(x => x.Payer, StringComparer.Ordinal)
            .Select(g => (Payer: g.Key, Households: g.Count(), Current: g.Sum(x => x.Current), Breakthrough: g.Sum(x => x.Breakthrough)))
            .OrderByDescending(x => x.Current).ThenBy(x => x.Payer, StringComparer.Ordinal).ToList();
        var result = rows.Select(x => Payer(x.Payer, x.Households, x.Current, x.Breakthrough, s)).ToList();
        if (result.Count(r => r.Households.Suppressed) == 1)
        {
            var smallest = rows.Where(x => x.Households >= s.Threshold).OrderBy(x => x.Households).ThenBy(x => x.Payer, StringComparer.Ordinal).Select(x => x.Payer).FirstOrDefault();
            if (smallest is not null)
                result = result.Select(r => r.Payer == smallest ? new PayerCost(r.Payer, Figure.Hidden, Figure.Hidden, Figure.Hidden, Figure.Hidden, Figure.Hidden) : r).ToList();
        }
        var totalCurrent = cohort.Sum(pl => Known(pl.Cost.Lines).Sum(l => l.CurrentMonthly!.Value)) * 12m;
        var totalBreakthrough = cohort.Sum(pl => Known(pl.Cost.Lines).Sum(l => l.ProposalMonthly!.Value)) * 12m;
        result.Add(Payer("totaal", cohort.Count, totalCurrent, totalBreakthrough, s));
        return result;
    }

    private static PayerCost Payer(string payer, int households, decimal current, decimal breakthrough, Suppressor s) =>
        new(payer, s.Count(households), s.Derived(current, households), s.Derived(breakthrough, households), s.Derived(current - breakthrough, households),
            s.Derived(households == 0 ? null : Math.Round((current - breakthrough) / households, 2), households));

    /// <summary>The suppression rules (docs/monitoring.md, "Kleine aantallen").</summary>
    internal sealed class Suppressor(int threshold)
    {
        public int Threshold { get; } = threshold;

        /// <summary>A count: shown when 0 or at least the threshold; an item count is also hidden when it comes from fewer households than the threshold.</summary>
        public Figure Count(int count, int? households = null) =>
            (count > 0 && count < Threshold) || (households is > 0 && households < Threshold) ? Figure.Hidden : Figure.Of(count);

        /// <summary>A mean, median or sum: hidden when it rests on fewer households than the threshold; no data without households.</summary>
        public Figure Derived(decimal? value, int households) =>
            households == 0 || value is null ? Figure.None : households < Threshold ? Figure.Hidden : Figure.Of(value.Value);

        /// <summary>A share in percent: hidden when it rests on too few households, or when the part or the rest is a small count.</summary>
        public Figure Share(int part, int whole, int households)
        {
            if (whole == 0 || households == 0) return Figure.None;
            if (households < Threshold || (part > 0 && part < Threshold) || (whole - part > 0 && whole - part < Threshold)) return Figure.Hidden;
            return Figure.Of(Math.Round(100m * part / whole, 1));
        }
    }
}
