using Doorbraak.Rules.Source;
using Doorbraak.Rules.Source.Yaml;
using Doorbraak.Rules.Conditions.Ast;

namespace Doorbraak.Rules.Packs;

/// <summary>The costs, KPIs and tests sections.</summary>
internal static partial class PackReader
{
    private static CostDefinition? ReadCost(YMapping m, ItemContext ctx)
    {
        var r = new MappingReader(m, ctx.Bag, "a cost", PackKeys.Cost);
        var id = ReadId(r, ctx);
        var title = r.Text("title", required: true);
        var payer = r.Text("payer", required: true);
        var (monthly, once) = ReadOnceOrMonthly(r, ctx);
        var forEach = ReadForEach(r, ctx);
        if (id is null || title is null || payer is null || monthly is null) return null;
        return WithLayering(new CostDefinition(id, ctx.PackId, m.Start)
        {
            Title = title, Payer = payer, Monthly = monthly, Once = once, When = r.Expression("when"), ForEach = forEach, Source = r.Text("source"),
        }, r, ctx);
    }

    private static KpiDefinition? ReadKpi(YMapping m, ItemContext ctx)
    {
        var r = new MappingReader(m, ctx.Bag, "a KPI", PackKeys.Kpi);
        var id = ReadId(r, ctx);
        var title = r.Text("title", required: true);
        var measure = r.Text("measure", required: true);
        KpiNormDeclaration? norm = null;
        if (r.Mapping("norm") is { } nm)
        {
            var nr = new MappingReader(nm, ctx.Bag, "'norm'", PackKeys.KpiNorm);
            var target = nr.Decimal("target", required: true);
            var direction = nr.Text("direction") ?? "at_least";
            if (direction is not ("at_least" or "at_most")) ctx.Bag.Report(DiagnosticCatalog.NotAnAllowedWord, nr.At("direction"), "direction must be at_least or at_most.");
            if (target is not null) norm = new KpiNormDeclaration(target.Value, direction, nr.Date("deadline"));
        }
        if (id is null || title is null || measure is null) return null;
        return WithLayering(new KpiDefinition(id, ctx.PackId, m.Start)
        {
            Title = title,
            Measure = measure,
            Description = r.Text("description"),
            Unit = r.Text("unit"),
            Norm = norm,
            Source = r.Text("source"),
            Filter = r.Text("filter"),
        }, r, ctx);
    }

    private static List<(string, YScalar)> Scalars(YMapping m, ItemContext ctx)
    {
        var list = new List<(string, YScalar)>();
        foreach (var (k, v) in m.Entries)
        {
            if (v is YScalar sv) list.Add((k.Value, sv));
            else ctx.Bag.Report(DiagnosticCatalog.WrongValueKind, v.Start, $"The expected value of '{k.Value}' must be a single value.");
        }
        return list;
    }

    private static PackTestCase? ReadTest(YMapping m, ItemContext ctx)
    {
        var r = new MappingReader(m, ctx.Bag, "a test", PackKeys.Test);
        var name = r.Text("name", required: true);
        var date = r.Date("date", required: true);
        var household = r.Mapping("household", required: true);
        var expectMap = r.Mapping("expect", required: true);
        PackTestExpectation? expect = null;
        if (expectMap is not null)
        {
            var er = new MappingReader(expectMap, ctx.Bag, "'expect'", PackKeys.Expect);
            List<string>? L(string k) => er.Node(k) is null && !er.Map.Entries.Any(e => e.Key.Value == k) ? null : er.TextList(k);
            var facts = new List<(string, YScalar)>();
            if (er.Mapping("facts") is { } fm)
            {
                foreach (var (k, v) in fm.Entries)
                {
                    if (v is YScalar sv) facts.Add((k.Value, sv));
                    else ctx.Bag.Report(DiagnosticCatalog.WrongValueKind, v.Start, $"The expected value of '{k.Value}' must be a single value.");
                }
            }
            var details = new List<(string, IReadOnlyList<(string, YScalar)>)>();
            if (er.Mapping("proposal_details") is { } pd)
            {
                foreach (var (k, v) in pd.Entries)
                {
                    if (v is not YMapping vm)
                    {
                        ctx.Bag.Report(DiagnosticCatalog.WrongValueKind, v.Start, $"The details expected for '{k.Value}' are a mapping such as {{ mandate: teamleider, cost_difference: -1200 }}.");
                        continue;
                    }
                    _ = new MappingReader(vm, ctx.Bag, "'proposal_details'", PackKeys.ProposalDetails);
                    details.Add((k.Value, Scalars(vm, ctx)));
                }
            }
            var notProposed = new List<(string, YScalar)>();
            if (er.Mapping("not_proposed") is { } np)
            {
                foreach (var (k, v) in np.Entries)
                {
                    if (v is YScalar sv) notProposed.Add((k.Value, sv));
                    else ctx.Bag.Report(DiagnosticCatalog.WrongValueKind, v.Start, $"The reason expected for '{k.Value}' is one word, such as not-allowed.");
                }
            }
            var factsAfter = new List<(string, IReadOnlyList<(string, YScalar)>)>();
            if (er.Mapping("facts_after") is { } fa)
            {
                foreach (var (k, v) in fa.Entries)
                {
                    if (v is YMapping vm) factsAfter.Add((k.Value, Scalars(vm, ctx)));
                    else ctx.Bag.Report(DiagnosticCatalog.WrongValueKind, v.Start, $"The facts expected after '{k.Value}' are a mapping such as {{ huishouden.x: true }}.");
                }
            }
            expect = new PackTestExpectation(L("applied"), L("not_applied"), facts, L("goals_failing"), L("collisions"), L("proposals"), L("missing"))
            {
                ProposalDetails = details,
                NotProposed = notProposed,
                FactsAfter = factsAfter,
            };
        }
        if (name is null || date is null || household is null || expect is null) return null;
        return new PackTestCase(name, ctx.PackId, m.Start, date.Value, household, expect, r.TextList("keywords"));
    }
}
