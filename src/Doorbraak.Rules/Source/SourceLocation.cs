namespace Doorbraak.Rules;

/// <summary>A position in a pack file: 1-based line and column.</summary>
/// <param name="File">The file path as the pack source names it (relative to the pack root where possible).</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
/// <threadsafety>Immutable value type.</threadsafety>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    /// <summary>A location for something that has no place in a file.</summary>
    public static SourceLocation None { get; } = new("<none>", 0, 0);

    /// <inheritdoc />
    public override string ToString() => $"{File}:{Line}:{Column}";
}
