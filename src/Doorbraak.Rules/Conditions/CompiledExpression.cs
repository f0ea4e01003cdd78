using Doorbraak.Rules.Facts;
using Doorbraak.Rules.Conditions.Binding;

namespace Doorbraak.Rules.Conditions;

/// <summary>
/// A type-checked expression compiled to one delegate. Immutable and thread-safe: compile once per
/// pack set and evaluate on any thread, each evaluation with its own <see cref="EvaluationFrame"/>.
/// </summary>
internal sealed class CompiledExpression
{
    private readonly Func<EvaluationFrame, EntityInstance?, FactValue> _evaluate;

    internal CompiledExpression(string text, SourceLocation location, Bound bound, System.Linq.Expressions.Expression<Func<EvaluationFrame, EntityInstance?, FactValue>> tree,
        Func<EvaluationFrame, EntityInstance?, FactValue> evaluate, IReadOnlyList<CompiledExpression> clauses, string connective)
    {
        Text = text;
        Tree = tree;
        Location = location;
        Bound = bound;
        Type = bound.Type;
        _evaluate = evaluate;
        Clauses = clauses;
        Connective = connective;
        var fields = new List<FieldDefinition>();
        var parameters = new List<ParameterSymbol>();
        Collect(bound, fields, parameters);
        FieldsRead = fields;
        ParametersRead = parameters;
        var guarded = new HashSet<FieldDefinition>();
        CollectGuarded(bound, guarded);
        Guarded = guarded;
    }

    /// <summary>
    /// The fields read inside <c>bekend(...)</c>. A condition such as <c>bekend(x) and x</c> is the pack author's choice that
    /// an unknown x counts as "no": it is decided while x is unknown, so x is not asked (asking every such fact would
    /// flood the question list); tools and tests use this to tell such facts apart.
    /// </summary>
    public IReadOnlySet<FieldDefinition> Guarded { get; }

    private static void CollectGuarded(Bound b, HashSet<FieldDefinition> into)
    {
        if (b is BBuiltinCall { Function: BuiltinFunction.Bekend } call)
        {
            var fields = new List<FieldDefinition>();
            foreach (var a in call.Arguments) Collect(a, fields, []);
            into.UnionWith(fields);
            return;
        }
        foreach (var child in Children(b)) CollectGuarded(child, into);
    }

    private static IEnumerable<Bound> Children(Bound b) => b switch
    {
        BUnary u => [u.Operand],
        BBinary bin => [bin.Left, bin.Right],
        BBetween bt => [bt.Value, bt.Low, bt.High],
        BIn i => [i.Value, .. i.Items],
        BIf f => [f.Condition, f.Then, f.Else],
        BQuantifier q => [q.Collection, q.Condition],
        BAggregate a => new[] { a.Collection, a.Where, a.Value }.Where(x => x is not null).Cast<Bound>(),
        BBuiltinCall call => call.Arguments,
        BHostCall h => h.Arguments,
        _ => [],
    };

    /// <summary>The source text.</summary>
    public string Text { get; }

    /// <summary>The expression tree the delegate was compiled from, for backends that compile it into their own rules (NRules).</summary>
    public System.Linq.Expressions.Expression<Func<EvaluationFrame, EntityInstance?, FactValue>> Tree { get; }

    /// <summary>The static result type.</summary>
    public FactType Type { get; }

    /// <summary>Where the expression starts in its file.</summary>
    public SourceLocation Location { get; }

    /// <summary>The typed tree (for tests and tools).</summary>
    internal Bound Bound { get; }

    /// <summary>Every schema field the expression can read, distinct, in first-read order (list fields included, and <c>lid.rol</c> when a role selector is used).</summary>
    public IReadOnlyList<FieldDefinition> FieldsRead { get; }

    /// <summary>Every parameter the expression reads, distinct, in first-read order.</summary>
    public IReadOnlyList<ParameterSymbol> ParametersRead { get; }

    /// <summary>The operands of a top-level <c>and</c>/<c>or</c> chain (flattened), each compiled on its own; empty otherwise.</summary>
    public IReadOnlyList<CompiledExpression> Clauses { get; }

    /// <summary><c>and</c>, <c>or</c> or the empty string: what joins <see cref="Clauses"/>.</summary>
    public string Connective { get; }

    /// <summary>Evaluates against a frame; <paramref name="scope"/> is the current element when compiled with a scope. Never throws for any facts.</summary>
    public FactValue Evaluate(EvaluationFrame frame, EntityInstance? scope) => _evaluate(frame, scope);

    /// <summary>The source text.</summary>
    public override string ToString() => Text;

    private static void Collect(Bound b, List<FieldDefinition> fields, List<ParameterSymbol> parameters)
    {
        void Field(FieldDefinition f)
        {
            if (!fields.Contains(f)) fields.Add(f);
        }
        void Source(EntityRef r)
        {
            if (r is RoleRef role)
            {
                Field(role.MembersField);
                Field(role.RoleField);
            }
        }
        switch (b)
        {
            case BField f:
                Source(f.Source);
                Field(f.Field);
                break;
            case BCollection c:
                Source(c.Source);
                Field(c.Field);
                break;
            case BParameter p:
                if (!parameters.Contains(p.Parameter)) parameters.Add(p.Parameter);
                break;
            case BUnary u:
                Collect(u.Operand, fields, parameters);
                break;
            case BBinary bin:
                Collect(bin.Left, fields, parameters);
                Collect(bin.Right, fields, parameters);
                break;
            case BBetween bt:
                Collect(bt.Value, fields, parameters);
                Collect(bt.Low, fields, parameters);
                Collect(bt.High, fields, parameters);
                break;
            case BIn i:
                Collect(i.Value, fields, parameters);
                foreach (var x in i.Items) Collect(x, fields, parameters);
                break;
            case BIf f:
                Collect(f.Condition, fields, parameters);
                Collect(f.Then, fields, parameters);
                Collect(f.Else, fields, parameters);
                break;
            case BQuantifier q:
                Collect(q.Collection, fields, parameters);
                Collect(q.Condition, fields, parameters);
                break;
            case BAggregate a:
                Collect(a.Collection, fields, parameters);
                if (a.Where is not null) Collect(a.Where, fields, parameters);
                if (a.Value is not null) Collect(a.Value, fields, parameters);
                break;
            case BBuiltinCall call:
                foreach (var x in call.Arguments) Collect(x, fields, parameters);
                break;
            case BHostCall h:
                foreach (var x in h.Arguments) Collect(x, fields, parameters);
                break;
        }
    }
}
