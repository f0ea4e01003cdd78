using Doorbraak.Rules.Source;
using Doorbraak.Rules.Source.Yaml;

namespace Doorbraak.Rules.Facts;

/// <summary>Reads a literal of a known fact type from a YAML node, with the strict rules (no yes/on, real dates, quoted text stays text).</summary>
internal static class TypedValueReader
{
    /// <summary>
    /// An age in years and months, <c>{ years: 67, months: 3 }</c>, as a number of years (67 + 3/12). Comparisons of a
    /// person's <c>leeftijd</c> with it are exact to the day (see the condition language); the months are 0 to 11.
    /// </summary>
    private static FactValue? ReadAge(YMapping map, DiagnosticBag bag, string key)
    {
        var r = new MappingReader(map, bag, $"the age '{key}'", MappingKeys.Age);
        var years = r.Decimal("years", required: true);
        var months = r.Decimal("months") ?? 0;
        if (years is not { } y) return null;
        if (y < 0 || y != decimal.Truncate(y) || months < 0 || months > 11 || months != decimal.Truncate(months))
        {
            bag.Report(DiagnosticCatalog.MalformedLiteral, map.Start, $"An age is whole years and 0 to 11 whole months, such as {{ years: 67, months: 3 }}; '{key}' is not.");
            return null;
        }
        return FactValue.Number(y + months / 12m);
    }

    /// <summary>Reads a literal value of a known type with the strict rules.</summary>
    public static FactValue? Read(YNode node, FactType type, DiagnosticBag bag, string key)
    {
        switch (type.Kind)
        {
            case FactKind.Boolean:
                return MappingReader.AsBool(node, bag, key) is { } b ? FactValue.Bool(b) : null;
            case FactKind.Number when node is YMapping age:
                return ReadAge(age, bag, key);
            case FactKind.Number:
                return MappingReader.AsDecimal(node, bag, key) is { } n ? FactValue.Number(n) : null;
            case FactKind.Money:
                return MappingReader.AsDecimal(node, bag, key) is { } mo ? FactValue.Money(mo) : null;
            case FactKind.Date:
                return MappingReader.AsDate(node, bag, key) is { } d ? FactValue.Date(d) : null;
            case FactKind.Duration:
                return MappingReader.AsDuration(node, bag, key) is { } du ? FactValue.Duration(du.Item1, du.Item2) : null;
            case FactKind.Text:
                return MappingReader.AsText(node, bag, key) is { } t ? FactValue.Text(t) : null;
            default:
                bag.Report(DiagnosticCatalog.WrongValueKind, node.Start, $"'{key}' cannot hold a {type}.");
                return null;
        }
    }
}
