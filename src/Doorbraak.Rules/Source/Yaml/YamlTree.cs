namespace Doorbraak.Rules.Source.Yaml;

/// <summary>A node of the safe YAML subset, with its position.</summary>
internal abstract class YNode
{
    protected YNode(SourceLocation start) => Start = start;

    public SourceLocation Start { get; }

    /// <summary>What a policy adviser calls this kind of value, for messages.</summary>
    public abstract string KindName { get; }
}

/// <summary>How a scalar was written.</summary>
internal enum YScalarStyle
{
    Plain,
    SingleQuoted,
    DoubleQuoted,
    Literal,
    Folded,
}

internal sealed class YScalar : YNode
{
    public YScalar(SourceLocation start, string value, YScalarStyle style, int blockIndent) : base(start)
    {
        Value = value;
        Style = style;
        BlockIndent = blockIndent;
    }

    public string Value { get; }
    public YScalarStyle Style { get; }

    /// <summary>For literal and folded blocks: the indentation of the content lines.</summary>
    public int BlockIndent { get; }

    public bool IsPlain => Style == YScalarStyle.Plain;

    /// <summary>A plain <c>null</c>, <c>~</c> or empty value.</summary>
    public bool IsNull => IsPlain && Value is "" or "~" or "null";

    public override string KindName => "a single value";

    public override string ToString() => Value;
}

internal sealed class YMapping : YNode
{
    public YMapping(SourceLocation start) : base(start) { }

    public List<KeyValuePair<YScalar, YNode>> Entries { get; } = new();

    public override string KindName => "a mapping (key: value)";

    public YNode? this[string key]
    {
        get
        {
            foreach (var e in Entries)
                if (e.Key.Value == key) return e.Value;
            return null;
        }
    }
}

internal sealed class YSequence : YNode
{
    public YSequence(SourceLocation start) : base(start) { }

    public List<YNode> Items { get; } = new();

    public override string KindName => "a list";
}
