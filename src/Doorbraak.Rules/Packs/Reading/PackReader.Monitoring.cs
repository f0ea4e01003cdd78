using Doorbraak.Rules.Source;
using Doorbraak.Rules.Source.Yaml;

namespace Doorbraak.Rules.Packs;

/// <summary>The monitoring sections one pack declares, as read (see docs/monitoring.md).</summary>
internal sealed class PackMonitoring
{
    public List<IndicatorDeclaration> Indicators { get; } = [];
    public List<ScaleDeclaration> Scales { get; } = [];
    public List<NormDeclaration> Norms { get; } = [];
    public List<BudgetLineDeclaration> Budget { get; } = [];
    public List<CouncilMeeting> CouncilMeetings { get; } = [];

    /// <summary>The declarations of several packs, in their order; meetings sorted, each date once.</summary>
    public static MonitoringDeclarations Combine(IEnumerable<PackMonitoring> packs)
    {
        var list = packs.ToList();
        if (list.All(p => p.Indicators.Count + p.Scales.Count + p.Norms.Count + p.Budget.Count + p.CouncilMeetings.Count == 0)) return MonitoringDeclarations.Empty;
        return new(list.SelectMany(p => p.Indicators).ToList(), list.SelectMany(p => p.Scales).ToList(), list.SelectMany(p => p.Norms).ToList(),
            list.SelectMany(p => p.Budget).ToList(),
            list.SelectMany(p => p.CouncilMeetings).GroupBy(m => m.Date).Select(g => g.First()).OrderBy(m => m.Date).ToList());
    }
}

/// <summary>The monitoring sections: indicators, scales, norms, budget and council meetings.</summary>
internal static partial class PackReader
{
    internal static readonly string[] NormCategories = ["financieel", "kwantitatief", "kwalitatief"];
    private static readonly string[] BetterWords = ["higher", "lower"];
    private static readonly string[] Directions = ["at_least", "at_most"];

    private static void ReadMonitoring(MappingReader r, ItemContext ctx, PackMonitoring into)
    {
        ReadList(r, "indicators", "indicator", (m, _) => ReadIndicator(m, ctx), into.Indicators);
        ReadList(r, "scales", "scale", (m, _) => ReadScale(m, ctx), into.Scales);
        ReadList(r, "norms", "norm", (m, _) => ReadNorm(m, ctx), into.Norms);
        ReadList(r, "budget", "budget line", (m, _) => ReadBudgetLine(m, ctx), into.Budget);
        if (r.Node("council_meetings") is { } node)
        {
            if (node is not YSequence seq)
            {
                ctx.Bag.Report(DiagnosticCatalog.WrongValueKind, node.Start, "'council_meetings' is a list of dates: - 2026-03-12");
                return;
            }
            foreach (var item in seq.Items)
            {
                if (MappingReader.AsDate(item, ctx.Bag, "council_meetings") is { } d)
                {
                    if (into.CouncilMeetings.Any(m => m.Date == d))
                        ctx.Bag.Report(DiagnosticCatalog.MonitoringItemTwice, item.Start, $"The council meeting of {d:yyyy-MM-dd} is listed twice; list each meeting once.");
                    else into.CouncilMeetings.Add(new CouncilMeeting(d, ctx.PackId));
                }
            }
        }
    }

    private static string Word(MappingReader r, string key, string[] allowed, string fallback, ItemContext ctx)
    {
        var w = r.Text(key) ?? fallback;
        if (!allowed.Contains(w, StringComparer.Ordinal))
        {
            ctx.Bag.Report(DiagnosticCatalog.NotAnAllowedWord, r.At(key), $"{key} must be one of {string.Join(", ", allowed)}{Suggest.Hint(w, allowed)}.");
            return fallback;
        }
        return w;
    }

    private static IndicatorDeclaration? ReadIndicator(YMapping m, ItemContext ctx)
    {
        var r = new MappingReader(m, ctx.Bag, "an indicator", PackKeys.Indicator);
        var id = ReadId(r, ctx);
        var title = r.Text("title", required: true);
        var definition = r.Text("definition", required: true);
        var unit = r.Text("unit", required: true);
        var source = r.Text("source", required: true);
        var better = Word(r, "better", BetterWords, "higher", ctx);
        var references = new List<IndicatorReference>();
        foreach (var rm in Mappings(r, "references", "reference", ctx))
        {
            var rr = new MappingReader(rm, ctx.Bag, "a reference", PackKeys.IndicatorReference);
            var label = rr.Text("label", required: true);
            var value = rr.Decimal("value", required: true);
            if (label is not null && value is not null) references.Add(new IndicatorReference(label, value.Value, rr.Text("period"), rr.Text("source")));
        }
        var figures = new List<IndicatorFigure>();
        foreach (var fm in Mappings(r, "figures", "figure", ctx))
        {
            var fr = new MappingReader(fm, ctx.Bag, "a figure", PackKeys.IndicatorFigure);
            var period = fr.Text("period", required: true);
            var value = fr.Decimal("value", required: true);
            var fs = fr.Text("source", required: true);
            if (period is null || value is null) continue;
            if (figures.Any(f => f.Period == period))
                ctx.Bag.Report(DiagnosticCatalog.MonitoringItemTwice, fr.At("period"), $"The indicator has two figures for period {period}; give one figure per period.");
            else figures.Add(new IndicatorFigure(period, value.Value, fs));
        }
        if (id is null || title is null || definition is null || unit is null || source is null) return null;
        return new IndicatorDeclaration(id, ctx.PackId, title, definition, unit, r.Text("set"), source, better, references, figures, m.Start);
    }

    private static ScaleDeclaration? ReadScale(YMapping m, ItemContext ctx)
    {
        var r = new MappingReader(m, ctx.Bag, "a scale", PackKeys.Scale);
        var id = ReadId(r, ctx);
        var title = r.Text("title", required: true);
        var min = r.Decimal("min", required: true);
        var max = r.Decimal("max", required: true);
        var better = Word(r, "better", BetterWords, "higher", ctx);
        var improvedBy = r.Decimal("improved_by");
        if (min is { } lo && max is { } hi && lo >= hi)
        {
            ctx.Bag.Report(DiagnosticCatalog.ScaleRangeEmpty, r.At("max"), $"The scale{(id is null ? "" : $" '{id}'")} has min {lo} and max {hi}; max must be above min, for example min: 1, max: 5.");
            return null;
        }
        if (improvedBy is <= 0)
            ctx.Bag.Report(DiagnosticCatalog.ScaleRangeEmpty, r.At("improved_by"), $"improved_by is the change that counts as improved and must be above 0 (it is {improvedBy}); leave it out to count any change for the better.");
        var domains = new List<ScaleDomain>();
        foreach (var dm in Mappings(r, "domains", "domain", ctx))
        {
            var dr = new MappingReader(dm, ctx.Bag, "a scale domain", PackKeys.ScaleDomain);
            var did = dr.Text("id", required: true);
            var dt = dr.Text("title", required: true);
            if (did is null || dt is null) continue;
            if (domains.Any(d => d.Id == did))
                ctx.Bag.Report(DiagnosticCatalog.MonitoringItemTwice, dr.At("id"), $"The scale domain '{did}' is listed twice; list each domain once.");
            else domains.Add(new ScaleDomain(did, dt));
        }
        if (id is null || title is null || min is null || max is null) return null;
        return new ScaleDeclaration(id, ctx.PackId, title, r.Text("description"), min.Value, max.Value, better, improvedBy, domains, r.Text("source"), m.Start);
    }

    private static NormDeclaration? ReadNorm(YMapping m, ItemContext ctx)
    {
        var r = new MappingReader(m, ctx.Bag, "a norm", PackKeys.Norm);
        var id = ReadId(r, ctx);
        var target = r.Text("for", required: true);
        var category = r.Text("category", required: true);
        if (category is not null && !NormCategories.Contains(category, StringComparer.Ordinal))
        {
            ctx.Bag.Report(DiagnosticCatalog.NotAnAllowedWord, r.At("category"), $"category must be one of {string.Join(", ", NormCategories)}{Suggest.Hint(category, NormCategories)}.");
            category = null;
        }
        var value = r.Decimal("target", required: true);
        var direction = Word(r, "direction", Directions, "at_least", ctx);
        if (id is null || target is null || category is null || value is null) return null;
        return new NormDeclaration(id, ctx.PackId, target, category, value.Value, direction, r.Date("deadline"), r.Text("title"), r.Text("source"),
            r.Bool("illustrative") ?? false, m.Start);
    }

    private static BudgetLineDeclaration? ReadBudgetLine(YMapping m, ItemContext ctx)
    {
        var r = new MappingReader(m, ctx.Bag, "a budget line", PackKeys.BudgetLine);
        var id = ReadId(r, ctx);
        var title = r.Text("title", required: true);
        var amounts = new List<BudgetAmount>();
        if (!r.Has("amounts")) r.ReportMissing("amounts");
        foreach (var am in Mappings(r, "amounts", "amount", ctx))
        {
            var ar = new MappingReader(am, ctx.Bag, "a budget amount", PackKeys.BudgetAmount);
            var year = ar.Decimal("year", required: true);
            var amount = ar.Decimal("amount", required: true);
            if (year is null || amount is null) continue;
            if (year != Math.Floor(year.Value) || year < 1900 || year > 9999)
            {
                ctx.Bag.Report(DiagnosticCatalog.MalformedLiteral, ar.At("year"), $"year must be a calendar year such as 2026, not {year}.");
                continue;
            }
            if (amounts.Any(a => a.Year == (int)year))
                ctx.Bag.Report(DiagnosticCatalog.MonitoringItemTwice, ar.At("year"), $"The budget line has two amounts for {year}; give one amount per year.");
            else amounts.Add(new BudgetAmount((int)year.Value, amount.Value, ar.Text("source"), ar.Bool("illustrative") ?? false));
        }
        if (id is null || title is null) return null;
        return new BudgetLineDeclaration(id, ctx.PackId, title, r.Text("description"), amounts.OrderBy(a => a.Year).ToList(), m.Start);
    }

    /// <summary>The mappings of a list-valued key; reports items that are not mappings.</summary>
    private static IEnumerable<YMapping> Mappings(MappingReader r, string key, string what, ItemContext ctx)
    {
        if (r.Node(key) is not { } node) yield break;
        if (node is not YSequence seq)
        {
            ctx.Bag.Report(DiagnosticCatalog.WrongValueKind, node.Start, $"'{key}' must be a list of {what}s (each item starting with '-').");
            yield break;
        }
        foreach (var item in seq.Items)
        {
            if (item is YMapping im) yield return im;
            else ctx.Bag.Report(DiagnosticCatalog.WrongValueKind, item.Start, $"Each {what} in '{key}' is a mapping, not {item.KindName}.");
        }
    }
}
