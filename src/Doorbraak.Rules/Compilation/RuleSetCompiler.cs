using Doorbraak.Rules.Source;
using Doorbraak.Rules.Facts;
using Doorbraak.Rules.Conditions;
using Doorbraak.Rules.Packs;

namespace Doorbraak.Rules.Compilation;

/// <summary>Type-checks and compiles a merged pack set into an <see cref="CompiledRuleSet"/>, once.</summary>
internal static class RuleSetCompiler
{
    public static CompiledRuleSet? Compile(MergedPacks packs, IReadOnlyDictionary<string, IConditionFunction> functions, DiagnosticBag bag)
    {
        var schema = new FactSchema();
        foreach (var f in packs.Facts)
            schema.GetEntity(f.Entity).Add(f.Name, f.Type, f.Description, f.Unit, f.Question, builtIn: false, f.Location, f.Default ?? default);

        var parameters = new Dictionary<string, ParameterSymbol>(StringComparer.Ordinal);
        for (var i = 0; i < packs.Parameters.Count; i++)
        {
            var p = packs.Parameters[i];
            parameters.Add(p.Id, new ParameterSymbol(p.Id, p.Type, i, p.Title, p.Unit));
        }
        var env = new ConditionEnvironment(schema, parameters, functions);
        schema.Household.TryGetField(BuiltInFacts.Members, out var membersField);
        schema.Member.TryGetField(BuiltInFacts.Role, out var roleField);

        var rules = new List<CompiledRule>();
        for (var i = 0; i < packs.Rules.Count; i++)
        {
            if (CompileRule(packs.Rules[i], i, env, bag) is { } r) rules.Add(r);
        }
        var ordered = Order(rules, bag);

        var goals = new List<CompiledGoal>();
        foreach (var g in packs.Goals)
        {
            var holds = ConditionCompiler.Compile(g.Holds, env, FactType.Boolean, null, bag);
            var active = g.Active is null ? null : ConditionCompiler.Compile(g.Active, env, FactType.Boolean, null, bag);
            if (holds is not null && (g.Active is null || active is not null))
                goals.Add(new CompiledGoal { Index = goals.Count, Definition = g, Holds = holds, Active = active, Cone = [] });
        }

        var collisions = new List<CompiledCollision>();
        foreach (var c in packs.Collisions)
        {
            var when = c.When is null ? null : ConditionCompiler.Compile(c.When, env, FactType.Boolean, null, bag);
            var goal = goals.FindIndex(g => g.Id == c.Goal);
            var ruleIdx = c.Rules.Select(id => ordered?.FindIndex(r => r.Id == id) ?? -1).ToList();
            if ((c.When is null || when is not null) && goal >= 0 && ruleIdx.All(i => i >= 0))
                collisions.Add(new CompiledCollision { Definition = c, When = when, Goal = goal, Rules = ruleIdx });
        }

        var deviations = new List<CompiledDeviation>();
        foreach (var d in packs.Deviations)
        {
            if (ordered is null) break;
            if (CompileDeviation(d, deviations.Count, ordered, env, bag) is { } cd) deviations.Add(cd);
        }

        var costs = new List<CompiledCost>();
        foreach (var c in packs.Costs)
        {
            var scope = Scope(c.ForEach, schema, out var forEach);
            var monthly = ConditionCompiler.Compile(c.Monthly, env, FactType.Money, scope, bag);
            var when = c.When is null ? null : ConditionCompiler.Compile(c.When, env, FactType.Boolean, scope, bag);
            if (monthly is not null && (c.When is null || when is not null))
                costs.Add(new CompiledCost { Definition = c, ForEach = forEach, Monthly = monthly, When = when });
        }

        if (bag.HasErrors || ordered is null) return null;
        foreach (var g in goals) g.Cone = Cone(g, ordered);

        return new CompiledRuleSet
        {
            Packs = packs,
            Schema = schema,
            Environment = env,
            Parameters = new ParameterTable(packs.Parameters),
            Rules = ordered,
            Goals = goals,
            Collisions = collisions,
            Deviations = deviations,
            Costs = costs,
            FrameBuilder = new FrameBuilder(schema),
            MembersField = membersField,
            RoleField = roleField,
        };
    }

    private static EntitySchema? Scope(string? forEach, FactSchema schema, out FieldDefinition? collection)
    {
        collection = null;
        if (forEach is null) return null;
        schema.Household.TryGetField(forEach, out collection);
        return schema.GetEntity(collection!.Type.EntityName!);
    }

    private static CompiledRule? CompileRule(RuleDefinition def, int index, ConditionEnvironment env, DiagnosticBag bag)
    {
        var scope = Scope(def.ForEach, env.Schema, out var forEach);
        var errors = bag.Items.Count;
        var applies = def.Applies is null ? null : ConditionCompiler.Compile(def.Applies, env, FactType.Boolean, scope, bag);
        var determines = new List<CompiledDetermination>();
        foreach (var d in def.Determines)
        {
            var target = ResolveTarget(d.Target, d.Location, scope, env.Schema, bag);
            if (target is null) continue;
            var value = ConditionCompiler.Compile(d.Value, env, target.Field.Type, scope, bag);
            if (value is not null) determines.Add(new CompiledDetermination(target, value));
        }
        if (def.Determines.Count == 0)
            bag.Report(DiagnosticCatalog.RuleDeterminesNothing, def.Location, $"The {(def.Kind == RuleKind.Rule ? "rule" : "consequence")} '{def.Id}' determines nothing; add 'determines' with at least one fact.");
        if (bag.Items.Count > errors) return null;

        var reads = new HashSet<FieldDefinition>();
        var parametersRead = new List<ParameterSymbol>();
        foreach (var e in determines.Select(x => x.Value).Prepend(applies))
        {
            if (e is null) continue;
            reads.UnionWith(e.FieldsRead);
            parametersRead.AddRange(e.ParametersRead);
        }
        return new CompiledRule
        {
            Index = index,
            Definition = def,
            ForEach = forEach,
            Applies = applies,
            Determines = determines,
            Reads = reads,
            Writes = determines.Select(x => x.Target.Field).ToHashSet(),
            ParametersRead = parametersRead.Distinct().ToList(),
        };
    }

    /// <summary>Resolves <c>huishouden.x</c>, <c>aanvrager.x</c>, <c>partner.x</c>, or in a scoped rule <c>x</c> / <c>lid.x</c>.</summary>
    internal static CompiledTarget? ResolveTarget(string path, SourceLocation at, EntitySchema? scope, FactSchema schema, DiagnosticBag bag)
    {
        var dot = path.IndexOf('.');
        var head = dot < 0 ? null : path[..dot];
        var name = dot < 0 ? path : path[(dot + 1)..];
        EntitySchema entity;
        TargetKind kind;
        string? role = null;
        if (head is null || (scope is not null && head == scope.Name))
        {
            if (scope is null)
            {
                bag.Report(DiagnosticCatalog.UnknownDeterminedFact, at, $"'{path}' does not say whose fact it is; write huishouden.{path}, aanvrager.{path} or partner.{path}, or use for_each.");
                return null;
            }
            entity = scope;
            kind = TargetKind.Element;
        }
        else if (head == FactSchema.HouseholdEntity)
        {
            entity = schema.Household;
            kind = TargetKind.Household;
        }
        else if (FactSchema.RoleSelectors.Contains(head))
        {
            entity = schema.Member;
            kind = TargetKind.Role;
            role = head;
        }
        else
        {
            var heads = new List<string> { FactSchema.HouseholdEntity };
            heads.AddRange(FactSchema.RoleSelectors);
            if (scope is not null) heads.Add(scope.Name);
            bag.Report(DiagnosticCatalog.UnknownDeterminedFact, at, $"'{path}' cannot be determined: it must start with {string.Join(", ", heads)}{Suggest.Hint(head, heads)}.");
            return null;
        }
        if (!entity.TryGetField(name, out var field) || !field.Type.IsScalar)
        {
            bag.Report(DiagnosticCatalog.UnknownDeterminedFact, at, $"'{path}': {entity.Name} has no fact '{name}'{Suggest.Hint(name, entity.Fields.Where(f => f.Type.IsScalar).Select(f => f.Name))}. Declare it under 'facts' first.");
            return null;
        }
        if (HouseholdReader.IsDerived(field))
        {
            bag.Report(DiagnosticCatalog.DerivedFactDetermined, at, $"'{path}' is derived from 'geboren' and cannot be determined by a rule.");
            return null;
        }
        return new CompiledTarget(kind, field, role);
    }

    /// <summary>Orders rules so that a rule runs after every rule that writes a fact it reads (stable by declaration).</summary>
    private static List<CompiledRule>? Order(List<CompiledRule> rules, DiagnosticBag bag)
    {
        var n = rules.Count;
        var edges = new List<int>[n];
        var indegree = new int[n];
        for (var a = 0; a < n; a++)
        {
            edges[a] = new List<int>();
            for (var b = 0; b < n; b++)
            {
                if (a == b) continue;
                if (rules[a].Writes.Overlaps(rules[b].Reads))
                {
                    edges[a].Add(b);
                    indegree[b]++;
                }
            }
        }
        var ready = new SortedSet<int>(Enumerable.Range(0, n).Where(i => indegree[i] == 0));
        var result = new List<CompiledRule>();
        while (ready.Count > 0)
        {
            var i = ready.Min;
            ready.Remove(i);
            result.Add(rules[i]);
            foreach (var j in edges[i])
                if (--indegree[j] == 0) ready.Add(j);
        }
        if (result.Count < n)
        {
            var stuck = Enumerable.Range(0, n).Where(i => indegree[i] > 0).Select(i => rules[i]).ToList();
            var first = stuck[0];
            bag.Report(DiagnosticCatalog.RuleCycle, first.Definition.Location,
                $"Rules depend on each other in a cycle: {string.Join(", ", stuck.Select(r => r.Id))}. Each reads a fact another one determines; break the cycle by splitting a fact.");
            return null;
        }
        // Re-index in evaluation order.
        return result.Select((r, i) => r with { Index = i }).ToList();
    }

    /// <summary>Rules whose outcome can reach the goal: writers of what it reads, transitively.</summary>
    private static List<int> Cone(CompiledGoal goal, IReadOnlyList<CompiledRule> rules)
    {
        var needed = new HashSet<FieldDefinition>(goal.Holds.FieldsRead);
        var cone = new SortedSet<int>();
        for (var i = rules.Count - 1; i >= 0; i--)
        {
            if (rules[i].Writes.Overlaps(needed))
            {
                cone.Add(i);
                needed.UnionWith(rules[i].Reads);
            }
        }
        return cone.ToList();
    }

    private static CompiledDeviation? CompileIntervention(DeviationDefinition d, int index, ConditionEnvironment env, DiagnosticBag bag)
    {
        var errors = bag.Items.Count;
        var allowed = d.Allowed is null ? null : ConditionCompiler.Compile(d.Allowed, env, FactType.Boolean, null, bag);
        var until = d.Limits.Until is null ? null : ConditionCompiler.Compile(d.Limits.Until, env, FactType.Boolean, null, bag);
        var sets = new List<CompiledDetermination>();
        foreach (var s in d.Change.Sets)
        {
            var target = ResolveTarget(s.Target, s.Location, null, env.Schema, bag);
            if (target is null) continue;
            var value = ConditionCompiler.Compile(s.Value, env, target.Field.Type, null, bag);
            if (value is not null) sets.Add(new CompiledDetermination(target, value));
        }
        var costs = new List<(StepCost, CompiledExpression)>();
        foreach (var c in d.StepCosts)
            if (ConditionCompiler.Compile(c.Amount, env, FactType.Money, null, bag) is { } amount) costs.Add((c, amount));
        if (bag.Items.Count > errors) return null;
        return new CompiledDeviation { Index = index, Definition = d, Allowed = allowed, Rule = -1, Sets = sets, Until = until, Costs = costs };
    }

    private static CompiledDeviation? CompileDeviation(DeviationDefinition d, int index, List<CompiledRule> rules, ConditionEnvironment env, DiagnosticBag bag)
    {
        if (d.IsIntervention) return CompileIntervention(d, index, env, bag);
        var ruleIndex = rules.FindIndex(r => r.Id == d.Deviates);
        if (ruleIndex < 0) return null;
        var rule = rules[ruleIndex];
        var scope = Scope(rule.Definition.ForEach, env.Schema, out _);
        var errors = bag.Items.Count;
        var allowed = d.Allowed is null ? null : ConditionCompiler.Compile(d.Allowed, env, FactType.Boolean, null, bag);
        ParameterSymbol? parameter = null;
        CompiledExpression? parameterValue = null;
        var sets = new List<CompiledDetermination>();
        FieldDefinition? fact = null;
        switch (d.Change.Kind)
        {
            case ChangeKind.Parameter:
                parameter = env.Parameters[d.Change.ParameterId!];
                if (!rule.ParametersRead.Contains(parameter))
                    bag.Report(DiagnosticCatalog.ChangeOutsideRule, d.Change.Location, $"The deviation '{d.Id}' changes '{parameter.Id}', but the rule '{rule.Id}' does not use that parameter.");
                parameterValue = ConditionCompiler.Compile(d.Change.Value!, env, parameter.Type, null, bag);
                break;
            case ChangeKind.Set:
                foreach (var s in d.Change.Sets)
                {
                    var target = ResolveTarget(s.Target, s.Location, scope, env.Schema, bag);
                    if (target is null) continue;
                    if (!rule.Writes.Contains(target.Field))
                        bag.Report(DiagnosticCatalog.ChangeOutsideRule, s.Location, $"'{s.Target}' is not a fact the rule '{rule.Id}' determines ({string.Join(", ", rule.Determines.Select(x => x.Target.Path))}).");
                    var value = ConditionCompiler.Compile(s.Value, env, target.Field.Type, scope, bag);
                    if (value is not null) sets.Add(new CompiledDetermination(target, value));
                }
                break;
            case ChangeKind.Waive:
            case ChangeKind.Spread:
                var t = ResolveTarget(d.Change.Fact!, d.Change.Location, scope, env.Schema, bag);
                if (t is null) break;
                fact = t.Field;
                if (!rule.Writes.Contains(fact))
                    bag.Report(DiagnosticCatalog.ChangeOutsideRule, d.Change.Location, $"'{d.Change.Fact}' is not a fact the rule '{rule.Id}' determines.");
                else if (fact.Type.Kind is not (FactKind.Money or FactKind.Number))
                    bag.Report(DiagnosticCatalog.ChangeDoesNotFitFact, d.Change.Location, $"'{d.Change.Fact}' is {fact.Type}; waive and spread apply to amounts.");
                break;
            case ChangeKind.Postpone:
                if (!rule.Determines.Any(x => x.Target.Field.Type.Kind == FactKind.Date))
                    bag.Report(DiagnosticCatalog.ChangeDoesNotFitFact, d.Change.Location, $"The rule '{rule.Id}' determines no date, so there is nothing to postpone.");
                break;
        }
        var until = d.Limits.Until is null ? null : ConditionCompiler.Compile(d.Limits.Until, env, FactType.Boolean, null, bag);
        if (bag.Items.Count > errors) return null;
        return new CompiledDeviation
        {
            Until = until,
            Index = index,
            Definition = d,
            Allowed = allowed,
            Rule = ruleIndex,
            Parameter = parameter,
            ParameterValue = parameterValue,
            Sets = sets,
            Fact = fact,
        };
    }
}
