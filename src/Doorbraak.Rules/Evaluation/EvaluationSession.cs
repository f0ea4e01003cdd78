using Doorbraak.Rules.Conditions.Runtime;
using Doorbraak.Rules.Source;
using Doorbraak.Rules.Facts;
using Doorbraak.Rules.Compilation;
using Doorbraak.Rules.Wording;
using Doorbraak.Rules.Conditions;

namespace Doorbraak.Rules.Evaluation;

/// <summary>
/// One household's evaluation on one reference date: the supplied situation, the lawful projection, every goal
/// today and projected, the re-projections asked for (keyed by their changes), the deviations' conditions and the
/// facts found missing. Collisions, proposals, what-if queries and decisions all work on a session; it is owned by
/// one caller on one thread and never shared.
/// </summary>
internal sealed class EvaluationSession
{
    private readonly Dictionary<ProjectionChanges, Reprojection> _reprojections = new();
    private readonly Dictionary<int, bool> _allowed = new();

    /// <summary>Each step's <c>limits.until</c> evaluated for this household (by deviation index).</summary>
    internal Dictionary<int, UntilOutcome> Untils { get; } = new();
    private readonly Dictionary<int, List<FactRead>> _allowedUnknowns = new();
    private readonly MissingFacts _missing = new();
    private readonly List<(string Id, CompiledExpression Expression, UnknownCause Cause)> _undecidedWithoutFacts = new();
    private bool[]? _illustrative;

    private static readonly EntityInstance?[] NoElement = [null];

    // One household copy reused by the counterfactuals of the collision search (they are not kept).
    private EntityInstance? _scratch;

    private EvaluationSession(CompiledRuleSet ruleSet, EvaluationBackend backend, Household household, EntityInstance supplied, FactValue[] parameters, DateOnly date, EvaluationOptions options, Projection projection)
    {
        RuleSet = ruleSet;
        Backend = backend;
        Household = household;
        Supplied = supplied;
        Parameters = parameters;
        Date = date;
        Options = options;
        Base = projection;
        var n = ruleSet.Goals.Count;
        HoldsToday = new FactValue[n];
        HoldsProjected = new FactValue[n];
        Activation = new GoalActivation[n];
    }

    public CompiledRuleSet RuleSet { get; }

    /// <summary>The engine that decides the rules in every projection of this session.</summary>
    public EvaluationBackend Backend { get; }
    public Household Household { get; }
    public EntityInstance Supplied { get; }
    public FactValue[] Parameters { get; }
    public DateOnly Date { get; }
    public EvaluationOptions Options { get; }

    /// <summary>The lawful projection of the supplied situation, with traces when explanations are asked for.</summary>
    public Projection Base { get; }

    public FactValue[] HoldsToday { get; }
    public FactValue[] HoldsProjected { get; }
    public GoalActivation[] Activation { get; }

    public bool IsActive(int goal) => Activation[goal] != GoalActivation.Inactive;

    public ReportLanguage Lang => Options.Language;

    /// <summary>
    /// Conditions that stayed unknown although they read no unknown household fact (a division by zero, a date out of
    /// range, a parameter without value), with the id of the rule, goal, collision or deviation they belong to.
    /// </summary>
    public IReadOnlyList<(string Id, CompiledExpression Expression, UnknownCause Cause)> UndecidedWithoutFacts => _undecidedWithoutFacts;

    /// <summary>
    /// Notes a condition that stayed unknown without an unknown fact; evaluates it once more on <paramref name="frame"/>
    /// to learn the exact cause (rare, so the common path pays nothing).
    /// </summary>
    private void NoteUndecided(FactValue v, List<FactRead>? unknowns, string id, CompiledExpression e, EvaluationFrame frame, EntityInstance? scope = null)
    {
        if (!v.IsUnknown || unknowns is { Count: > 0 } || _undecidedWithoutFacts.Any(x => x.Id == id && ReferenceEquals(x.Expression, e))) return;
        UnknownCauses.Take();
        e.Decide(frame, scope);
        _undecidedWithoutFacts.Add((id, e, UnknownCauses.Take()));
    }

    /// <summary>The facts found missing so far, with what each would decide.</summary>
    public IReadOnlyList<MissingFact> MissingFacts => _missing.ToList();

    /// <summary>
    /// Checks the household against the rule set, projects it and evaluates every goal: the start of every
    /// evaluation, what-if query and decision.
    /// </summary>
    /// <exception cref="HouseholdException">The household does not fit the rule set's fact schema.</exception>
    public static EvaluationSession Open(CompiledRuleSet ruleSet, Household household, DateOnly date, EvaluationOptions options, EvaluationBackend? backend = null)
    {
        backend ??= EvaluationBackend.Compiled;
        var problems = new DiagnosticBag();
        var supplied = ruleSet.FrameBuilder.Build(household, date, problems);
        if (problems.HasErrors) throw new HouseholdException(problems.Items);
        foreach (var g in household.Goals)
            if (!ruleSet.Goals.Any(x => x.Id == g)) problems.Report(DiagnosticCatalog.UnknownHouseholdGoal, SourceLocation.None, $"The household states the goal '{g}', which no loaded pack defines{Suggest.Hint(g, ruleSet.Goals.Select(x => x.Id))}.");
        var situations = household.Situations.Count == 0 ? [] : ruleSet.Packs.Situations.Select(x => x.Id).ToList();
        foreach (var x in household.Situations)
            if (!situations.Contains(x)) problems.Report(DiagnosticCatalog.UnknownHouseholdSituation, SourceLocation.None, $"The household names the situation '{x}', which no loaded pack declares{Suggest.Hint(x, situations)}.");
        if (problems.HasErrors) throw new HouseholdException(problems.Items);

        var parameters = ruleSet.Parameters.ValuesOn(date);
        var projection = backend.Project(ruleSet, supplied, parameters, date, ProjectionChanges.None, detailed: true, trace: options.IncludeExplanations, into: null);
        var session = new EvaluationSession(ruleSet, backend, household, supplied, parameters, date, options, projection);
        session._missing.Causes = DerivedCauses(ruleSet, projection);
        session.EvaluateGoals();
        foreach (var u in projection.Undecided)
        {
            session._missing.Add(u.UnknownReads, u.Rule.Id);
            if (u.Rule.Applies is { } applies) session.NoteUndecided(FactValue.Unknown, u.UnknownReads.ToList(), u.Rule.Id, applies, projection.Frame, u.Element);
        }
        foreach (var (w, reads) in projection.UnknownValues) session._missing.Add(reads, w.Rule.Id);
        return session;
    }

    /// <summary>
    /// For every fact a rule derives but left unknown (its condition undecided, or its value read an unknown fact), the
    /// unknown facts behind it: a question about the derived fact itself would be noise (the rule sets it anyway), so
    /// the questions about its causes stand in for it. So do the unknown facts a rule per element tests with <c>bekend(...)</c>
    /// alone, for the facts it derives once they are known. A derived fact left unknown by a parameter without a value has
    /// no cause among the household's facts: that is a gap, not a question.
    /// </summary>
    private static Dictionary<(EntityInstance?, FieldDefinition), List<FactRead>> DerivedCauses(CompiledRuleSet ruleSet, Projection p)
    {
        var causes = new Dictionary<(EntityInstance?, FieldDefinition), List<FactRead>>();
        List<FactRead> Of(EntityInstance? e, FieldDefinition f) => causes.TryGetValue((e, f), out var l) ? l : causes[(e, f)] = new List<FactRead>();
        foreach (var u in p.Undecided)
            foreach (var d in u.Rule.Determines)
                Of(d.Target.Kind == TargetKind.Element ? u.Element : null, d.Target.Field).AddRange(u.UnknownReads);
        foreach (var w in p.Writes)
            if (w.After.IsUnknown) Of(w.Instance, w.Field);
        foreach (var (w, reads) in p.UnknownValues) Of(w.Instance, w.Field).AddRange(reads);
        // A rule per element whose condition only asks whether facts are known (applies: bekend(rol)) and did not apply
        // because one of them is unknown: it sets its facts as soon as that one is answered, so that one is asked instead.
        foreach (var r in ruleSet.Rules)
        {
            if (r.ForEach is not { } collection || r.Applies is not { Guarded.Count: > 0 } applies || !applies.FieldsRead.All(applies.Guarded.Contains)) continue;
            foreach (var e in p.Household.Collections[collection.Slot])
            {
                var unknown = applies.Guarded.Where(f => f.Owner == e.Schema && e.Values[f.Slot].IsUnknown).Select(f => new FactRead(e, f, FactValue.Unknown)).ToList();
                if (unknown.Count == 0) continue;
                foreach (var d in r.Determines)
                    if (d.Target.Kind == TargetKind.Element && e.Values[d.Target.Field.Slot].IsUnknown) Of(e, d.Target.Field).AddRange(unknown);
            }
        }
        return causes;
    }

    /// <summary>
    /// Records the unknown facts the costs read, for the cost comparison of a proposal: called when some deviation
    /// could resolve a collision (whether or not proposals are searched), so that a cost never silently counts as 0.
    /// </summary>
    public void RecordCostUnknowns(IEnumerable<CompiledDeviation> candidates)
    {
        foreach (var c in RuleSet.Costs)
        {
            var elements = c.ForEach is { } coll ? Base.Household.Collections[coll.Slot] : NoElement;
            foreach (var e in elements)
            {
                if (c.When is not null)
                {
                    var w = c.When.Decide(Base.Frame, e, out var whenUnknowns);
                    _missing.Add(whenUnknowns, c.Definition.Id);
                    if (w.IsFalse) continue;
                }
                c.Monthly.Decide(Base.Frame, e, out var unknowns);
                _missing.Add(unknowns, c.Definition.Id);
            }
        }
        // An intervention's own costs (the rent it pays, a deposit) are read on the base situation, as the cost comparison does.
        foreach (var d in candidates)
        {
            foreach (var (_, amount) in d.Costs)
            {
                amount.Decide(Base.Frame, null, out var unknowns);
                _missing.Add(unknowns, d.Id);
            }
        }
    }

    private void EvaluateGoals()
    {
        var todayFrame = new EvaluationFrame(Supplied, Parameters, Date);
        for (var i = 0; i < RuleSet.Goals.Count; i++)
        {
            var goal = RuleSet.Goals[i];
            HoldsToday[i] = goal.Holds.Decide(todayFrame, null, out var todayUnknowns);
            HoldsProjected[i] = goal.Holds.Decide(Base.Frame, null, out var projectedUnknowns);

            if (Household.Goals.Contains(goal.Id))
            {
                Activation[i] = GoalActivation.Stated;
            }
            else if (goal.Active is { } cond)
            {
                var a = cond.Decide(todayFrame, null, out var activeUnknowns);
                _missing.Add(activeUnknowns, goal.Id);
                Activation[i] = a.IsTrue ? GoalActivation.Condition : GoalActivation.Inactive;
            }
            else
            {
                Activation[i] = HoldsToday[i].IsTrue ? GoalActivation.HoldsToday : GoalActivation.Inactive;
                _missing.Add(todayUnknowns, goal.Id);
            }
            if (IsActive(i))
            {
                _missing.Add(projectedUnknowns, goal.Id);
                NoteUndecided(HoldsProjected[i], projectedUnknowns, goal.Id, goal.Holds, Base.Frame);
                // Whether the goal holds today is part of its result (and of a collision's text): ask what decides it.
                if (Activation[i] != GoalActivation.HoldsToday) _missing.Add(todayUnknowns, goal.Id);
            }
        }
    }

    /// <summary>A re-projection with these changes and every goal on it; computed once per distinct set of changes.</summary>
    public Reprojection Reproject(ProjectionChanges changes)
    {
        if (_reprojections.TryGetValue(changes, out var hit)) return hit;
        var p = Backend.Project(RuleSet, Supplied, Parameters, Date, changes, detailed: false, trace: false, into: null);
        var goals = new FactValue[RuleSet.Goals.Count];
        for (var i = 0; i < goals.Length; i++) goals[i] = RuleSet.Goals[i].Holds.Decide(p.Frame);
        var result = new Reprojection(goals, p);
        _reprojections[changes] = result;
        return result;
    }

    /// <summary>
    /// Whether the goal holds with these rule outcomes set aside, running only the goal's cone; false when the
    /// goal "holds" only because rules became undecided.
    /// </summary>
    public bool HoldsWithout(CompiledGoal goal, int[] set) => WithoutVerdict(goal, set, null) == Counterfactual.Holds;

    /// <summary>
    /// What setting these rule outcomes aside does to the goal: it provably holds, it fails, or it is conditional (the goal
    /// is unknown there, or "holds" only while rules became undecided). For a conditional verdict the unknown facts and
    /// parameters it hinges on are added to <paramref name="hinges"/>.
    /// </summary>
    public Counterfactual WithoutVerdict(CompiledGoal goal, int[] set, Hinges? hinges)
    {
        _scratch ??= Supplied.Clone();
        var p = Backend.Project(RuleSet, Supplied, Parameters, Date, ProjectionChanges.Without(set, goal.ConeSet), detailed: false, trace: false, into: _scratch);
        var v = goal.Holds.Decide(p.Frame, null, out var unknowns);
        if (v.IsFalse) return Counterfactual.Fails;
        var newly = NewlyUndecidedRules(p);
        if (v.IsTrue && newly.Count == 0) return Counterfactual.Holds;
        if (hinges is not null)
        {
            hinges.Add(unknowns, goal.Holds.ParametersRead, Parameters);
            // Only a detailed projection says which facts left a rule undecided.
            if (newly.Count > 0)
            {
                p = Backend.Project(RuleSet, Supplied, Parameters, Date, ProjectionChanges.Without(set, goal.ConeSet), detailed: true, trace: false, into: _scratch);
                newly = NewlyUndecidedRules(p);
            }
            foreach (var u in newly) hinges.Add(u.UnknownReads, u.Rule.ParametersRead, Parameters);
        }
        return Counterfactual.Conditional;
    }

    /// <summary>
    /// Whether a re-projection leaves rules undecided that the base projection decided: then a goal that
    /// "holds" there holds only because facts became unknown, which proves nothing.
    /// </summary>
    public bool NewlyUndecided(Projection p) => NewlyUndecidedRules(p).Count > 0;

    /// <summary>The rules a re-projection leaves undecided that the base projection decided.</summary>
    public List<Undecided> NewlyUndecidedRules(Projection p)
    {
        var list = new List<Undecided>();
        foreach (var u in p.Undecided)
            if (!Base.Undecided.Any(b => b.Rule.Index == u.Rule.Index && b.Element?.Key == u.Element?.Key)) list.Add(u);
        return list;
    }

    /// <summary>
    /// The parameters marked illustrative on the peildatum that a figure rests on: those the value expressions read, those
    /// the values of <paramref name="rules"/> read, and those of every rule (applied in one of <paramref name="projections"/>)
    /// whose value determines a fact they read, followed back through the rules' values. Conditions (which rule applies) are
    /// not followed, so that a parameter every rule checks (such as an age limit) does not mark every figure. Sorted ids;
    /// empty when no parameter in force is illustrative.
    /// </summary>
    public IReadOnlyList<string> IllustrativeIn(IEnumerable<CompiledExpression?> expressions, IEnumerable<int> rules, params Projection[] projections)
    {
        _illustrative ??= RuleSet.Parameters.IllustrativeOn(Date);
        if (!_illustrative.Any(b => b)) return [];
        var marks = _illustrative;
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        var fields = new HashSet<FieldDefinition>();
        var seen = new HashSet<int>();
        var queue = new Queue<FieldDefinition>();
        void Params(IEnumerable<ParameterSymbol> ps)
        {
            foreach (var p in ps)
                if (marks[p.Slot]) ids.Add(p.Id);
        }
        void Fields(IEnumerable<FieldDefinition> fs)
        {
            foreach (var f in fs)
                if (fields.Add(f)) queue.Enqueue(f);
        }
        void Rule(int i)
        {
            if (!seen.Add(i)) return;
            foreach (var det in RuleSet.Rules[i].Determines)
            {
                Params(det.Value.ParametersRead);
                Fields(det.Value.FieldsRead);
            }
        }
        foreach (var e in expressions)
        {
            if (e is null) continue;
            Params(e.ParametersRead);
            Fields(e.FieldsRead);
        }
        foreach (var r in rules) Rule(r);
        while (queue.TryDequeue(out var f))
            foreach (var r in RuleSet.Rules)
                if (r.Writes.Contains(f) && projections.Any(p => p.Applied.Contains(r.Index))) Rule(r.Index);
        return ids.ToList();
    }

    /// <summary>Records unknown facts as missing, needed for <paramref name="neededFor"/>.</summary>
    public void AddMissing(IEnumerable<FactRead>? reads, string neededFor) => _missing.Add(reads, neededFor);

    /// <summary>
    /// Whether a deviation is allowed for this household (its condition holds). The unknown facts its condition reads are
    /// kept aside, not yet asked: <see cref="AskAllowed"/> asks them once it is known that the answer could matter.
    /// </summary>
    public bool IsAllowed(CompiledDeviation d)
    {
        if (_allowed.TryGetValue(d.Index, out var known)) return known;
        var allowed = true;
        if (d.Allowed is not null)
        {
            var v = d.Allowed.Decide(Base.Frame, null, out var unknowns);
            if (v.IsUnknown && unknowns is { Count: > 0 }) _allowedUnknowns[d.Index] = unknowns;
            NoteUndecided(v, unknowns, d.Id, d.Allowed, Base.Frame);
            allowed = v.IsTrue;
        }
        _allowed[d.Index] = allowed;
        return allowed;
    }

    /// <summary>Whether the deviation's condition is unknown (so it is not allowed yet, but could be).</summary>
    public bool AllowedIsUnknown(CompiledDeviation d) => IsAllowed(d) is false && _allowedUnknowns.ContainsKey(d.Index);

    /// <summary>Records the unknown facts the deviation's condition reads as missing: their answer could let it be proposed.</summary>
    public void AskAllowed(CompiledDeviation d)
    {
        if (_allowedUnknowns.TryGetValue(d.Index, out var unknowns)) _missing.Add(unknowns, d.Id);
    }

    /// <summary>Whether a declared collision's extra condition holds; unknown facts it reads are recorded as missing.</summary>
    public bool WhenHolds(CompiledCollision c)
    {
        if (c.When is null) return true;
        var v = c.When.Decide(Base.Frame, null, out var unknowns);
        _missing.Add(unknowns, c.Definition.Id);
        NoteUndecided(v, unknowns, c.Definition.Id, c.When, Base.Frame);
        return v.IsTrue;
    }

    public string Show(FactValue v) => Options.Redact ? Texts.Redacted : Texts.Value(v, Lang);
}

/// <summary>What setting rule outcomes aside does to a goal.</summary>
internal enum Counterfactual
{
    /// <summary>The goal still fails.</summary>
    Fails,
    /// <summary>The goal is unknown, or holds only while rules became undecided: it depends on unknown values.</summary>
    Conditional,
    /// <summary>The goal provably holds.</summary>
    Holds,
}

/// <summary>The unknown facts (as reads, for the missing facts) and parameters a conditional finding hinges on.</summary>
internal sealed class Hinges
{
    public List<FactRead> Reads { get; } = new();
    public SortedSet<string> Paths { get; } = new(StringComparer.Ordinal);

    public void Add(IEnumerable<FactRead>? reads, IEnumerable<ParameterSymbol> parameters, FactValue[] values)
    {
        foreach (var r in reads ?? [])
        {
            if (!r.Value.IsUnknown) continue;
            Reads.Add(r);
            var field = r.Field.Name == BuiltInFacts.Age && r.Field.Owner.TryGetField(BuiltInFacts.BirthDate, out var born) ? born : r.Field;
            Paths.Add($"{r.Instance.Key}.{field.Name}");
        }
        foreach (var p in parameters)
            if (values[p.Slot].IsUnknown) Paths.Add($"param.{p.Id}");
    }
}

/// <summary>A re-projection and every goal evaluated on it.</summary>
internal sealed record Reprojection(FactValue[] Goals, Projection Projection);

/// <summary>Gathers unknown facts and what they would decide.</summary>
internal sealed class MissingFacts
{
    private readonly SortedDictionary<string, (FieldDefinition Field, SortedSet<string> For)> _facts = new(StringComparer.Ordinal);

    /// <summary>Derived facts left unknown, with the unknown facts behind them (see EvaluationSession.DerivedCauses).</summary>
    public Dictionary<(EntityInstance?, FieldDefinition), List<FactRead>> Causes { get; set; } = new();

    public void Add(IEnumerable<FactRead>? reads, string neededFor) => Add(reads, neededFor, null);

    private void Add(IEnumerable<FactRead>? reads, string neededFor, HashSet<(EntityInstance?, FieldDefinition)>? seen)
    {
        if (reads is null) return;
        foreach (var r in reads)
        {
            if (!r.Value.IsUnknown) continue;
            if (Causes.TryGetValue((r.Instance, r.Field), out var causes) || Causes.TryGetValue((null, r.Field), out causes))
            {
                // A derived fact: ask what it is derived from, for this outcome too.
                seen ??= new HashSet<(EntityInstance?, FieldDefinition)>();
                if (seen.Add((r.Instance, r.Field))) Add(causes, neededFor, seen);
                continue;
            }
            var field = r.Field.Name == BuiltInFacts.Age && r.Field.Owner.TryGetField(BuiltInFacts.BirthDate, out var born) ? born : r.Field;
            var path = $"{r.Instance.Key}.{field.Name}";
            if (!_facts.TryGetValue(path, out var entry)) _facts[path] = entry = (field, new SortedSet<string>(StringComparer.Ordinal));
            entry.For.Add(neededFor);
        }
    }

    public IReadOnlyList<MissingFact> ToList() =>
        _facts.Select(kv => new MissingFact(kv.Key, kv.Value.Field.Description, kv.Value.Field.Question, kv.Value.For.ToList()) { Kind = kv.Value.Field.Type.Kind }).ToList();
}
