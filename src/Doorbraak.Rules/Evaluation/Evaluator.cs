using Doorbraak.Rules.Source;
using Doorbraak.Rules.Facts;
using Doorbraak.Rules.Packs;
using Doorbraak.Rules.Compilation;
using Doorbraak.Rules.Wording;

namespace Doorbraak.Rules.Evaluation;

/// <summary>The state of one household's evaluation, shared by the collision and proposal stages.</summary>
internal sealed class EvaluationContext
{
    public required CompiledRuleSet Plan { get; init; }
    public required Household Household { get; init; }
    public required EntityInstance Supplied { get; init; }
    public required FactValue[] Parameters { get; init; }
    public required DateOnly Date { get; init; }
    public required EvaluationOptions Options { get; init; }
    public required Projection Base { get; init; }
    public required FactValue[] HoldsToday { get; init; }
    public required FactValue[] HoldsProjected { get; init; }
    public required bool[] Active { get; init; }
    public required string[] ActiveBecause { get; init; }
    public Dictionary<string, (FactValue[] Goals, Projection Projection)> Cache { get; } = new(StringComparer.Ordinal);
    public required MissingFactCollector Missing { get; init; }

    // One household copy reused by the counterfactuals of the collision search (they are not kept).
    private EntityInstance? _scratch;

    public ReportLanguage Lang => Options.Language;

    public FactValue EvaluateGoal(CompiledGoal goal, Projection p)
    {
        return goal.Holds.Decide(p.Frame);
    }

    /// <summary>Re-projects with changes and evaluates every goal; cached by key.</summary>
    public (FactValue[] Goals, Projection Projection) Reproject(string key, ProjectionChanges changes)
    {
        if (Cache.TryGetValue(key, out var hit)) return hit;
        var p = Projector.Project(Plan, Supplied, Parameters, Date, changes, detailed: false);
        var goals = new FactValue[Plan.Goals.Count];
        for (var i = 0; i < goals.Length; i++) goals[i] = EvaluateGoal(Plan.Goals[i], p);
        var result = (goals, p);
        Cache[key] = result;
        return result;
    }

    /// <summary>
    /// Whether the goal holds with these rule outcomes set aside, running only the goal's cone; false when the
    /// goal "holds" only because rules became undecided.
    /// </summary>
    public bool HoldsWithout(CompiledGoal goal, int[] set)
    {
        _scratch ??= Supplied.Clone();
        var p = Projector.Project(Plan, Supplied, Parameters, Date, ProjectionChanges.Without(set, goal.ConeSet), detailed: false, into: _scratch);
        return EvaluateGoal(goal, p).IsTrue && !NewlyUndecided(p);
    }

    /// <summary>
    /// Whether a re-projection leaves rules undecided that the base projection decided: then a goal that
    /// "holds" there holds only because facts became unknown, which proves nothing.
    /// </summary>
    public bool NewlyUndecided(Projection p)
    {
        foreach (var u in p.Undecided)
            if (!Base.Undecided.Any(b => b.Rule.Index == u.Rule.Index && b.Element?.Key == u.Element?.Key)) return true;
        return false;
    }

    public string Show(FactValue v) => Options.Redact ? Texts.Redacted : Texts.Value(v, Lang);
}

/// <summary>Gathers unknown facts and what they would decide.</summary>
internal sealed class MissingFactCollector
{
    private readonly SortedDictionary<string, (FieldDefinition Field, SortedSet<string> For)> _facts = new(StringComparer.Ordinal);

    public void Add(IEnumerable<FactRead>? reads, string neededFor)
    {
        if (reads is null) return;
        foreach (var r in reads)
        {
            if (!r.Value.IsUnknown) continue;
            var field = r.Field.Name == "leeftijd" && r.Field.Owner.TryGetField("geboren", out var born) ? born : r.Field;
            var path = $"{r.Instance.Key}.{field.Name}";
            if (!_facts.TryGetValue(path, out var entry)) _facts[path] = entry = (field, new SortedSet<string>(StringComparer.Ordinal));
            entry.For.Add(neededFor);
        }
    }

    public IReadOnlyList<MissingFact> ToList() =>
        _facts.Select(kv => new MissingFact(kv.Key, kv.Value.Field.Description, kv.Value.Field.Question, kv.Value.For.ToList())).ToList();
}

/// <summary>Evaluates one household: projection, goals, collisions, missing facts, then proposals.</summary>
internal static class Evaluator
{
    public static EvaluationResult Evaluate(CompiledRuleSet plan, IReadOnlyList<PackInfo> packs, Household household, DateOnly date, EvaluationOptions options, IPrecedentSource? precedents)
    {
        var ctx = CreateContext(plan, household, date, options);
        var determinations = Determinations(ctx);
        var goals = plan.Goals.Select(g => new GoalResult(g.Id, g.Definition.Title, g.Definition.Domain, ctx.Active[g.Index], ctx.ActiveBecause[g.Index], Bool(ctx.HoldsToday[g.Index]), Bool(ctx.HoldsProjected[g.Index]))).ToList();
        var collisions = CollisionFinder.Find(ctx);
        var proposals = options.IncludeProposals ? ProposalFinder.Find(ctx, collisions, precedents) : [];
        var audit = new AuditBlock(packs, DoorbraakEngine.EngineVersion, date);
        return new EvaluationResult(determinations, goals, collisions.Select(c => c.Result).ToList(), ctx.Missing.ToList(), proposals, audit);
    }

    /// <summary>Projects the household and evaluates every goal; the start of every evaluation and what-if query.</summary>
    public static EvaluationContext CreateContext(CompiledRuleSet plan, Household household, DateOnly date, EvaluationOptions options)
    {
        var problems = new DiagnosticBag();
        var supplied = plan.FrameBuilder.Build(household, date, problems);
        if (problems.HasErrors) throw new HouseholdException(problems.Items);
        foreach (var g in household.Goals)
            if (!plan.Goals.Any(x => x.Id == g)) problems.Report(DiagnosticCatalog.UnknownHouseholdGoal, SourceLocation.None, $"The household states the goal '{g}', which no loaded pack defines{Suggest.Hint(g, plan.Goals.Select(x => x.Id))}.");
        if (problems.HasErrors) throw new HouseholdException(problems.Items);

        var parameters = plan.Parameters.ValuesOn(date);
        var todayFrame = new EvaluationFrame(supplied, parameters, date);
        var projection = Projector.Project(plan, supplied, parameters, date, ProjectionChanges.None, detailed: true, trace: options.IncludeExplanations);

        var n = plan.Goals.Count;
        var today = new FactValue[n];
        var projected = new FactValue[n];
        var active = new bool[n];
        var because = new string[n];
        var missing = new MissingFactCollector();
        for (var i = 0; i < n; i++)
        {
            var goal = plan.Goals[i];
            today[i] = goal.Holds.Decide(todayFrame, null, out var todayUnknowns);
            projected[i] = goal.Holds.Decide(projection.Frame, null, out var projectedUnknowns);

            if (household.Goals.Contains(goal.Id))
            {
                active[i] = true;
                because[i] = "stated";
            }
            else if (goal.Active is { } cond)
            {
                var a = cond.Decide(todayFrame, null, out var activeUnknowns);
                missing.Add(activeUnknowns, goal.Id);
                active[i] = a.IsTrue;
                because[i] = a.IsTrue ? "condition" : "inactive";
            }
            else
            {
                active[i] = today[i].IsTrue;
                because[i] = today[i].IsTrue ? "holds-today" : "inactive";
                missing.Add(todayUnknowns, goal.Id);
            }
            if (active[i]) missing.Add(projectedUnknowns, goal.Id);
        }

        foreach (var u in projection.Undecided) missing.Add(u.UnknownReads, u.Rule.Id);

        var ctx = new EvaluationContext
        {
            Plan = plan,
            Household = household,
            Supplied = supplied,
            Parameters = parameters,
            Date = date,
            Options = options,
            Base = projection,
            HoldsToday = today,
            HoldsProjected = projected,
            Active = active,
            ActiveBecause = because,
            Missing = missing,
        };

        return ctx;
    }

    public static bool? Bool(FactValue v) => v.IsUnknown ? null : v.IsTrue;

    private static List<DeterminationResult> Determinations(EvaluationContext ctx)
    {
        var list = new List<DeterminationResult>();
        foreach (var w in ctx.Base.Writes)
        {
            var def = w.Rule.Definition;
            var law = def.Kind == RuleKind.Rule;
            list.Add(new DeterminationResult(def.Id, law ? "law" : "practice", def.Title, def.Citation.ToString(), def.Citation.Url, w.Path,
                ctx.Options.Redact ? Texts.Redacted : w.After.ToString(), ctx.Options.Redact ? Texts.Redacted : w.Before.ToString(), ExplainRule(ctx, w)));
        }
        return list;
    }

    public static readonly Explanation None = new("", "none", [], []);

    public static Explanation ExplainRule(EvaluationContext ctx, Written w)
    {
        if (!ctx.Options.IncludeExplanations) return None;
        var def = w.Rule.Definition;
        var lang = ctx.Lang;
        var law = def.Kind == RuleKind.Rule;
        var who = w.Instance.Key == "huishouden" ? "" : Texts.Pick(lang, $" voor {w.Instance.Key}", $" for {w.Instance.Key}");
        var lead = law
            ? Texts.Pick(lang, $"De wet zegt ({def.Citation}): {def.Title}{who}.", $"The law says ({def.Citation}): {def.Title}{who}.")
            : Texts.Pick(lang, $"De ervaring leert ({def.Citation}): {def.Title}{who}.", $"Experience shows ({def.Citation}): {def.Title}{who}.");
        var because = w.Trace is { Clauses.Count: > 0 } t
            ? Texts.Pick(lang, " Dit geldt omdat ", " This applies because ") + Texts.Join(t.Clauses.Select(c => $"{c.Clause} ({Texts.Outcome(c.Outcome, lang)})"), lang) + "."
            : "";
        var set = Texts.Pick(lang, $" Daardoor wordt {w.Path} {ctx.Show(w.After)}", $" So {w.Path} becomes {ctx.Show(w.After)}")
            + (w.Before.IsUnknown ? "." : Texts.Pick(lang, $" (was {ctx.Show(w.Before)}).", $" (was {ctx.Show(w.Before)})."));
        var extra = def.Explain is { } e && lang == ReportLanguage.Dutch ? " " + e.Trim() : "";
        return new Explanation(lead + because + set + extra, law ? "law" : "practice",
            w.Trace?.Clauses.Select(c => new ConditionOutcome(c.Clause, Texts.Outcome(c.Outcome, lang))).ToList() ?? [],
            w.Trace?.Reads.Select(r => new FactUsed($"{r.Instance.Key}.{r.Field.Name}", ctx.Show(r.Value))).ToList() ?? []);
    }
}
