using Doorbraak.Rules.Facts;
using Doorbraak.Rules.Source;

namespace Doorbraak.Rules.Tests.PackScenarios;

/// <summary>
/// The question list on every shipped pack test, left one fact out at a time: when leaving a fact out changes a
/// determination, goal, collision or proposal, that fact must be asked (no missing questions), and every question
/// says what it could change. DOORBRAAK_QUESTIONS_OUT=file writes the measure (questions per variant).
/// </summary>
public class QuestionListTests
{
    [Fact]
    public void A_fact_whose_absence_changes_the_outcome_is_asked()
    {
        var missed = new List<string>();
        var lines = new List<string>();
        int variants = 0, changed = 0, questions = 0, guardedSkipped = 0;
        foreach (var (folder, id, set) in ShippedPackTests.LoadSets())
        {
            var engine = new DoorbraakEngine(set);
            var plan = set.RuleSet;
            foreach (var test in plan.Packs.Packs.Single(p => p.Manifest.Id == id).Tests)
            {
                var full = Read(test, plan);
                var baseline = Signature(engine.Evaluate(full, test.Date));
                // A fact read under bekend(...) is one the pack says counts as "no" while unknown: it is not asked.
                var guarded = plan.Rules.SelectMany(r => new[] { r.Applies }.Concat(r.Determines.Select(d => d.Value)))
                    .Concat(plan.Goals.SelectMany(g => new[] { g.Holds, g.Active })).Concat(plan.Deviations.Select(d => d.Allowed))
                    .Concat(plan.Collisions.Select(c => c.When)).Concat(plan.Costs.SelectMany(c => new[] { c.Monthly, c.When }))
                    .Where(x => x is not null).SelectMany(x => x!.Guarded).Select(f => f.Name).ToHashSet();
                foreach (var (path, remove) in Facts(full, plan.Schema))
                {
                    var h = Read(test, plan);
                    remove(h);
                    var result = engine.Evaluate(h, test.Date);
                    variants++;
                    questions += result.MissingFacts.Count;
                    lines.Add($"{Path.GetFileName(folder)}: {test.Name} without {path}: {result.MissingFacts.Count} [{string.Join(", ", result.MissingFacts.Select(m => m.Path))}]");
                    result.MissingFacts.Where(m => m.NeededFor.Count == 0).Should().BeEmpty();
                    if (Signature(result) == baseline) continue;
                    changed++;
                    if (guarded.Contains(path[(path.LastIndexOf('.') + 1)..])) { guardedSkipped++; continue; }
                    if (!result.MissingFacts.Any(m => m.Path == path)) missed.Add($"{test.Name}: without {path} the outcome changes, but it is not asked");
                }
            }
        }
        lines.Add($"variants: {variants}, outcome changed: {changed} (of which under bekend(): {guardedSkipped}), questions: {questions}, missed: {missed.Count}");
        if (Environment.GetEnvironmentVariable("DOORBRAAK_QUESTIONS_OUT") is { Length: > 0 } file) File.WriteAllLines(file + ".leave-one-out", lines);
        missed.Should().BeEmpty();
    }

    private static Household Read(Doorbraak.Rules.Packs.PackTestCase test, Doorbraak.Rules.Compilation.CompiledRuleSet plan) =>
        HouseholdReader.Read(test.Household, plan.Schema, new DiagnosticBag())!;

    /// <summary>Every supplied fact without a default (leaving out a fact with a default gives the default, not unknown), with how to remove it.</summary>
    private static IEnumerable<(string Path, Action<Household> Remove)> Facts(Household h, FactSchema schema)
    {
        bool NoDefault(EntitySchema e, string name) => e.TryGetField(name, out var f) && f.Default.IsUnknown;
        foreach (var (name, _) in h.Facts.Values)
            if (NoDefault(schema.Household, name)) yield return ($"huishouden.{name}", x => x.Facts.Set(name, FactValue.Unknown));
        for (var i = 0; i < h.Members.Count; i++)
        {
            var k = i;
            foreach (var (name, _) in h.Members[i].Facts.Values)
                if (name != "id" && NoDefault(schema.Member, name)) yield return ($"leden[{h.Members[i].Id}].{name}", x => x.Members[k].Facts.Set(name, FactValue.Unknown));
        }
        for (var i = 0; i < h.Debts.Count; i++)
        {
            var k = i;
            foreach (var (name, _) in h.Debts[i].Facts.Values)
                if (NoDefault(schema.Debt, name)) yield return ($"schulden[{i + 1}].{name}", x => x.Debts[k].Facts.Set(name, FactValue.Unknown));
        }
        for (var i = 0; i < h.Provisions.Count; i++)
        {
            var k = i;
            foreach (var (name, _) in h.Provisions[i].Facts.Values)
                if (NoDefault(schema.Provision, name)) yield return ($"voorzieningen[{i + 1}].{name}", x => x.Provisions[k].Facts.Set(name, FactValue.Unknown));
        }
    }

    private static string Signature(EvaluationResult r) => string.Join("|",
        string.Join(",", r.Determinations.Select(d => $"{d.Rule}:{d.Fact}={d.Value}")),
        string.Join(",", r.Goals.Select(g => $"{g.Goal}:{g.Active}:{g.HoldsToday}:{g.HoldsProjected}")),
        string.Join(",", r.Collisions.Select(c => c.Id)),
        string.Join(",", r.Proposals.Select(p => $"{p.Id}:{p.Cost.Difference}")));
}
