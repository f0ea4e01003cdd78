namespace Doorbraak.Rules.Facts;

/// <summary>The run-time values of one entity: the household, a member, a debt, a provision.</summary>
internal sealed class EntityInstance
{
    public EntityInstance(EntitySchema schema, string key, string? id = null)
        : this(schema, id)
    {
        _key = key;
    }

    /// <summary>
    /// An element of a collection, named <c>collection[id]</c> (or <c>collection[position]</c> without an id) only when a
    /// result or a message asks for its key, so building a frame formats no names.
    /// </summary>
    public EntityInstance(EntitySchema schema, string collection, int position, string? id)
        : this(schema, id)
    {
        _collection = collection;
        _position = position;
    }

    private EntityInstance(EntitySchema schema, string? id)
    {
        Schema = schema;
        Id = id;
        Values = new FactValue[schema.ScalarCount];
        Collections = new EntityInstance[schema.CollectionCount][];
        for (var i = 0; i < Collections.Length; i++) Collections[i] = [];
    }

    private string? _key;
    private readonly string? _collection;
    private readonly int _position;

    public EntitySchema Schema { get; }

    /// <summary>How the entity is named in results: <c>huishouden</c>, <c>leden[zoon]</c>, <c>schulden[2]</c>.</summary>
    public string Key => _key ??= Id is not null ? $"{_collection}[{Id}]" : $"{_collection}[{_position}]";

    /// <summary>The element's own id where it has one (a member's <c>id</c>), else null.</summary>
    public string? Id { get; }

    public FactValue[] Values { get; }

    public EntityInstance[][] Collections { get; }

    /// <summary>A deep copy (for re-projection).</summary>
    public EntityInstance Clone()
    {
        var copy = _key is null ? new EntityInstance(Schema, _collection!, _position, Id) : new EntityInstance(Schema, _key, Id);
        Array.Copy(Values, copy.Values, Values.Length);
        for (var i = 0; i < Collections.Length; i++)
        {
            var src = Collections[i];
            var dst = new EntityInstance[src.Length];
            for (var j = 0; j < src.Length; j++) dst[j] = src[j].Clone();
            copy.Collections[i] = dst;
        }
        return copy;
    }

    /// <summary>Copies values from a same-shaped instance into this one without allocating.</summary>
    public void CopyFrom(EntityInstance other)
    {
        Array.Copy(other.Values, Values, Values.Length);
        for (var i = 0; i < Collections.Length; i++)
        {
            var src = other.Collections[i];
            var dst = Collections[i];
            for (var j = 0; j < src.Length; j++) dst[j].CopyFrom(src[j]);
        }
    }

    /// <summary>Whether this entity and every entity below it hold the same values as <paramref name="other"/>.</summary>
    public bool HasSameValues(EntityInstance other)
    {
        if (Key != other.Key || !Values.AsSpan().SequenceEqual(other.Values) || Collections.Length != other.Collections.Length) return false;
        for (var i = 0; i < Collections.Length; i++)
        {
            var a = Collections[i];
            var b = other.Collections[i];
            if (a.Length != b.Length) return false;
            for (var j = 0; j < a.Length; j++)
                if (!a[j].HasSameValues(b[j])) return false;
        }
        return true;
    }

    public override string ToString() => Key;
}

/// <summary>A fact that was read while it was unknown: which entity, which field.</summary>
internal readonly record struct FactRead(EntityInstance Instance, FieldDefinition Field, FactValue Value);

/// <summary>
/// Everything an expression can see while one household is evaluated: the household's entities,
/// the parameter values picked for the reference date, and the reference date. Owned by one
/// evaluation on one thread; never shared.
/// </summary>
internal sealed class EvaluationFrame
{
    public EvaluationFrame(EntityInstance household, FactValue[] parameters, DateOnly referenceDate)
    {
        Household = household;
        Parameters = parameters;
        ReferenceDate = referenceDate;
    }

    public EntityInstance Household { get; }

    /// <summary>Parameter values valid on <see cref="ReferenceDate"/>, indexed by <c>ParameterSymbol.Slot</c>.</summary>
    public FactValue[] Parameters { get; }

    public DateOnly ReferenceDate { get; }

    /// <summary>When true, compiled code records every fact read in <see cref="Reads"/> (for traces). Costs one check when off.</summary>
    public bool Tracing { get; set; }

    /// <summary>Facts read while tracing, and unknown facts read always (for missing facts).</summary>
    public List<FactRead> Reads { get; } = new();

    /// <summary>
    /// Opens a window on the log of reads: what is read until the scope is disposed can be taken from it, and
    /// disposing forgets those reads again and restores tracing, so that scopes nest and no caller keeps marks.
    /// </summary>
    /// <param name="trace">Record every read (for traces), not only unknown ones (for missing facts).</param>
    public ReadScope Capture(bool trace = false) => new(this, trace);

    /// <summary>Called by compiled code on every field read.</summary>
    public void OnRead(EntityInstance instance, FieldDefinition field, FactValue value)
    {
        if (Tracing || value.IsUnknown) Reads.Add(new FactRead(instance, field, value));
    }

    // The members found for the (at most two) role selectors used, so that every aanvrager.x does not scan the members.
    private string? _role1, _role2;
    private EntityInstance? _member1, _member2;

    /// <summary>The first member whose <c>rol</c> equals <paramref name="role"/>, or null.</summary>
    public EntityInstance? MemberWithRole(string role, FieldDefinition roleField, FieldDefinition membersField)
    {
        if (string.Equals(role, _role1, StringComparison.Ordinal)) return _member1;
        if (string.Equals(role, _role2, StringComparison.Ordinal)) return _member2;
        EntityInstance? found = null;
        foreach (var m in Household.Collections[membersField.Slot])
        {
            var r = m.Values[roleField.Slot];
            if (!r.IsUnknown && r.Kind == FactKind.Text && r.AsText == role)
            {
                found = m;
                break;
            }
        }
        if (_role1 is null) (_role1, _member1) = (role, found);
        else if (_role2 is null) (_role2, _member2) = (role, found);
        return found;
    }

    /// <summary>Forgets the members found by role (called when a rule sets a member's <c>rol</c>).</summary>
    public void ForgetRoles() => (_role1, _role2, _member1, _member2) = (null, null, null, null);
}

/// <summary>The reads of one stretch of evaluation; see <see cref="EvaluationFrame.Capture"/>. Use with <c>using</c>.</summary>
internal readonly struct ReadScope : IDisposable
{
    private readonly EvaluationFrame _frame;
    private readonly int _mark;
    private readonly bool _wasTracing;

    public ReadScope(EvaluationFrame frame, bool trace)
    {
        _frame = frame;
        _mark = frame.Reads.Count;
        _wasTracing = frame.Tracing;
        frame.Tracing = trace;
    }

    /// <summary>Every fact read so far in this scope, each once, in the order first read.</summary>
    public List<FactRead> Distinct()
    {
        var seen = new HashSet<(EntityInstance, FieldDefinition)>();
        var list = new List<FactRead>();
        for (var i = _mark; i < _frame.Reads.Count; i++)
        {
            var r = _frame.Reads[i];
            if (seen.Add((r.Instance, r.Field))) list.Add(r);
        }
        return list;
    }

    /// <summary>The unknown facts read so far in this scope.</summary>
    public List<FactRead> Unknowns()
    {
        var list = new List<FactRead>();
        for (var i = _mark; i < _frame.Reads.Count; i++)
            if (_frame.Reads[i].Value.IsUnknown) list.Add(_frame.Reads[i]);
        return list;
    }

    /// <summary>Forgets the reads of this scope and restores tracing as it was.</summary>
    public void Dispose()
    {
        _frame.Reads.RemoveRange(_mark, _frame.Reads.Count - _mark);
        _frame.Tracing = _wasTracing;
    }
}

/// <summary>A parameter as expressions see it: its id, type and slot in <see cref="EvaluationFrame.Parameters"/>.</summary>
internal sealed record ParameterSymbol(string Id, FactType Type, int Slot, string Title, string? Unit);
