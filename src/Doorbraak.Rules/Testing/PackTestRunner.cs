using Doorbraak.Rules.Source;
using Doorbraak.Rules.Source.Yaml;
using Doorbraak.Rules.Facts;
using Doorbraak.Rules.Packs;
using Doorbraak.Rules.Compilation;
using Doorbraak.Rules.Evaluation;

namespace Doorbraak.Rules.Testing;

/// <summary>The outcome of one test case written in a pack.</summary>
/// <param name="Pack">The pack the test belongs to.</param>
/// <param name="Name">The test's name.</param>
/// <param name="Location">Where the test is written (<c>path:line:column</c>).</param>
/// <param name="Passed">Whether every expectation held.</param>
/// <param name="Failures">Each expectation that did not hold: expected against actual.</param>
/// <param name="Result">The evaluation, for traces; null when the household could not be read.</param>
public sealed record PackTestResult(string Pack, string Name, string Location, bool Passed, IReadOnlyList<string> Failures, EvaluationResult? Result);

/// <summary>Runs the test cases written in packs (<c>tests:</c> sections) against a loaded pack set.</summary>
/// <threadsafety>Stateless and thread-safe.</threadsafety>
public static class PackTestRunner
{
    /// <summary>Runs the tests of one pack of the set, or of every pack when <paramref name="packId"/> is null.</summary>
    /// <param name="packs">The loaded set (a local pack's tests need the packs it requires in the set).</param>
    /// <param name="packId">The pack whose tests to run, or null for all.</param>
    public static IReadOnlyList<PackTestResult> Run(PackSet packs, string? packId = null)
    {
        ArgumentNullException.ThrowIfNull(packs);
        var engine = new DoorbraakEngine(packs);
        var results = new List<PackTestResult>();
        foreach (var pack in packs.RuleSet.Packs.Packs)
        {
            if (packId is not null && pack.Manifest.Id != packId) continue;
            foreach (var test in pack.Tests) results.Add(RunOne(engine, test));
        }
        return results;
    }

    /// <summary>The names of the tests of a pack, for test discovery.</summary>
    public static IReadOnlyList<string> TestNames(PackSet packs, string packId) =>
        packs.RuleSet.Packs.Packs.Where(p => p.Manifest.Id == packId).SelectMany(p => p.Tests).Select(t => t.Name).ToList();

    private static PackTestResult RunOne(DoorbraakEngine engine, PackTestCase test)
    {
        var plan = engine.PackSet.RuleSet;
        var bag = new DiagnosticBag();
        var household = HouseholdReader.Read(test.Household, plan.Schema, bag);
        if (household is null)
            return new PackTestResult(test.PackId, test.Name, test.Location.ToString(), false, bag.Items.Select(d => d.ToString()).ToList(), null);

        EvaluationResult result;
        try
        {
            result = engine.Evaluate(household, test.Date);
        }
        catch (HouseholdException ex)
        {
            return new PackTestResult(test.PackId, test.Name, test.Location.ToString(), false, ex.Diagnostics.Select(d => d.ToString()).ToList(), null);
        }

        var failures = new List<string>();
        var e = test.Expect;
        var applied = result.Determinations.Select(d => d.Rule).ToHashSet();
        foreach (var id in e.Applied ?? [])
            if (!applied.Contains(id)) failures.Add($"expected rule '{id}' to apply; applied: [{string.Join(", ", applied.Order())}]");
        foreach (var id in e.NotApplied ?? [])
            if (applied.Contains(id)) failures.Add($"expected rule '{id}' not to apply, but it did");
        foreach (var (path, expected) in e.Facts)
            CheckFact(engine, household, test, result, path, expected, failures);
        foreach (var id in e.GoalsFailing ?? [])
        {
            var g = result.Goals.FirstOrDefault(x => x.Goal == id);
            if (g is null) failures.Add($"expected goal '{id}' to fail, but no such goal is loaded");
            else if (g.HoldsProjected != false) failures.Add($"expected goal '{id}' to fail on the projected situation; it is {Show(g.HoldsProjected)}");
        }
        if (e.Collisions is { } cs) CompareSet("collisions", cs, result.Collisions.Select(c => c.Id), failures);
        if (e.Proposals is { } ps) CompareSet("proposals", ps, result.Proposals.Select(p => p.Id), failures);
        if (e.Missing is { } ms)
        {
            var actual = result.MissingFacts.Select(m => m.Path).ToHashSet();
            if (ms.Count == 0 && actual.Count > 0) failures.Add($"expected no missing facts; missing: [{string.Join(", ", actual)}]");
            foreach (var m in ms)
                if (!actual.Contains(m)) failures.Add($"expected '{m}' to be reported missing; missing: [{string.Join(", ", actual)}]");
        }
        foreach (var (step, details) in e.ProposalDetails)
            CheckDetails(step, details, result, failures);
        foreach (var (step, reason) in e.NotProposed)
            CheckNotProposed(step, reason, result, failures);
        foreach (var (step, facts) in e.FactsAfter)
        {
            var d = plan.Deviations.FirstOrDefault(x => x.Id == step);
            if (d is null)
            {
                failures.Add($"facts_after: no loaded pack defines a deviation or intervention '{step}'{Suggest.Hint(step, plan.Deviations.Select(x => x.Id))}");
                continue;
            }
            foreach (var (path, expected) in facts)
                CheckFact(engine, household, test, result, path, expected, failures, ProjectionChanges.With([d]), $"after {step}: ");
        }
        return new PackTestResult(test.PackId, test.Name, test.Location.ToString(), failures.Count == 0, failures, result);
    }

    /// <summary>The proposal a step is judged by: the one that is only this step, or else the best-ranked one that contains it.</summary>
    private static ProposalResult? ProposalWith(EvaluationResult result, string step) =>
        result.Proposals.FirstOrDefault(p => p.Id == step) ?? result.Proposals.Where(p => p.Deviations.Contains(step)).MinBy(p => p.Rank);

    private static void CheckDetails(string step, IReadOnlyList<(string Key, YScalar Value)> details, EvaluationResult result, List<string> failures)
    {
        var p = ProposalWith(result, step);
        if (p is null)
        {
            failures.Add($"proposal_details: '{step}' is in no proposal; proposals: [{string.Join(", ", result.Proposals.Select(x => x.Id))}]");
            return;
        }
        foreach (var (key, want) in details)
        {
            var text = want.Value.Trim();
            string? actual;
            bool equal;
            switch (key)
            {
                case "amount":
                case "cost_difference":
                    var value = key == "amount" ? p.MandateAmount : p.Cost.Difference;
                    actual = value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown";
                    equal = MappingReader.TryParseDecimal(text, out var w) ? value == w : text == actual;
                    break;
                case "until":
                    actual = p.EndDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "none";
                    equal = text == actual;
                    break;
                case "mandate":
                    actual = p.Mandate;
                    equal = text == actual;
                    break;
                case "request_to":
                    actual = p.Request?.Authority ?? "none";
                    equal = text == actual;
                    break;
                default: // kind
                    actual = p.Steps.FirstOrDefault(x => x.Id == step)?.Kind.ToString().ToLowerInvariant() ?? "unknown";
                    equal = text == actual;
                    break;
            }
            if (!equal) failures.Add($"{want.Start}: proposal {p.Id}: {key} expected {text}, actual {actual}");
        }
    }

    private static string Word(NotProposedReason reason) => reason switch
    {
        NotProposedReason.NotAllowed => "not-allowed",
        NotProposedReason.ConditionUnknown => "condition-unknown",
        NotProposedReason.OverAmountLimit => "over-amount-limit",
        NotProposedReason.BecomesUndecided => "becomes-undecided",
        NotProposedReason.HingesOnUnknown => "hinges-on-unknown",
        NotProposedReason.UntilMet => "until-met",
        _ => "resolves-nothing",
    };

    private static void CheckNotProposed(string step, YScalar reason, EvaluationResult result, List<string> failures)
    {
        var proposed = result.Proposals.FirstOrDefault(p => p.Deviations.Contains(step));
        if (proposed is not null)
        {
            failures.Add($"{reason.Start}: expected '{step}' not to be proposed, but it is in proposal {proposed.Id}");
            return;
        }
        var why = result.NotProposed.FirstOrDefault(n => n.Deviation == step);
        var actual = why is null ? "none given (it concerns no collision of this household)" : Word(why.Reason);
        if (why is null || Word(why.Reason) != reason.Value.Trim())
            failures.Add($"{reason.Start}: '{step}' not proposed: expected reason {reason.Value.Trim()}, actual {actual}{(why is null ? "" : $" ({why.Message})")}");
    }

    private static string Show(bool? b) => b is null ? "unknown" : b.Value ? "true" : "false";

    private static void CompareSet(string what, IReadOnlyList<string> expected, IEnumerable<string> actual, List<string> failures)
    {
        var a = actual.Order(StringComparer.Ordinal).ToList();
        var x = expected.Order(StringComparer.Ordinal).ToList();
        if (!a.SequenceEqual(x))
            failures.Add($"{what}: expected [{string.Join(", ", x)}], actual [{string.Join(", ", a)}]");
    }

    private static void CheckFact(DoorbraakEngine engine, Household household, PackTestCase test, EvaluationResult result, string path, YScalar expected, List<string> failures,
        ProjectionChanges? changes = null, string prefix = "")
    {
        var plan = engine.PackSet.RuleSet;
        var actual = ProjectedValue(plan, household, test.Date, path, out var field, out var problem, changes);
        if (problem is not null)
        {
            failures.Add($"{expected.Start}: {problem}");
            return;
        }
        var bag = new DiagnosticBag();
        var want = TypedValueReader.Read(expected, field!.Type, bag, path);
        if (want is null)
        {
            failures.Add(string.Join("; ", bag.Items));
            return;
        }
        var equal = actual.IsUnknown ? false
            : field.Type.Kind is FactKind.Money or FactKind.Number ? actual.AsDecimal == want.Value.AsDecimal
            : actual == want.Value;
        if (!equal) failures.Add($"{prefix}{path}: expected {want.Value}, actual {actual}");
    }

    /// <summary>Reads a path (<c>huishouden.x</c>, <c>aanvrager.x</c>, <c>leden[id].x</c>) from the projected situation.</summary>
    internal static FactValue ProjectedValue(CompiledRuleSet plan, Household household, DateOnly date, string path, out FieldDefinition? field, out string? problem,
        ProjectionChanges? changes = null)
    {
        field = null;
        problem = null;
        var supplied = plan.FrameBuilder.Build(household, date, new DiagnosticBag());
        var projection = Projector.Project(plan, supplied, plan.Parameters.ValuesOn(date), date, changes ?? ProjectionChanges.None, detailed: false);
        var dot = path.LastIndexOf('.');
        if (dot < 0)
        {
            problem = $"'{path}' is not a fact path; write huishouden.x, aanvrager.x, leden[id].x or schulden[1].x";
            return default;
        }
        var head = path[..dot];
        var name = path[(dot + 1)..];
        EntityInstance? target = null;
        if (head == "huishouden") target = projection.Household;
        else if (FactSchema.RoleSelectors.Contains(head)) target = projection.Frame.MemberWithRole(head, plan.RoleField, plan.MembersField);
        else if (head.EndsWith(']'))
            // leden[id], schulden[1], voorzieningen[2]: an element of a collection by the key results use.
            target = projection.Household.Collections.SelectMany(c => c).FirstOrDefault(m => m.Key == head);
        if (target is null)
        {
            problem = $"'{head}' names no entity of this household";
            return default;
        }
        if (!target.Schema.TryGetField(name, out var f) || !f.Type.IsScalar)
        {
            problem = $"{target.Schema.Name} has no fact '{name}'{Suggest.Hint(name, target.Schema.Fields.Select(x => x.Name))}";
            return default;
        }
        field = f;
        return target.Values[f.Slot];
    }
}
