using Doorbraak.Rules.Source;
using Doorbraak.Rules.Source.Yaml;
using Doorbraak.Rules.Conditions.Ast;

namespace Doorbraak.Rules.Packs;

/// <summary>The deviations section: a deviation, its limits and its change.</summary>
internal static partial class PackReader
{
    private static DeviationDefinition? ReadDeviation(YMapping m, ItemContext ctx)
    {
        var r = new MappingReader(m, ctx.Bag, "a deviation", PackKeys.Deviation);
        var id = ReadId(r, ctx);
        var title = r.Text("title", required: true);
        var deviates = r.Text("deviates", required: true);
        DeviationChange? change = null;
        if (r.Mapping("change", required: true) is { } cm)
            change = ReadChange(cm, ctx);
        var basis = ReadCitation(r, "basis", ctx, required: true);
        if (basis is not null && basis.Kind is null && ctx.Format >= 2)
            ctx.Bag.Report(DiagnosticCatalog.BasisKindMissing, basis.Location,
                $"The basis of the deviation{(id is null ? "" : $" '{id}'")} does not say its kind; add 'kind:' with one of {string.Join(", ", BasisKinds.Levels)}, so that the loader can check that it fits the rule's force.");
        var allowed = r.Expression("allowed");
        var limits = ReadLimits(r, ctx);
        var (mandate, ladder) = ReadMandateForm(r, ctx);
        var review = ReadReview(r, ctx);
        if (id is null || title is null || deviates is null || change is null || basis is null || mandate is null) return null;
        var deviation = new DeviationDefinition(id, ctx.PackId, m.Start)
        {
            Title = title,
            Deviates = deviates,
            Change = change,
            Basis = basis,
            Allowed = allowed,
            Limits = limits,
            Mandate = mandate,
            Ladder = ladder,
            MandateLocation = r.At("mandate"),
            Decider = r.Text("decider") ?? Mandates.Municipality,
            DeciderLocation = r.At("decider"),
            Deliver = r.TextList("deliver"),
            Document = r.TextList("document"),
            Review = review,
            Motivation = r.Text("motivation"),
            CostNote = r.Text("cost_note"),
            Breaks = r.TextList("breaks"),
        };
        return WithLayering(deviation, r, ctx);
    }

    private static DeviationChange? ReadChange(YMapping cm, ItemContext ctx)
    {
        var r = new MappingReader(cm, ctx.Bag, "'change'", PackKeys.Change);
        var present = PackKeys.Change.All.Where(k => k != "value" && r.Has(k)).ToList();
        if (present.Count != 1)
        {
            ctx.Bag.Report(DiagnosticCatalog.ChangeKindNotOne, cm.Start, "change needs exactly one of: suspend, parameter (with value), set, postpone, waive, spread, exempt.");
            return null;
        }
        switch (present[0])
        {
            case "suspend":
            case "exempt":
                if (r.Bool(present[0]) != true)
                {
                    ctx.Bag.Report(DiagnosticCatalog.ChangeFlagNotTrue, r.At(present[0]), $"Write '{present[0]}: true'.");
                    return null;
                }
                return new DeviationChange(present[0] == "suspend" ? ChangeKind.Suspend : ChangeKind.Exempt, cm.Start);
            case "parameter":
                var pid = r.Text("parameter");
                var value = r.Expression("value", required: true);
                return pid is null || value is null ? null : new DeviationChange(ChangeKind.Parameter, cm.Start) { ParameterId = pid, Value = value };
            case "set":
                var sets = ReadDeterminations(r, "set", ctx);
                if (sets.Count == 0 && r.Node("set") is YMapping { Entries.Count: 0 })
                    ctx.Bag.Report(DiagnosticCatalog.SetNamesNoFact, r.At("set"), "'set' names no fact; write set: { huishouden.x: <expression> } with at least one fact the rule determines.");
                return sets.Count == 0 ? null : new DeviationChange(ChangeKind.Set, cm.Start) { Sets = sets };
            case "postpone":
                return r.Duration("postpone") is { } p ? new DeviationChange(ChangeKind.Postpone, cm.Start) { Postpone = p } : null;
            case "waive":
                return r.Text("waive") is { } wf ? new DeviationChange(ChangeKind.Waive, cm.Start) { Fact = wf } : null;
            default:
                if (r.Mapping("spread") is not { } sm) return null;
                var sr = new MappingReader(sm, ctx.Bag, "'spread'", PackKeys.Spread);
                var fact = sr.Text("fact", required: true);
                var months = sr.Decimal("months", required: true);
                if (months is { } mo && (mo < 1 || mo != Math.Floor(mo)))
                {
                    ctx.Bag.Report(DiagnosticCatalog.CountBelowOne, sr.At("months"), "months must be a whole number of at least 1.");
                    return null;
                }
                return fact is null || months is null ? null : new DeviationChange(ChangeKind.Spread, cm.Start) { Fact = fact, SpreadMonths = (int)months.Value };
        }
    }
}
