using Doorbraak.Rules.Facts;
using Doorbraak.Rules.Conditions.Ast;

namespace Doorbraak.Rules.Conditions.Binding;

/// <summary>A node of the typed tree the binder produces: names resolved to fields, parameters and functions.</summary>
internal abstract class Bound(FactType type, int start, int end)
{
    public FactType Type { get; } = type;
    public int Start { get; } = start;
    public int End { get; } = end;
}

/// <summary>Where an entity comes from at run time.</summary>
internal abstract class EntityRef(EntitySchema entity)
{
    public EntitySchema Entity { get; } = entity;
}

/// <summary>The household (<c>frame.Household</c>).</summary>
internal sealed class HouseholdRef(EntitySchema entity) : EntityRef(entity);

/// <summary>The first member whose <c>rol</c> is <see cref="Role"/>; null when there is none.</summary>
internal sealed class RoleRef(EntitySchema member, string role, FieldDefinition roleField, FieldDefinition membersField) : EntityRef(member)
{
    public string Role { get; } = role;
    public FieldDefinition RoleField { get; } = roleField;
    public FieldDefinition MembersField { get; } = membersField;
}

/// <summary>The current element of a quantifier or aggregate, or (id 0) the scope the expression was compiled with.</summary>
internal sealed class ElementRef(EntitySchema entity, int id) : EntityRef(entity)
{
    public int Id { get; } = id;
}

internal sealed class BLiteral(FactValue value, FactType type, int start, int end) : Bound(type, start, end)
{
    public FactValue Value { get; } = value;
}

internal sealed class BField(EntityRef source, FieldDefinition field, int start, int end) : Bound(field.Type, start, end)
{
    public EntityRef Source { get; } = source;
    public FieldDefinition Field { get; } = field;
}

/// <summary>A list field; only valid as the collection of a quantifier or aggregate.</summary>
internal sealed class BCollection(EntityRef source, FieldDefinition field, EntitySchema element, int start, int end) : Bound(field.Type, start, end)
{
    public EntityRef Source { get; } = source;
    public FieldDefinition Field { get; } = field;
    public EntitySchema Element { get; } = element;
}

internal sealed class BParameter(ParameterSymbol parameter, int start, int end) : Bound(parameter.Type, start, end)
{
    public ParameterSymbol Parameter { get; } = parameter;
}

internal sealed class BReferenceDate(int start, int end) : Bound(FactType.Date, start, end);

internal sealed class BUnary(UnaryOp op, Bound operand, FactType type, int start) : Bound(type, start, operand.End)
{
    public UnaryOp Op { get; } = op;
    public Bound Operand { get; } = operand;
}

internal sealed class BBinary(BinaryOp op, Bound left, Bound right, FactType type) : Bound(type, left.Start, right.End)
{
    public BinaryOp Op { get; } = op;
    public Bound Left { get; } = left;
    public Bound Right { get; } = right;
}

internal sealed class BBetween(Bound value, Bound low, Bound high) : Bound(FactType.Boolean, value.Start, high.End)
{
    public Bound Value { get; } = value;
    public Bound Low { get; } = low;
    public Bound High { get; } = high;
}

internal sealed class BIn(Bound value, IReadOnlyList<Bound> items, int end) : Bound(FactType.Boolean, value.Start, end)
{
    public Bound Value { get; } = value;
    public IReadOnlyList<Bound> Items { get; } = items;
}

internal sealed class BIf(Bound condition, Bound then, Bound @else, int start) : Bound(then.Type, start, @else.End)
{
    public Bound Condition { get; } = condition;
    public Bound Then { get; } = then;
    public Bound Else { get; } = @else;
}

internal sealed class BQuantifier(QuantifierKind kind, BCollection collection, int elementId, Bound condition, int start, int end) : Bound(FactType.Boolean, start, end)
{
    public QuantifierKind Kind { get; } = kind;
    public BCollection Collection { get; } = collection;
    public int ElementId { get; } = elementId;
    public Bound Condition { get; } = condition;
}

internal sealed class BAggregate(AggregateKind kind, Bound? value, BCollection collection, int elementId, Bound? where, FactType type, int start, int end) : Bound(type, start, end)
{
    public AggregateKind Kind { get; } = kind;
    public Bound? Value { get; } = value;
    public BCollection Collection { get; } = collection;
    public int ElementId { get; } = elementId;
    public Bound? Where { get; } = where;
}

/// <summary>The built-in functions.</summary>
internal enum BuiltinFunction
{
    Leeftijd, LeeftijdOp, MaandenTussen, DagenTussen, Afronden, Abs, Bekend, Min, Max,

    /// <summary>Internal (not callable): a person's age compared with an age in years and months, exact to the day: -1, 0 or 1 (age in whole years, birth, date, age compared with).</summary>
    AgeCompare,
}

internal sealed class BBuiltinCall(BuiltinFunction function, IReadOnlyList<Bound> arguments, FactType type, int start, int end) : Bound(type, start, end)
{
    public BuiltinFunction Function { get; } = function;
    public IReadOnlyList<Bound> Arguments { get; } = arguments;
}

internal sealed class BHostCall(IConditionFunction function, IReadOnlyList<Bound> arguments, int start, int end) : Bound(function.ReturnType, start, end)
{
    public IConditionFunction Function { get; } = function;
    public IReadOnlyList<Bound> Arguments { get; } = arguments;
}
