using Doorbraak.Rules.Source;
using Doorbraak.Rules.Source.Yaml;

namespace Doorbraak.Rules.Facts;

/// <summary>Reads a literal of a known fact type from a YAML node, with the strict rules (no yes/on, real dates, quoted text stays text).</summary>
internal static class TypedValueReader
{
    /// <summary>Reads a literal value of a known type with the strict rules.</summary>
    public static FactValue? Read(YNode node, FactType type, DiagnosticBag bag, string key)
    {
        switch (type.Kind)
        {
            case FactKind.Boolean:
                return MappingReader.AsBool(node, bag, key) is { } b ? FactValue.Bool(b) : null;
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
