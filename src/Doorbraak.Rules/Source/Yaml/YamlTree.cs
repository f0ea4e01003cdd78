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
    /// <summary>Above this many entries a mapping keeps an index of its keys, so that a lookup does not walk every entry.</summary>
    private const int IndexFrom = 8;

    private readonly List<KeyValuePair<YScalar, YNode>> _entries = new();

    /// <summary>
    /// The position of the first entry with each key, once the mapping is large. A pack's <c>facts:</c> or <c>parameters:</c>
    /// mapping can hold thousands of keys; checking each new key against every earlier one made reading quadratic (issue #20).
    /// </summary>
    private Dictionary<string, int>? _index;

    public YMapping(SourceLocation start) : base(start) { }

    /// <summary>The entries in document order.</summary>
    public IReadOnlyList<KeyValuePair<YScalar, YNode>> Entries => _entries;

    public override string KindName => "a mapping (key: value)";

    /// <summary>Adds an entry (the reader has already reported a duplicate key; the first entry stays the one found).</summary>
    public void Add(YScalar key, YNode value)
    {
        _entries.Add(new KeyValuePair<YScalar, YNode>(key, value));
        if (_index is not null) _index.TryAdd(key.Value, _entries.Count - 1);
        else if (_entries.Count > IndexFrom)
        {
            _index = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < _entries.Count; i++) _index.TryAdd(_entries[i].Key.Value, i);
        }
    }

    /// <summary>The first key with this text, or null.</summary>
    public YScalar? FindKey(string key) => IndexOf(key) is var i and >= 0 ? _entries[i].Key : null;

    public YNode? this[string key] => IndexOf(key) is var i and >= 0 ? _entries[i].Value : null;

    private int IndexOf(string key)
    {
        if (_index is not null) return _index.TryGetValue(key, out var at) ? at : -1;
        for (var i = 0; i < _entries.Count; i++)
            if (_entries[i].Key.Value == key) return i;
        return -1;
    }
}

internal sealed class YSequence : YNode
{
    public YSequence(SourceLocation start) : base(start) { }

    public List<YNode> Items { get; } = new();

    public override string KindName => "a list";
}
