using Doorbraak.Rules.Facts;
using Doorbraak.Rules.Conditions;
using Doorbraak.Rules.Packs;

namespace Doorbraak.Rules.Compilation;

/// <summary>Where a determination writes: the household, a role-selected member, or the rule's current element.</summary>
internal enum TargetKind { Household, Role, Element }

internal sealed record CompiledTarget(TargetKind Kind, FieldDefinition Field, string? Role)
{
    public string Path => Kind switch
    {
        TargetKind.Household => $"huishouden.{Field.Name}",
        TargetKind.Role => $"{Role}.{Field.Name}",
        _ => $"{Field.Owner.Name}.{Field.Name}",
    };
}

internal sealed record CompiledDetermination(CompiledTarget Target, CompiledExpression Value);

/// <summary>A rule compiled against the fact schema. A record for <c>with</c> copies; equality stays by reference, as for a class.</summary>
internal sealed record CompiledRule
{
    public required int Index { get; init; }
    public required RuleDefinition Definition { get; init; }
    public required FieldDefinition? ForEach { get; init; }
    public required CompiledExpression? Applies { get; init; }
    public required IReadOnlyList<CompiledDetermination> Determines { get; init; }
    public required IReadOnlySet<FieldDefinition> Reads { get; init; }
    public required IReadOnlySet<FieldDefinition> Writes { get; init; }
    public required IReadOnlyList<ParameterSymbol> ParametersRead { get; init; }

    /// <summary>With <c>waits_for</c>: the fact waited for (true: the rule's outcome is given; otherwise it is held back).</summary>
    public CompiledExpression? Wait { get; init; }
    public FieldDefinition? WaitField { get; init; }

    /// <summary>The goals this rule holds back while it waits (<c>holds_back</c>).</summary>
    public IReadOnlyList<int> HoldsBack { get; set; } = [];

    public string Id => Definition.Id;

    public bool Equals(CompiledRule? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);

    public bool ValidOn(DateOnly date)
    {
        var d = Definition;
        if (d.ValidFrom is { } f && date < f) return false;
        if (d.ValidTo is { } t && date > t) return false;
        if (d.Citation.ValidFrom is { } cf && date < cf) return false;
        if (d.Citation.ValidTo is { } ct && date > ct) return false;
        return true;
    }
}

internal sealed class CompiledGoal
{
    public required int Index { get; init; }
    public required GoalDefinition Definition { get; init; }
    public required CompiledExpression Holds { get; init; }
    public required CompiledExpression? Active { get; init; }

    /// <summary>Indices of rules whose outcomes can reach this goal through the dependency graph.</summary>
    public required IReadOnlyList<int> Cone
    {
        get => _cone;
        set
        {
            _cone = value;
            ConeSet = value.ToHashSet();
        }
    }

    private IReadOnlyList<int> _cone = [];

    /// <summary>The cone as a set, for projections that run only these rules.</summary>
    public IReadOnlySet<int> ConeSet { get; private set; } = new HashSet<int>();

    public string Id => Definition.Id;

    public bool Equals(CompiledRule? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);
}

/// <summary>
/// Rules that wait on each other's outcome (a cycle made only of <c>waits_for</c> edges): they run together to a fixpoint;
/// when each stays held back by another, the evaluation reports a <c>blokkade</c>.
/// </summary>
internal sealed class CompiledBlockade
{
    public required int Index { get; init; }

    /// <summary>The first position in the evaluation order; the group's rules are <see cref="Start"/> to Start + Count - 1.</summary>
    public required int Start { get; init; }
    public required int Count { get; init; }

    public IEnumerable<int> Rules => Enumerable.Range(Start, Count);
}

internal sealed class CompiledCollision
{
    public required CollisionDeclaration Definition { get; init; }
    public required CompiledExpression? When { get; init; }
    public required IReadOnlyList<int> Rules { get; init; }
    public required int Goal { get; init; }
}

internal sealed class CompiledDeviation
{
    public required int Index { get; init; }
    public required DeviationDefinition Definition { get; init; }
    public required CompiledExpression? Allowed { get; init; }
    public required int Rule { get; init; }
    public ParameterSymbol? Parameter { get; init; }
    public CompiledExpression? ParameterValue { get; init; }
    public IReadOnlyList<CompiledDetermination> Sets { get; init; } = [];
    public FieldDefinition? Fact { get; init; }

    /// <summary>The event it lasts until (<c>limits.until</c>), if any.</summary>
    public CompiledExpression? Until { get; init; }

    /// <summary>An intervention's changes to elements of a collection (<c>change.elements</c>), compiled.</summary>
    public IReadOnlyList<CompiledElementChange> ElementSets { get; init; } = [];

    /// <summary>An intervention's own costs, compiled.</summary>
    public IReadOnlyList<(StepCost Definition, CompiledExpression Amount)> Costs { get; init; } = [];

    /// <summary>An intervention: it deviates from no rule (<see cref="Rule"/> is -1) and sets facts of the situation.</summary>
    public bool IsIntervention => Definition.IsIntervention;

    public string Id => Definition.Id;

    public bool Equals(CompiledRule? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);
}

/// <summary>
/// An intervention's change to the elements of one collection: those whose <see cref="IdField"/> is <see cref="Id"/>, or for
/// which <see cref="Where"/> holds, get the values of <see cref="Sets"/> (evaluated for that element).
/// </summary>
internal sealed class CompiledElementChange
{
    public required FieldDefinition Collection { get; init; }
    public string? Id { get; init; }
    public FieldDefinition? IdField { get; init; }
    public CompiledExpression? Where { get; init; }
    public required IReadOnlyList<CompiledDetermination> Sets { get; init; }

    /// <summary>
    /// Whether the element is picked: true, false, or unknown (a <see cref="Where"/> that reads an unknown fact). An id names
    /// an element of the household file: an element without an id is not that element.
    /// </summary>
    public FactValue Picks(EvaluationFrame frame, EntityInstance element)
    {
        if (IdField is { } f)
        {
            var v = element.Values[f.Slot];
            return FactValue.Bool(!v.IsUnknown && string.Equals(v.AsText, Id, StringComparison.Ordinal));
        }
        return Where!.Evaluate(frame, element);
    }
}

internal sealed class CompiledCost
{
    public required CostDefinition Definition { get; init; }
    public required FieldDefinition? ForEach { get; init; }
    public required CompiledExpression Monthly { get; init; }
    public required CompiledExpression? When { get; init; }
}

/// <summary>The date-effective values of every parameter.</summary>
internal sealed class ParameterTable
{
    private readonly ParameterDefinition[] _definitions;

    public ParameterTable(IReadOnlyList<ParameterDefinition> definitions) => _definitions = definitions.ToArray();

    public IReadOnlyList<ParameterDefinition> Definitions => _definitions;

    public FactValue[] ValuesOn(DateOnly date)
    {
        var values = new FactValue[_definitions.Length];
        for (var i = 0; i < values.Length; i++)
        {
            // Indexed, not foreach: an IReadOnlyList's enumerator is a boxed object per parameter per evaluation.
            var periods = _definitions[i].Values;
            for (var k = 0; k < periods.Count; k++)
            {
                var v = periods[k];
                if (v.From <= date && (v.To is null || date <= v.To.Value))
                {
                    values[i] = v.Value;
                    break;
                }
            }
        }
        return values;
    }

    /// <summary>For each parameter, whether the value in force on <paramref name="date"/> is marked <c>illustrative: true</c> in its pack.</summary>
    public bool[] IllustrativeOn(DateOnly date)
    {
        var marks = new bool[_definitions.Length];
        for (var i = 0; i < marks.Length; i++)
        {
            foreach (var v in _definitions[i].Values)
            {
                if (v.From <= date && (v.To is null || date <= v.To.Value))
                {
                    marks[i] = v.Illustrative;
                    break;
                }
            }
        }
        return marks;
    }
}

/// <summary>Everything compiled once per pack set: immutable and shared by all evaluations and threads.</summary>
internal sealed class CompiledRuleSet
{
    public required MergedPacks Packs { get; init; }
    public required FactSchema Schema { get; init; }
    public required ConditionEnvironment Environment { get; init; }
    public required ParameterTable Parameters { get; init; }

    /// <summary>Rules and consequences in evaluation order (dependencies first).</summary>
    public required IReadOnlyList<CompiledRule> Rules { get; init; }
    public required IReadOnlyList<CompiledGoal> Goals { get; init; }
    public required IReadOnlyList<CompiledCollision> Collisions { get; init; }
    public required IReadOnlyList<CompiledDeviation> Deviations { get; init; }
    public required IReadOnlyList<CompiledCost> Costs { get; init; }
    public required FrameBuilder FrameBuilder { get; init; }
    public required FieldDefinition MembersField { get; init; }
    public required FieldDefinition RoleField { get; init; }

    /// <summary>Groups of rules that wait on each other (<c>waits_for</c> cycles), each a contiguous range of <see cref="Rules"/>.</summary>
    public IReadOnlyList<CompiledBlockade> Blockades { get; init; } = [];

    /// <summary>Per rule position: the blockade group that starts there, or null.</summary>
    public IReadOnlyList<CompiledBlockade?> BlockadeAt { get; init; } = [];

    public CompiledRule Rule(string id) => Rules.First(r => r.Id == id);
}
