using Doorbraak.Rules.Inspection;
using System.CommandLine;
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
        var redact = Common.RedactOption();
        var rule = new Option<string?>("--rule") { Description = "Explain this rule or consequence: whether it applied, why, and what it set.", HelpName = "id" };
        var collision = new Option<string?>("--collision") { Description = "Explain this collision: the goal, the rule outcomes behind it, the facts.", HelpName = "id" };
        var proposal = new Option<string?>("--proposal") { Description = "Explain this proposal: what it resolves, basis, mandate, limits, cost, motivation.", HelpName = "id" };
        var command = new Command("explain",
            "Explain one rule, collision or proposal for a household, in words: the conditions with their outcomes and the facts used. " +
            "Give exactly one of --rule, --collision or --proposal.")
        {
            input, packs, date, lang, redact, rule, collision, proposal,
        };
        command.SetAction(parse =>
        {
            var chosen = new[] { ("rule", parse.GetValue(rule)), ("collision", parse.GetValue(collision)), ("proposal", parse.GetValue(proposal)) }
                .Where(x => x.Item2 is not null).ToList();
            if (chosen.Count != 1) throw new UsageException("give exactly one of --rule, --collision or --proposal.");
            var options = new EvaluationOptions { Language = Common.Language(parse.GetValue(lang)), Redact = parse.GetValue(redact) };
            return Run(parse.GetValue(input)!, parse.GetValue(packs)!, Common.ReferenceDate(parse.GetValue(date), context), options, chosen[0].Item1, chosen[0].Item2!, context);
        });
        return command;
    }

    private static int Run(string input, string[] packDirs, DateOnly date, EvaluationOptions options, string what, string id, CliContext context)
    {
        if (!File.Exists(context.FullPath(input)) && !Directory.Exists(context.FullPath(input)))
            throw new CliException($"the household file '{input}' does not exist.");
        var set = Common.LoadPacks(packDirs, context);
        if (set is null) return Program.ExitFailed;
        var engine = new DoorbraakEngine(set);
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
                w.WriteLine($"{(def.Kind == RuleKind.Law ? t.T("Wet", "Law") : t.T("Bron", "Source"))}: {def.Citation}{(def.Citation.Url is null ? "" : " " + def.Citation.Url)}");
                w.WriteLine($"{t.T("Voorwaarde", "Condition")}: {def.Applies?.Text ?? "true"}");
                var applied = result.Determinations.Where(d => d.Rule == id).ToList();
                if (applied.Count > 0)
                {
                    w.WriteLine(t.T($"Op {date:yyyy-MM-dd} is deze regel toegepast:", $"On {date:yyyy-MM-dd} this rule applied:"));
                    foreach (var d in applied) t.WriteDetermination(w, "  ", d, style);
                }
                else if (!def.IsValidOn(date))
                    w.WriteLine(t.T($"Deze regel geldt niet op {date:yyyy-MM-dd} (buiten de geldigheidsperiode).", $"This rule is not in force on {date:yyyy-MM-dd} (outside its valid period)."));
                else
                {
                    var missing = result.MissingFacts.Where(m => m.NeededFor.Contains(id)).ToList();
                    if (missing.Count > 0)
                    {
                        w.WriteLine(t.T("Deze regel is niet toegepast: of hij geldt is onbekend, omdat feiten ontbreken:", "This rule did not apply: whether it applies is unknown, because facts are missing:"));
                        foreach (var m in missing) w.WriteLine($"  ? {m.Question ?? m.Description} ({m.Path})");
                    }
                    else w.WriteLine(t.T("Deze regel is niet toegepast: de voorwaarde is niet vervuld voor dit huishouden.", "This rule did not apply: its condition does not hold for this household."));
                }
                var collisions = result.Collisions.Where(c => c.Rules.Contains(id)).ToList();
                foreach (var c in collisions) w.WriteLine($"{t.T("Betrokken bij botsing", "Involved in collision")}: {c.Title} ({c.Id})");
                var deviations = engine.DeviationsForRule(id, options.Language);
                if (deviations.Count > 0)
                {
                    w.WriteLine(t.T("Afwijkingen die de pakketten hierop bieden:", "Deviations the packs offer from it:"));
                    foreach (var d in deviations)
                        w.WriteLine($"  - {d.Title} ({d.Id}): {d.Change}; {t.T("grondslag", "basis")} {d.Basis.Citation}; {t.T("mandaat", "mandate")} {d.Mandate}; {d.Limits.Text}");
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
                    w.WriteLine(t.T($"De botsing {id} doet zich bij dit huishouden op {date:yyyy-MM-dd} niet voor.", $"The collision {id} does not occur for this household on {date:yyyy-MM-dd}."));
                    return Program.ExitOk;
                }
                w.WriteLine($"{style.Severity(ResultJson.NameOf(c.Severity), $"[{ResultJson.NameOf(c.Severity)}]")} {style.Bold(c.Title)} ({c.Id}, {ResultJson.NameOf(c.Kind)})");
                Words.WriteWrapped(w, "", c.Explanation);
                if (c.Goal is { } goalId && result.Goals.FirstOrDefault(g => g.Goal == goalId) is { } goal)
                    w.WriteLine(t.T($"Doel '{goal.Title}' ({goal.Goal}): nu {t.Outcome(goal.HoldsToday)}, na toepassing van de regels {t.Outcome(goal.HoldsProjected)}.",
                                    $"Goal '{goal.Title}' ({goal.Goal}): today {t.Outcome(goal.HoldsToday)}, after applying the rules {t.Outcome(goal.HoldsProjected)}."));
                if (c.Members.Count > 0) w.WriteLine($"{t.T("Leden", "Members")}: {string.Join(", ", c.Members)}");
                w.WriteLine(t.T("Zonder deze uitkomsten zou het doel gehaald worden:", "Without these outcomes the goal would hold:"));
                foreach (var ruleId in c.Rules)
                    foreach (var d in result.Determinations.Where(d => d.Rule == ruleId))
                        t.WriteDetermination(w, "  ", d, style);
                w.WriteLine(t.T("Spoor:", "Trace:"));
                t.WriteExplanation(w, "  ", c.Trace, style);
                var resolving = result.Proposals.Where(p => p.Resolves.Contains(c.Id)).ToList();
                if (resolving.Count > 0)
                    w.WriteLine($"{t.T("Opgelost door voorstel(len)", "Resolved by proposal(s)")}: {string.Join(", ", resolving.Select(p => p.Id))}");
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
                    w.WriteLine(t.T($"De afwijking {id} wordt voor dit huishouden niet voorgesteld.", $"The deviation {id} is not proposed for this household."));
                    foreach (var (dev, allowed) in whatIf.Allowed)
                        w.WriteLine($"  {t.T("toegestaan", "allowed")} ({dev}): {t.Outcome(allowed)}");
                    w.WriteLine($"  {t.T("Wat als", "What if")}: {whatIf.Summary}");
                    return Program.ExitOk;
                }
                TextReport.WriteProposal(w, p, t, style, context.OutIsTerminal);
                foreach (var cid in p.Resolves)
                {
                    if (result.Collisions.FirstOrDefault(x => x.Id == cid) is not { } c) continue;
                    w.WriteLine($"  {t.T("Lost op", "Resolves")}: {c.Title} ({c.Id})");
                    t.WriteExplanation(w, "    ", c.Trace, style);
                }
                return Program.ExitOk;
            }
        }
    }
}
