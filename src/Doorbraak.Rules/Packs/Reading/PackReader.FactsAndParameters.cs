using Doorbraak.Rules.Source;
using Doorbraak.Rules.Source.Yaml;
using Doorbraak.Rules.Facts;
using Doorbraak.Rules.Conditions.Ast;
using System.Text.RegularExpressions;

namespace Doorbraak.Rules.Packs;

/// <summary>The facts and parameters sections.</summary>
internal static partial class PackReader
{
    private static void ReadFacts(YMapping map, ItemContext ctx, List<FactExtension> into)
    {
        foreach (var (key, value) in map.Entries)
        {
            var dot = key.Value.IndexOf('.');
            var entity = dot > 0 ? key.Value[..dot] : "";
            var name = dot > 0 ? key.Value[(dot + 1)..] : key.Value;
            if (!Entities.Contains(entity))
            {
                ctx.Bag.Report(DiagnosticCatalog.InvalidName, key.Start, $"A fact is named entity.name, with entity one of {string.Join(", ", Entities)}; '{key.Value}' is not{Suggest.Hint(entity, Entities)}.");
                continue;
            }
            if (!Regex.IsMatch(name, "^[a-z][a-z0-9_]*$"))
            {
                ctx.Bag.Report(DiagnosticCatalog.InvalidName, key.Start, $"The fact name '{name}' must be lower case letters, digits and '_' (it is used in expressions).");
                continue;
            }
            if (value is not YMapping vm)
            {
                ctx.Bag.Report(DiagnosticCatalog.WrongValueKind, value.Start, $"The fact '{key.Value}' needs a mapping with type and description.");
                continue;
            }
            var r = new MappingReader(vm, ctx.Bag, $"the fact '{key.Value}'", PackKeys.Fact);
            var typeName = r.Text("type", required: true);
            var type = typeName is null ? null : ScalarType(typeName);
            if (typeName is not null && type is null)
                ctx.Bag.Report(DiagnosticCatalog.UnknownFactType, r.At("type"), $"Unknown type '{typeName}'{Suggest.Hint(typeName, TypeNames)}; use one of {string.Join(", ", TypeNames)}.");
            var description = r.Text("description", required: true);
            var defaultValue = type is not null && r.Node("default") is { } dn ? TypedValueReader.Read(dn, type, ctx.Bag, "default") : null;
            if (type is not null && description is not null)
            {
                into.Add(new FactExtension
                {
                    Entity = entity,
                    Name = name,
                    Type = type,
                    Description = description,
                    Unit = r.Text("unit"),
                    Question = r.Text("question"),
                    Default = defaultValue,
                    PackId = ctx.PackId,
                    Location = key.Start,
                });
            }
        }
    }

    private static ParameterDefinition? ReadParameter(YMapping m, string? namedId, ItemContext ctx)
    {
        var r = new MappingReader(m, ctx.Bag, $"the parameter '{namedId}'", PackKeys.Parameter);
        var id = ReadId(r, ctx, namedId, parameter: true);
        var title = r.Text("title", required: true);
        var typeName = r.Text("type", required: true);
        var type = typeName is null ? null : ScalarType(typeName);
        if (typeName is not null && type is null)
            ctx.Bag.Report(DiagnosticCatalog.UnknownFactType, r.At("type"), $"Unknown type '{typeName}'{Suggest.Hint(typeName, TypeNames)}; use one of {string.Join(", ", TypeNames)}.");
        var source = ReadCitation(r, "source", ctx, required: false, allowText: true);
        var addsTo = r.Text("adds_to");
        var values = new List<ParameterValue>();
        if (r.Sequence("values", required: true) is { } seq && type is not null)
        {
            foreach (var vm in MappingsIn(seq, ctx, "Each value is a mapping: { from: 2026-01-01, value: 1401.50, source: \"Normenbrief\" }."))
            {
                var vr = new MappingReader(vm, ctx.Bag, "a parameter value", PackKeys.ParameterValue);
                var from = vr.Date("from", required: true);
                var to = vr.Date("to");
                var valueNode = vr.Node("value");
                if (valueNode is null) vr.ReportMissing("value");
                var value = valueNode is null ? (FactValue?)null : TypedValueReader.Read(valueNode, type, ctx.Bag, "value");
                if (from is { } f && to is { } t && t < f)
                    ctx.Bag.Report(DiagnosticCatalog.PeriodEndsBeforeStart, vr.At("to"), $"'to' ({t:yyyy-MM-dd}) is before 'from' ({f:yyyy-MM-dd}).");
                var periodSource = vr.Text("source");
                if (addsTo is not null && periodSource is null)
                    ctx.Bag.Report(DiagnosticCatalog.AddedPeriodWithoutSource, vm.Start, $"The period{(from is { } af ? $" from {af:yyyy-MM-dd}" : "")} is added to {addsTo}'s parameter '{namedId}' without a source; add source: \"...\" naming where the value is published (Staatscourant, Normenbrief, ...).");
                if (from is not null && value is not null)
                    values.Add(new ParameterValue(from.Value, to, value.Value, periodSource, vr.Bool("illustrative") ?? false, vm.Start));
            }
            values.Sort((a, b) => a.From.CompareTo(b.From));
            for (var i = 1; i < values.Count; i++)
            {
                var prev = values[i - 1];
                if (prev.To is null || prev.To.Value >= values[i].From)
                    ctx.Bag.Report(DiagnosticCatalog.OverlappingPeriods, values[i].Location, $"The period from {values[i].From:yyyy-MM-dd} overlaps the period from {prev.From:yyyy-MM-dd}{(prev.To is null ? " (which has no 'to')" : $" to {prev.To:yyyy-MM-dd}")}; give the earlier value a 'to' before {values[i].From:yyyy-MM-dd}.");
            }
        }
        if (id is null || title is null || type is null) return null;
        var unit = r.Text("unit") ?? (typeName is "age" or "leeftijd" ? "jaar" : null);
        var parameter = WithLayering(new ParameterDefinition(id, ctx.PackId, m.Start)
        {
            Title = title, Type = type, Unit = unit, Source = source, Values = values, AddsTo = addsTo, AddsToLocation = addsTo is null ? default : r.At("adds_to"),
        }, r, ctx);
        if (addsTo is not null && parameter.Overrides is not null)
            ctx.Bag.Report(DiagnosticCatalog.AddsToInvalid, r.At("adds_to"), $"The parameter '{id}' both adds periods to {addsTo} ('adds_to') and overrides it ('overrides'); use one: adds_to only adds periods, overrides replaces the periods it gives.");
        return parameter;
    }

    /// <summary>
    /// The scalar type with this name. <c>age</c> (or <c>leeftijd</c>) is a number of years that may be written in years and
    /// months (<c>{ years: 67, months: 3 }</c>); a person's <c>leeftijd</c> is compared with it exactly to the day.
    /// </summary>
    private static FactType? ScalarType(string name) => name is "age" or "leeftijd" ? FactType.Number : FactType.FromName(name);

    /// <summary>The type names the reader accepts.</summary>
    private static IReadOnlyList<string> TypeNames { get; } = [.. FactType.ScalarNames, "age"];
}
