namespace Doorbraak.Rules.Source;

/// <summary>Collects diagnostics; never throws on the first problem.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = new();

    public IReadOnlyList<Diagnostic> Items => _items;

    public bool HasErrors => _items.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>Reports a problem with the descriptor's code and severity.</summary>
    public void Report(DiagnosticDescriptor descriptor, SourceLocation at, string message, string? hint = null) =>
        _items.Add(descriptor.At(at, message, hint));

    public void AddRange(IEnumerable<Diagnostic> diagnostics) => _items.AddRange(diagnostics);
}
