using Doorbraak.Rules.Source;
using Doorbraak.Rules.Inspection;
using System.CommandLine;
using System.Globalization;
using Doorbraak.Rules.Cli.Rendering;

namespace Doorbraak.Rules.Cli.Commands;

/// <summary><c>doorbraak explain &lt;household&gt; --packs ... --rule ID | --collision ID | --proposal ID</c>: the trace in words.</summary>
internal static class ExplainCommand
{
    public static Command Build(CliContext context)
    {
        var input = new Argument<string>("household") { Description = "A household file (.yaml, .yml or .json)." };
        var packs = Common.PacksOption();
        var date = Common.DateOption();
        var lang = Common.LangOption();
        var engine = Common.EngineOption();
        var redact = Common.RedactOption();
        var rule = new Option<string?>("--rule") { Description = "Explain this rule or consequence: whether it applied, why, and what it set.", HelpName = "id" };
        var collision = new Option<string?>("--collision") { Description = "Explain this collision: the goal, the rule outcomes behind it, the facts.", HelpName = "id" };
        var proposal = new Option<string?>("--proposal") { Description = "Explain this proposal: what it resolves, basis, mandate, limits, cost, motivation.", HelpName = "id" };
        var command = new Command("explain",
            "Explain one rule, collision or proposal for a household, in words: the conditions with their outcomes and the facts used. " +
            "Give exactly one of --rule, --collision or --proposal.")
        {
            input, packs, date, lang, redact, rule, collision, proposal, engine,
        };
        command.SetAction(parse =>
        {
            var chosen = new[] { ("rule", parse.GetValue(rule)), ("collision", parse.GetValue(collision)), ("proposal", parse.GetValue(proposal)) }
                .Where(x => x.Item2 is not null).ToList();
            if (chosen.Count != 1) throw new UsageException("give exactly one of --rule, --collision or --proposal.");
            var options = new EvaluationOptions { Language = Common.Language(parse.GetValue(lang)), Redact = parse.GetValue(redact) };
            return Run(parse.GetValue(input)!, parse.GetValue(packs)!, Common.ReferenceDate(parse.GetValue(date), context), options, chosen[0].Item1, chosen[0].Item2!, context, Common.Backend(parse.GetValue(engine)));
        });
        return command;
    }

    private static int Run(string input, string[] packDirs, DateOnly date, EvaluationOptions options, string what, string id, CliContext context, EvaluationBackend backend)
    {
        if (!File.Exists(context.FullPath(input)) && !Directory.Exists(context.FullPath(input)))
            throw new CliException($"the household file '{input}' does not exist.");
        var set = Common.LoadPacks(packDirs, context);
        if (set is null) return Program.ExitFailed;
        var engine = new DoorbraakEngine(set) { Backend = backend };
        var household = Common.ReadHousehold(engine, input, context);
        var result = engine.Evaluate(household, date, options);
        var t = new Words(options.Language);
        var w = context.Out;
        var style = context.OutStyle;
        var plan = set.Inspect();
        switch (what)
        {
            case "rule":
            {
                var def = plan.Rule(id)
                    ?? throw new CliException($"no loaded pack defines the rule '{id}'{Suggest.Hint(id, plan.Rules.Select(r => r.Id))}.");
                w.WriteLine(style.Bold($"{def.Title} ({def.Id})"));
                w.WriteLine($"{(def.Kind == RuleKind.Law ? t["cli.explain.law"] : t["cli.explain.source"])}: {def.Citation}{(def.Citation.Url is null ? "" : " " + def.Citation.Url)}");
                w.WriteLine($"{t["cli.explain.condition"]}: {def.Applies?.Text.Trim() ?? "true"}");
                var applied = result.Determinations.Where(d => d.Rule == id).ToList();
                if (applied.Count > 0)
                {
                    w.WriteLine(t.Format("cli.explain.rule-applied-on", ("date", Day(date))));
                    foreach (var d in applied) t.WriteDetermination(w, "  ", d, style);
                }
                else if (!def.IsValidOn(date))
                    w.WriteLine(t.Format("cli.explain.rule-not-in-force", ("date", Day(date))));
                else
                {
                    var missing = result.MissingFacts.Where(m => m.NeededFor.Contains(id)).ToList();
                    if (missing.Count > 0)
                    {
                        w.WriteLine(t["cli.explain.rule-unknown-missing-facts"]);
                        foreach (var m in missing) w.WriteLine($"  ? {m.Question ?? m.Description} ({m.Path})");
                    }
                    else w.WriteLine(t["cli.explain.rule-condition-not-met"]);
                }
                var collisions = result.Collisions.Where(c => c.Rules.Contains(id)).ToList();
                foreach (var c in collisions) w.WriteLine($"{t["cli.explain.involved-in-collision"]}: {c.Title} ({c.Id})");
                var deviations = engine.DeviationsForRule(id, options.Language);
                if (deviations.Count > 0)
                {
                    w.WriteLine(t["cli.explain.deviations-offered"]);
                    foreach (var d in deviations)
                        w.WriteLine($"  - {d.Title} ({d.Id}): {d.Change}; {t["cli.explain.basis"]} {d.Basis.Citation}; {t["cli.explain.mandate"]} {d.Mandate}; {d.Limits.Text}");
                }
                return Program.ExitOk;
            }
            case "collision":
            {
                var c = result.Collisions.FirstOrDefault(x => x.Id == id);
                if (c is null)
                {
                    var known = plan.Collisions.Any(x => x.Id == id);
                    if (!known)
                        throw new CliException($"the collision '{id}' does not occur for this household and no loaded pack declares it{Suggest.Hint(id, result.Collisions.Select(x => x.Id).Concat(plan.Collisions.Select(x => x.Id)))}; " +
                                               $"collisions found: {(result.Collisions.Count == 0 ? "none" : string.Join(", ", result.Collisions.Select(x => x.Id)))}.");
                    w.WriteLine(t.Format("cli.explain.collision-does-not-occur", ("id", id), ("date", Day(date))));
                    return Program.ExitOk;
                }
                w.WriteLine($"{style.Severity(ResultJson.NameOf(c.Severity), $"[{ResultJson.NameOf(c.Severity)}]")} {style.Bold(c.Title)} ({c.Id}, {ResultJson.NameOf(c.Kind)})");
                Words.WriteWrapped(w, "", c.Explanation);
                if (c.Goal is { } goalId && result.Goals.FirstOrDefault(g => g.Goal == goalId) is { } goal)
                    w.WriteLine(t.Format("cli.explain.goal", ("title", goal.Title), ("goal", goal.Goal), ("today", t.Outcome(goal.HoldsToday)), ("projected", t.Outcome(goal.HoldsProjected))));
                if (c.Members.Count > 0) w.WriteLine($"{t["cli.explain.members"]}: {string.Join(", ", c.Members)}");
                w.WriteLine(t["cli.explain.goal-would-hold-without"]);
                foreach (var ruleId in c.Rules)
                    foreach (var d in result.Determinations.Where(d => d.Rule == ruleId))
                        t.WriteDetermination(w, "  ", d, style);
                w.WriteLine(t["cli.explain.trace"]);
                t.WriteExplanation(w, "  ", c.Trace, style);
                var resolving = result.Proposals.Where(p => p.Resolves.Contains(c.Id)).ToList();
                if (resolving.Count > 0)
                    w.WriteLine($"{t["cli.explain.resolved-by-proposal-s"]}: {string.Join(", ", resolving.Select(p => p.Id))}");
                var notProposed = result.NotProposed.Where(np => np.Collisions.Contains(c.Id)).ToList();
                if (notProposed.Count > 0)
                {
                    w.WriteLine(t["cli.report.not-proposed"]);
                    foreach (var np in notProposed) TextReport.WriteNotProposed(w, "  ", np);
                }
                return Program.ExitOk;
            }
            default:
            {
                var p = result.Proposals.FirstOrDefault(x => x.Id == id);
                if (p is null)
                {
                    var known = plan.Deviations.Any(d => d.Id == id);
                    if (!known)
                        throw new CliException($"no proposal '{id}' for this household and no loaded pack defines that deviation{Suggest.Hint(id, result.Proposals.Select(x => x.Id).Concat(plan.Deviations.Select(d => d.Id)))}; " +
                                               $"proposals: {(result.Proposals.Count == 0 ? "none" : string.Join(", ", result.Proposals.Select(x => x.Id)))}.");
                    var whatIf = engine.WhatIf(household, date, [id], options);
                    w.WriteLine(t.Format("cli.explain.deviation-not-proposed", ("id", id)));
                    if (result.NotProposed.FirstOrDefault(np => np.Deviation == id) is { } why)
                        w.WriteLine($"  {why.Message} ({string.Join(", ", why.Collisions)})");
                    foreach (var (dev, allowed) in whatIf.Allowed)
                        w.WriteLine($"  {t["cli.explain.allowed"]} ({dev}): {t.Outcome(allowed)}");
                    w.WriteLine($"  {t["cli.explain.what-if"]}: {whatIf.Summary}");
                    return Program.ExitOk;
                }
                TextReport.WriteProposal(w, p, t, style, context.OutIsTerminal);
                foreach (var cid in p.Resolves)
                {
                    if (result.Collisions.FirstOrDefault(x => x.Id == cid) is not { } c) continue;
                    w.WriteLine($"  {t["cli.explain.resolves"]}: {c.Title} ({c.Id})");
                    t.WriteExplanation(w, "    ", c.Trace, style);
                }
                return Program.ExitOk;
            }
        }
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
