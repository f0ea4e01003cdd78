using System.Text.RegularExpressions;

namespace Doorbraak.Rules;

/// <summary>How serious a diagnostic is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>The pack set cannot be loaded.</summary>
    Error,
    /// <summary>The pack set loads, but a reviewer should look.</summary>
    Warning,
}

/// <summary>
/// One problem found in a pack, a household or a decision: a code from the catalogue, a severity, a place,
/// a message and, where there is one, a hint such as "did you mean 'x'?".
/// </summary>
/// <param name="Code">A stable code such as <c>DBR1001</c>, with one meaning; docs/diagnostics.md lists every code with an example and the fix.</param>
/// <param name="Severity">Error or warning.</param>
/// <param name="Location">Where the problem is; <see cref="SourceLocation.None"/> when it has no place in a file (decisions).</param>
/// <param name="Message">What is wrong, and where useful what to do about it. It reads as a whole sentence and includes the hint where the hint belongs in it.</param>
/// <param name="Hint">The closest known name as "did you mean 'x'?", or <see langword="null"/>.</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed partial record Diagnostic(string Code, DiagnosticSeverity Severity, SourceLocation Location, string Message, string? Hint = null)
{
    /// <summary>Formats as <c>path:line:column: error CODE: message</c> (without the place when it has none); the message carries the hint where it has one.</summary>
    public override string ToString() =>
        $"{(Location == SourceLocation.None ? "" : $"{Location}: ")}{(Severity == DiagnosticSeverity.Error ? "error" : "warning")} {Code}: {Message}{(Hint is null || Message.Contains(Hint, StringComparison.Ordinal) ? "" : $" ({Hint})")}";

    internal static string? HintIn(string message)
    {
        var m = DidYouMean().Match(message);
        return m.Success ? m.Groups[1].Value : null;
    }

    [GeneratedRegex(@"\((did you mean '[^']*'\?)\)", RegexOptions.CultureInvariant)]
    private static partial Regex DidYouMean();
}
