namespace Doorbraak.Rules.Inspection;

/// <summary>One fact of the schema: a typed field of an entity, or a collection of child entities.</summary>
public sealed class FactFieldView
{
    internal FactFieldView(string entity, string name, FactType type, string description, string? unit, string? question, FactValue defaultValue, string? packId, SourceLocation location)
    {
        Entity = entity;
        Name = name;
        Type = type;
        Description = description;
        Unit = unit;
        Question = question;
        Default = defaultValue;
        PackId = packId;
        Location = location;
    }

    /// <summary>The entity it belongs to (<c>huishouden</c>, <c>lid</c>, <c>schuld</c>, <c>voorziening</c>).</summary>
    public string Entity { get; }

    /// <summary>The field's name (<c>leeftijd</c>).</summary>
    public string Name { get; }

    /// <summary>Its type; a collection is a <see cref="FactKind.List"/>.</summary>
    public FactType Type { get; }

    /// <summary>What it means.</summary>
    public string Description { get; }

    /// <summary>The unit, or null.</summary>
    public string? Unit { get; }

    /// <summary>The question to put when the fact is missing (Dutch), or null.</summary>
    public string? Question { get; }

    /// <summary>The value assumed when the host supplies none; unknown when there is no default.</summary>
    public FactValue Default { get; }

    /// <summary>The pack that adds it, or null for the built-in household model.</summary>
    public string? PackId { get; }

    /// <summary>Where it is declared (<see cref="SourceLocation.None"/> for built-in facts).</summary>
    public SourceLocation Location { get; }

    /// <summary><c>lid.leeftijd</c>.</summary>
    public string QualifiedName => $"{Entity}.{Name}";

    /// <summary>Whether the field is part of the built-in household model.</summary>
    public bool BuiltIn => PackId is null;

    /// <summary>The qualified name.</summary>
    public override string ToString() => QualifiedName;
}

/// <summary>A kind of entity and its fields.</summary>
public sealed class EntityView
{
    internal EntityView(string name, string description, IReadOnlyList<FactFieldView> fields)
    {
        Name = name;
        Description = description;
        Fields = fields;
    }

    /// <summary>The entity's name.</summary>
    public string Name { get; }

    /// <summary>What it is.</summary>
    public string Description { get; }

    /// <summary>Its fields: built-in first, then pack facts in pack order.</summary>
    public IReadOnlyList<FactFieldView> Fields { get; }
}

/// <summary>The merged fact schema of a pack set.</summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed class FactSchemaView
{
    private readonly Dictionary<string, FactFieldView> _byQualifiedName;

    internal FactSchemaView(IReadOnlyList<EntityView> entities, IReadOnlyList<string> roleSelectors)
    {
        Entities = entities;
        RoleSelectors = roleSelectors;
        _byQualifiedName = entities.SelectMany(e => e.Fields).ToDictionary(f => f.QualifiedName, StringComparer.Ordinal);
    }

    /// <summary>The entities: <c>huishouden</c>, <c>lid</c>, <c>schuld</c>, <c>voorziening</c>.</summary>
    public IReadOnlyList<EntityView> Entities { get; }

    /// <summary>Names that select one member by its <c>rol</c> (<c>aanvrager</c>, <c>partner</c>).</summary>
    public IReadOnlyList<string> RoleSelectors { get; }

    /// <summary>Every field of every entity.</summary>
    public IEnumerable<FactFieldView> Fields => Entities.SelectMany(e => e.Fields);

    /// <summary>The field with a qualified name (<c>lid.leeftijd</c>), or null.</summary>
    /// <param name="qualifiedName"><c>entity.field</c>.</param>
    public FactFieldView? Field(string qualifiedName) => _byQualifiedName.GetValueOrDefault(qualifiedName);

    /// <summary>
    /// The field a fact path names, as <see cref="MissingFact.Path"/> and expressions write it: <c>huishouden.huur</c>,
    /// <c>aanvrager.inkomen</c>, <c>leden[m2].leeftijd</c>, <c>schulden[0].bedrag</c>; null when the path names no field.
    /// </summary>
    /// <param name="path">A fact path.</param>
    public FactFieldView? FieldAt(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var dot = path.LastIndexOf('.');
        if (dot <= 0) return null;
        var owner = path[..dot];
        var name = path[(dot + 1)..];
        var bracket = owner.IndexOf('[');
        if (bracket > 0) owner = owner[..bracket];
        var ownerDot = owner.LastIndexOf('.');
        if (ownerDot >= 0) owner = owner[(ownerDot + 1)..];
        if (_byQualifiedName.TryGetValue($"{owner}.{name}", out var direct)) return direct;
        if (RoleSelectors.Contains(owner)) return Field($"lid.{name}");
        // A collection (leden, schulden, voorzieningen) holds entities of the field's list type.
        foreach (var e in Entities)
        {
            foreach (var f in e.Fields)
            {
                if (f.Name == owner && f.Type.Kind == FactKind.List && f.Type.EntityName is { } child)
                    return Field($"{child}.{name}");
            }
        }
        return null;
    }
}

/// <summary>
/// Who may decide on a deviation, lowest first: the roles the packs declare (<c>roles:</c>), or the built-in ladder
/// <c>consulent</c>, <c>regisseur</c>, <c>teamleider</c>, <c>manager</c>, <c>directeur</c>, <c>college</c>.
/// Compares mandates by rank; an unknown mandate (and <c>open</c>) ranks below all.
/// </summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed class MandateLadder : IComparer<string>
{
    private readonly string[] _levels;

    private MandateLadder(IEnumerable<string> levels) => _levels = levels.ToArray();

    /// <summary>The ladder the packs use.</summary>
    public static MandateLadder Default { get; } = new(Packs.Mandates.Levels);

    /// <summary>A ladder of the roles a pack set declares, lowest rank first.</summary>
    internal static MandateLadder Of(IEnumerable<string> roles) => new(roles);

    /// <summary>The levels, lowest first.</summary>
    public IReadOnlyList<string> Levels => _levels;

    /// <summary>The rank of a mandate (0 for the lowest), or -1 when it is not on the ladder.</summary>
    /// <param name="mandate">A mandate level.</param>
    public int Rank(string? mandate) => mandate is null ? -1 : Array.IndexOf(_levels, mandate);

    /// <summary>Whether a mandate is on the ladder.</summary>
    /// <param name="mandate">A mandate level.</param>
    public bool Contains(string? mandate) => Rank(mandate) >= 0;

    /// <summary>Whether <paramref name="mandate"/> is <paramref name="required"/> or higher; false when either is not on the ladder.</summary>
    /// <param name="mandate">The mandate someone has.</param>
    /// <param name="required">The mandate a decision needs.</param>
    public bool IsAtLeast(string? mandate, string? required) => Rank(required) >= 0 && Rank(mandate) >= Rank(required);

    /// <summary>Compares two mandates by rank.</summary>
    /// <param name="x">A mandate.</param>
    /// <param name="y">Another mandate.</param>
    public int Compare(string? x, string? y) => Rank(x).CompareTo(Rank(y));
}
