using Doorbraak.Rules.Packs;

namespace Doorbraak.Rules.Source;

/// <summary>Collects diagnostics; never throws on the first problem.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<PackDiagnostic> _items = new();

    public IReadOnlyList<PackDiagnostic> Items => _items;

    public bool HasErrors => _items.Any(d => d.Severity == DiagnosticSeverity.Error);

    public void Error(string code, SourceLocation at, string message) =>
        _items.Add(new PackDiagnostic(code, DiagnosticSeverity.Error, at, message));

    public void Warning(string code, SourceLocation at, string message) =>
        _items.Add(new PackDiagnostic(code, DiagnosticSeverity.Warning, at, message));

    public void AddRange(IEnumerable<PackDiagnostic> diagnostics) => _items.AddRange(diagnostics);
}
