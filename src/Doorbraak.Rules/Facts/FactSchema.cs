namespace Doorbraak.Rules.Facts;

/// <summary>One typed fact of an entity (a scalar field), or a collection of child entities.</summary>
internal sealed class FieldDefinition
{
    public FieldDefinition(EntitySchema owner, string name, FactType type, int slot, string description, string? unit, string? question, bool builtIn, SourceLocation declaredAt, FactValue defaultValue = default)
    {
        Default = defaultValue;
        Owner = owner;
        Name = name;
        Type = type;
        Slot = slot;
        Description = description;
        Unit = unit;
        Question = question;
        BuiltIn = builtIn;
        DeclaredAt = declaredAt;
    }

    public EntitySchema Owner { get; }
    public string Name { get; }
    public FactType Type { get; }

    /// <summary>Index into <see cref="EntityInstance.Values"/> (scalars) or <see cref="EntityInstance.Collections"/> (lists).</summary>
    public int Slot { get; }

    public string Description { get; }
    public string? Unit { get; }

    /// <summary>The question a host can put to the regisseur when this fact is missing (Dutch).</summary>
    public string? Question { get; }

    public bool BuiltIn { get; }

    /// <summary>The value assumed when the host supplies none (a pack's explicit <c>default</c>); unknown when there is no default.</summary>
    public FactValue Default { get; }
    public SourceLocation DeclaredAt { get; }

    /// <summary><c>lid.leeftijd</c>.</summary>
    public string QualifiedName => $"{Owner.Name}.{Name}";

    public override string ToString() => QualifiedName;
}

/// <summary>The fields of one kind of entity: <c>huishouden</c>, <c>lid</c>, <c>schuld</c>, <c>voorziening</c>.</summary>
internal sealed class EntitySchema
{
    private readonly Dictionary<string, FieldDefinition> _byName = new(StringComparer.Ordinal);
    private readonly List<FieldDefinition> _fields = new();

    public EntitySchema(string name, string description)
    {
        Name = name;
        Description = description;
    }

    public string Name { get; }
    public string Description { get; }

    /// <summary>All fields in declaration order (built-in first, then pack extensions in pack order).</summary>
    public IReadOnlyList<FieldDefinition> Fields => _fields;

    /// <summary>Number of scalar slots an instance needs.</summary>
    public int ScalarCount { get; private set; }

    /// <summary>Number of collection slots an instance needs.</summary>
    public int CollectionCount { get; private set; }

    public bool TryGetField(string name, out FieldDefinition field) => _byName.TryGetValue(name, out field!);

    internal FieldDefinition Add(string name, FactType type, string description, string? unit = null, string? question = null, bool builtIn = false, SourceLocation? at = null, FactValue defaultValue = default)
    {
        var slot = type.Kind == FactKind.List ? CollectionCount++ : ScalarCount++;
        var field = new FieldDefinition(this, name, type, slot, description, unit, question, builtIn, at ?? SourceLocation.None, defaultValue);
        _byName.Add(name, field);
        _fields.Add(field);
        return field;
    }

    public override string ToString() => Name;
}

/// <summary>
/// The merged fact schema of a pack set: the built-in household model plus every pack's
/// typed extensions. Frozen after loading; shared by all evaluations.
/// </summary>
internal sealed class FactSchema
{
    public const string HouseholdEntity = "huishouden";
    public const string MemberEntity = "lid";
    public const string DebtEntity = "schuld";
    public const string ProvisionEntity = "voorziening";

    private readonly Dictionary<string, EntitySchema> _entities = new(StringComparer.Ordinal);

    public FactSchema()
    {
        Household = AddEntity(HouseholdEntity, "Het huishouden als geheel");
        Member = AddEntity(MemberEntity, "Een lid van het huishouden");
        Debt = AddEntity(DebtEntity, "Een schuld van het huishouden");
        Provision = AddEntity(ProvisionEntity, "Een voorziening die het huishouden krijgt");
        BuiltInFacts.AddTo(this);
    }

    public EntitySchema Household { get; }
    public EntitySchema Member { get; }
    public EntitySchema Debt { get; }
    public EntitySchema Provision { get; }

    public IEnumerable<EntitySchema> Entities => _entities.Values;

    public bool TryGetEntity(string name, out EntitySchema entity) => _entities.TryGetValue(name, out entity!);

    public EntitySchema GetEntity(string name) => _entities[name];

    /// <summary>
    /// Names an expression may start with: <c>huishouden</c> (the household), its collections
    /// (<c>leden</c>, <c>schulden</c>, <c>voorzieningen</c>) and the role selectors
    /// (<c>aanvrager</c>, <c>partner</c>) which pick the first member with that <c>rol</c>.
    /// </summary>
    public static IReadOnlyList<string> RoleSelectors { get; } = ["aanvrager", "partner"];

    private EntitySchema AddEntity(string name, string description)
    {
        var e = new EntitySchema(name, description);
        _entities.Add(name, e);
        return e;
    }
}
