namespace Doorbraak.Rules.Source.Yaml;

/// <summary>
/// The keys one kind of mapping in a pack file accepts, in the order messages list them; required ones are
/// written with a trailing <c>!</c>, ones required only in some combinations (the schema's <c>oneOf</c>) with <c>?</c>. <see cref="SchemaPath"/> names the object in
/// JSON Schema that describes the same mapping; a test checks key by key that both agree.
/// </summary>
internal sealed class MappingKeys
{
    public MappingKeys(string kind, string schemaPath, params string[] keys)
    {
        Kind = kind;
        SchemaPath = schemaPath;
        All = keys.Select(k => k.TrimEnd('!', '?')).ToArray();
        Required = keys.Where(k => k.EndsWith('!')).Select(k => k.TrimEnd('!')).ToArray();
        RequiredInSomeForms = keys.Where(k => k.EndsWith('?')).Select(k => k.TrimEnd('?')).ToArray();
    }

    /// <summary>
    /// An age in years and months as a literal (<c>{ years: 67, months: 3 }</c>): read by the typed-value reader for facts
    /// and parameters alike, so it lives here, below both, and the pack format's key lists include it.
    /// </summary>
    public static MappingKeys Age { get; } = new("age", "age", "years!", "months");

    /// <summary>A short name for the mapping, such as <c>rule</c>.</summary>
    public string Kind { get; }

    /// <summary>A path below the schema's <c>definitions</c>, such as <c>rule</c>, or <c>change/spread</c> for a property of a definition.</summary>
    public string SchemaPath { get; }

    /// <summary>Every accepted key.</summary>
    public IReadOnlyList<string> All { get; }

    /// <summary>The keys that must be present.</summary>
    public IReadOnlyList<string> Required { get; }

    /// <summary>The keys required in one of the mapping's forms only, such as <c>value</c> with <c>parameter</c> in a change.</summary>
    public IReadOnlyList<string> RequiredInSomeForms { get; }

    /// <summary>Whether the reader may ask for the key with <c>required: true</c>.</summary>
    public bool MayRequire(string key) => Required.Contains(key) || RequiredInSomeForms.Contains(key);
}
