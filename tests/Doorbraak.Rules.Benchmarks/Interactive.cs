using System.Diagnostics;
using Doorbraak.Rules.Compilation;
using Doorbraak.Rules.Evaluation;
using Doorbraak.Rules.Facts;
using Doorbraak.Rules.NRules;
using Doorbraak.Rules.Source;

namespace Doorbraak.Rules.Benchmarks;

/// <summary>
/// The interactive case a regisseur meets: the worked example with the son's date of birth missing; the regisseur
/// answers it (alternately 28 and 25 years old, so each answer changes the outcome) and the household is evaluated
/// again. Full evaluation with each backend, and the projection alone: fresh (compiled) against an NRules session kept
/// between answers.
/// </summary>
internal static class Interactive
{
    public static void Report(PackSet national, int rounds, bool full, TextWriter o, ref int sink)
    {
        var date = Fixture.Date;
        var compiled = new DoorbraakEngine(national);
        var nrules = new DoorbraakEngine(national) { Backend = NRulesBackend.Instance };
        var household = compiled.ReadHousehold(File.ReadAllText(Path.Combine(Fixture.Root, "samples", "households", "s1-kostendelersnorm.yaml")));
        var son = household.Members.First(m => m.Role != "aanvrager");
        DateOnly[] answers = [date.AddYears(-28), date.AddYears(-25)];

        var plan = national.RuleSet;
        var parameters = plan.Parameters.ValuesOn(date);
        son.BirthDate = null;
        var supplied = plan.FrameBuilder.Build(household, date, new DiagnosticBag());
        var sonIndex = household.Members.IndexOf(son);
        var birth = plan.Schema.Member.TryGetField("geboren", out var f) ? f : throw new InvalidOperationException("no geboren");
        var age = plan.Schema.Member.TryGetField("leeftijd", out var a) ? a : null;
        void Answer(EntityInstance h, int k)
        {
            var member = h.Collections[plan.MembersField.Slot][sonIndex];
            member.Values[birth.Slot] = FactValue.Date(answers[k]);
            if (age is not null) member.Values[age.Slot] = FactValue.Number(FrameBuilder.AgeOn(answers[k], date));
        }

        var reps = full ? 200 : 50;
        double Us(Action<int> body)
        {
            for (var i = 0; i < reps; i++) body(i);
            return Median(rounds, () => { var t = Stopwatch.StartNew(); for (var i = 0; i < reps; i++) body(i); return t.Elapsed.TotalMicroseconds / reps; });
        }
        var s = 0;
        var evalCompiled = Us(i => { son.BirthDate = answers[i & 1]; s ^= compiled.Evaluate(household, date).Proposals.Count; });
        var evalNRules = Us(i => { son.BirthDate = answers[i & 1]; s ^= nrules.Evaluate(household, date).Proposals.Count; });
        var fresh = Us(i => { Answer(supplied, i & 1); s ^= Projector.Project(plan, supplied, parameters, date, ProjectionChanges.None, detailed: true).Writes.Count; });
        var freshNRules = Us(i => { Answer(supplied, i & 1); s ^= NRulesBackend.Instance.Project(plan, supplied, parameters, date, ProjectionChanges.None, detailed: true, trace: false, into: null).Writes.Count; });
        son.BirthDate = null;
        var kept = new KeptProjection(NRulesBackend.Instance, plan, plan.FrameBuilder.Build(household, date, new DiagnosticBag()), parameters, date);
        var keptUs = Us(i => s ^= kept.Answer(h => Answer(h, i & 1)).Writes.Count);
        sink ^= s;

        o.WriteLine($"\n## Interactive: answer one missing fact and evaluate again (worked example, the son's date of birth; median of {rounds} rounds)");
        o.WriteLine("| what runs again | median µs |");
        o.WriteLine("|---|---:|");
        o.WriteLine($"| full evaluation, compiled backend | {evalCompiled:F1} |");
        o.WriteLine($"| full evaluation, NRules backend | {evalNRules:F1} |");
        o.WriteLine($"| projection only, compiled (fresh) | {fresh:F1} |");
        o.WriteLine($"| projection only, NRules (fresh session) | {freshNRules:F1} |");
        o.WriteLine($"| projection only, NRules session kept and updated | {keptUs:F1} |");
        o.WriteLine($"kept NRules session against a fresh NRules session: {freshNRules / keptUs:F2}x; against the compiled projection: {fresh / keptUs:F2}x");
    }

    private static double Median(int rounds, Func<double> f)
    {
        var xs = Enumerable.Range(0, rounds).Select(_ => f()).Order().ToList();
        return xs[xs.Count / 2];
    }
}
