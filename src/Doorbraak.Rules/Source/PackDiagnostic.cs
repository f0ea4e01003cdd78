using Doorbraak.Rules.Packs;

namespace Doorbraak.Rules;

/// <summary>How serious a diagnostic is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>The pack set cannot be loaded.</summary>
    Error,
    /// <summary>The pack set loads, but a reviewer should look.</summary>
    Warning,
}

/// <summary>One problem found in a pack, at a place in a file, with a code and a hint for the author.</summary>
/// <param name="Code">A stable code such as <c>DBR1001</c>; see docs/pack-format.md for the list.</param>
/// <param name="Severity">Error or warning.</param>
/// <param name="Location">Where the problem is.</param>
/// <param name="Message">What is wrong, and where useful what to do about it.</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed record PackDiagnostic(string Code, DiagnosticSeverity Severity, SourceLocation Location, string Message)
{
    /// <summary>Formats as <c>path:line:column: error CODE: message</c>.</summary>
    public override string ToString() =>
        $"{Location}: {(Severity == DiagnosticSeverity.Error ? "error" : "warning")} {Code}: {Message}";
}

