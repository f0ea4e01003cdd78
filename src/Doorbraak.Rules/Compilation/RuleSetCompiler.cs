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
        CheckWaits(rules, bag);
        var ordered = Order(rules, bag, out var blockades);

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

        if (ordered is not null)
        {
            foreach (var r in ordered)
            {
                r.HoldsBack = r.Definition.HoldsBack.Select(id => goals.FindIndex(g => g.Id == id)).Where(i => i >= 0).ToList();
                foreach (var id in r.Definition.HoldsBack)
                    if (!packs.Goals.Any(g => g.Id == id))
                        bag.Report(DiagnosticCatalog.UndefinedReference, r.Definition.Location, $"The rule '{r.Id}' holds back the goal '{id}', which no loaded pack defines{Suggest.Hint(id, packs.Goals.Select(g => g.Id))}.");
            }
            foreach (var d in packs.Deviations)
                foreach (var id in d.Breaks)
                    if (!ordered.Any(r => r.Id == id && r.Wait is not null))
                        bag.Report(DiagnosticCatalog.UndefinedReference, d.Location, $"The deviation '{d.Id}' breaks '{id}', which is no loaded rule with 'waits_for'{Suggest.Hint(id, ordered.Where(r => r.Wait is not null).Select(r => r.Id))}.");
        }

        if (bag.HasErrors || ordered is null) return null;
        foreach (var g in goals) g.Cone = Cone(g, ordered);
        var blockadeAt = new CompiledBlockade?[ordered.Count];
        foreach (var b in blockades) blockadeAt[b.Start] = b;

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
            Blockades = blockades,
            BlockadeAt = blockadeAt,
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
        CompiledExpression? wait = null;
        if (def.WaitsFor is { } wf)
        {
            wait = ConditionCompiler.Compile(new ConditionSource(wf.Fact, wf.Location), env, FactType.Boolean, scope, bag);
            if (wait is not null && wait.FieldsRead.Count(f => f.Type.Kind == FactKind.Boolean) != 1)
            {
                bag.Report(DiagnosticCatalog.WaitsForInvalid, wf.Location, $"'waits_for' of '{def.Id}' names '{wf.Fact}', which is not one yes/no fact; name the fact the rule waits for, such as huishouden.inkomen_stabiel.");
                wait = null;
            }
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
        if (wait is not null) reads.UnionWith(wait.FieldsRead);
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
            Wait = wait,
            WaitField = wait?.FieldsRead.First(f => f.Type.Kind == FactKind.Boolean),
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

    /// <summary>A rule that waits for a fact no other rule determines waits for the household alone: allowed, but the fact must be yes/no and determined somewhere for a blockade to form.</summary>
    private static void CheckWaits(List<CompiledRule> rules, DiagnosticBag bag)
    {
        foreach (var r in rules)
        {
            if (r.WaitField is not { } f) continue;
            if (r.Writes.Contains(f))
                bag.Report(DiagnosticCatalog.WaitsForInvalid, r.Definition.WaitsFor!.Location, $"'{r.Id}' waits for '{r.Definition.WaitsFor.Fact}', which it determines itself; a rule waits for another provider's outcome.");
        }
    }

    /// <summary>
    /// Orders rules so that a rule runs after every rule that writes a fact it reads (stable by declaration). Rules that
    /// depend on each other form a cycle; a cycle whose every edge is a <c>waits_for</c> (the reader waits for exactly the
    /// fact the writer determines, and reads nothing else of it) is a blockade group: its rules run together, to a
    /// fixpoint, at one place in the order. Any other cycle is a load error.
    /// </summary>
    private static List<CompiledRule>? Order(List<CompiledRule> rules, DiagnosticBag bag, out List<CompiledBlockade> blockades)
    {
        blockades = [];
        var n = rules.Count;
        // Edge a -> b when rule a determines a fact rule b reads. Found through an index of readers per fact, not by testing every
        // pair of rules: the pairwise test made loading quadratic in the number of rules (issue #20).
        var readers = new Dictionary<FieldDefinition, List<int>>();
        for (var b = 0; b < n; b++)
            foreach (var f in rules[b].Reads)
            {
                if (!readers.TryGetValue(f, out var list)) readers[f] = list = [];
                list.Add(b);
            }
        var edges = new List<int>[n];
        var seen = new HashSet<int>();
        for (var a = 0; a < n; a++)
        {
            seen.Clear();
            foreach (var w in rules[a].Writes)
                if (readers.TryGetValue(w, out var list))
                    foreach (var b in list)
                        if (b != a) seen.Add(b);
            edges[a] = [.. seen.Order()];
        }
        bool IsWait(int a, int b) => rules[b].WaitField is { } f && rules[a].Writes.Where(rules[b].Reads.Contains).All(x => x == f);

        // Strongly connected components (Tarjan, iterative), then the components in a stable topological order.
        var component = Components(n, edges);
        var members = component.Select((c, i) => (c, i)).GroupBy(x => x.c).ToDictionary(g => g.Key, g => g.Select(x => x.i).Order().ToList());
        var failed = false;
        foreach (var (_, list) in members.OrderBy(m => m.Value[0]))
        {
            if (list.Count == 1) continue;
            var inner = list.SelectMany(a => edges[a].Where(b => list.Contains(b)).Select(b => (a, b))).ToList();
            var other = inner.Where(e => !IsWait(e.a, e.b)).ToList();
            if (other.Count == 0) continue;
            failed = true;
            var (x, y) = other[0];
            var facts = string.Join(", ", rules[x].Writes.Where(rules[y].Reads.Contains).Select(f => f.Owner.Name + "." + f.Name));
            var waits = inner.Count > other.Count
                ? " Only a cycle in which each rule waits for the other's outcome ('waits_for') is a blockade the loader accepts."
                : " If each rule waits for the other's outcome, declare that with 'waits_for: { fact, provider }'; then the loop is reported as a blockade.";
            bag.Report(DiagnosticCatalog.RuleCycle, rules[list[0]].Definition.Location,
                $"Rules depend on each other in a cycle: {string.Join(", ", list.Select(i => rules[i].Id))}. '{rules[y].Id}' reads {facts}, which '{rules[x].Id}' determines; break the cycle by splitting a fact.{waits}");
        }
        if (failed) return null;

        var comps = members.Keys.ToList();
        var compEdges = comps.ToDictionary(c => c, _ => new HashSet<int>());
        var indegree = comps.ToDictionary(c => c, _ => 0);
        for (var a = 0; a < n; a++)
            foreach (var b in edges[a])
                if (component[a] != component[b] && compEdges[component[a]].Add(component[b])) indegree[component[b]]++;
        var ready = new SortedSet<(int First, int Comp)>(comps.Where(c => indegree[c] == 0).Select(c => (members[c][0], c)));
        var result = new List<CompiledRule>();
        while (ready.Count > 0)
        {
            var (_, c) = ready.Min;
            ready.Remove(ready.Min);
            if (members[c].Count > 1)
                blockades.Add(new CompiledBlockade { Index = blockades.Count, Start = result.Count, Count = members[c].Count });
            result.AddRange(members[c].Select(i => rules[i]));
            foreach (var d in compEdges[c])
                if (--indegree[d] == 0) ready.Add((members[d][0], d));
        }
        // Re-index in evaluation order.
        return result.Select((r, i) => r with { Index = i }).ToList();
    }

    /// <summary>The strongly connected component of each node (Tarjan's algorithm without recursion).</summary>
    private static int[] Components(int n, List<int>[] edges)
    {
        var index = new int[n];
        var low = new int[n];
        var comp = new int[n];
        Array.Fill(index, -1);
        var onStack = new bool[n];
        var stack = new Stack<int>();
        var counter = 0;
        var comps = 0;
        for (var s = 0; s < n; s++)
        {
            if (index[s] >= 0) continue;
            var work = new Stack<(int Node, int Next)>();
            work.Push((s, 0));
            index[s] = low[s] = counter++;
            stack.Push(s);
            onStack[s] = true;
            while (work.Count > 0)
            {
                var (v, next) = work.Pop();
                if (next < edges[v].Count)
                {
                    work.Push((v, next + 1));
                    var w = edges[v][next];
                    if (index[w] < 0)
                    {
                        index[w] = low[w] = counter++;
                        stack.Push(w);
                        onStack[w] = true;
                        work.Push((w, 0));
                    }
                    else if (onStack[w])
                    {
                        low[v] = Math.Min(low[v], index[w]);
                    }
                    continue;
                }
                if (low[v] == index[v])
                {
                    int w;
                    do
                    {
                        w = stack.Pop();
                        onStack[w] = false;
                        comp[w] = comps;
                    } while (w != v);
                    comps++;
                }
                if (work.Count > 0)
                {
                    var parent = work.Peek().Node;
                    low[parent] = Math.Min(low[parent], low[v]);
                }
            }
        }
        return comp;
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
        var elementSets = new List<CompiledElementChange>();
        foreach (var e in d.Change.Elements)
            if (CompileElementChange(e, env, bag) is { } compiled) elementSets.Add(compiled);
        var costs = new List<(StepCost, CompiledExpression)>();
        foreach (var c in d.StepCosts)
            if (ConditionCompiler.Compile(c.Amount, env, FactType.Money, null, bag) is { } amount) costs.Add((c, amount));
        if (bag.Items.Count > errors) return null;
        return new CompiledDeviation { Index = index, Definition = d, Allowed = allowed, Rule = -1, Sets = sets, ElementSets = elementSets, Until = until, Costs = costs };
    }

    /// <summary>
    /// An element change, type-checked: the collection exists, 'id' needs a text 'id' fact on the element, 'where' is a
    /// yes/no condition on the element, and each fact set is a fact of the element with a value of its type.
    /// </summary>
    private static CompiledElementChange? CompileElementChange(ElementChange e, ConditionEnvironment env, DiagnosticBag bag)
    {
        var collections = env.Schema.Household.Fields.Where(f => f.Type.Kind == FactKind.List).Select(f => f.Name).ToList();
        if (!env.Schema.Household.TryGetField(e.Collection, out var collection) || collection.Type.Kind != FactKind.List)
        {
            bag.Report(DiagnosticCatalog.ElementCollectionUnknown, e.CollectionLocation, $"'{e.Collection}' is not a collection of the household; an element change names one of {string.Join(", ", collections)}{Suggest.Hint(e.Collection, collections)}.");
            return null;
        }
        var entity = env.Schema.GetEntity(collection.Type.EntityName!);
        var errors = bag.Items.Count;
        FieldDefinition? idField = null;
        CompiledExpression? where = null;
        if (e.Id is not null)
        {
            if (!entity.TryGetField("id", out var f) || f.Type.Kind != FactKind.Text)
                bag.Report(DiagnosticCatalog.ElementIdWithoutIdFact, e.IdLocation, $"'id: {e.Id}' picks an element of {e.Collection} by its id, but a {entity.Name} has no text fact 'id'; declare {entity.Name}.id under 'facts' (type: text) and give each element its id in the household, or pick with 'where: <condition>'.");
            else
                idField = f;
        }
        else
        {
            where = ConditionCompiler.Compile(e.Where!, env, FactType.Boolean, entity, bag);
        }
        var sets = new List<CompiledDetermination>();
        foreach (var s in e.Sets)
        {
            var target = ResolveTarget(s.Target, s.Location, entity, env.Schema, bag);
            if (target is null) continue;
            var value = ConditionCompiler.Compile(s.Value, env, target.Field.Type, entity, bag);
            if (value is not null) sets.Add(new CompiledDetermination(target, value));
        }
        if (bag.Items.Count > errors) return null;
        return new CompiledElementChange { Collection = collection, Id = e.Id, IdField = idField, Where = where, Sets = sets };
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
