// A minimal host: register Doorbraak.Rules with DI, load the pack shipped as a NuGet package, evaluate a household,
// print the proposals, record a decision and export a doorbraakplan. Exit code 0 only if all of that worked.
using Doorbraak.Rules;
using Doorbraak.Rules.AspNetCore;
using Doorbraak.Rules.Hosting;
using Doorbraak.Rules.Monitoring;
using Doorbraak.Rules.NRules;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

if (args.Length < 1)
{
    Console.Error.WriteLine("usage: Doorbraak.Rules.EmbeddingTest <household.yaml> [yyyy-MM-dd]");
    return 2;
}
var referenceDate = args.Length > 1 ? DateOnly.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : new DateOnly(2026, 3, 1);

var services = new ServiceCollection();
services.AddDoorbraakRules()
    .AddPackPackage("Doorbraak.PolicyPack.NlSociaalDomein")
    .ValidateOnStart();
using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

// What IHost.StartAsync does with ValidateOnStart: a pack that does not validate stops the host here.
provider.GetRequiredService<IStartupValidator>().Validate();

var evaluator = provider.GetRequiredService<IDoorbraakEvaluator>();
var engine = evaluator.Engine;
Console.WriteLine($"Doorbraak.Rules {DoorbraakEngine.EngineVersion}; packs: {string.Join(", ", engine.PackSet.Packs.Select(p => $"{p.Id} {p.Version} sha256:{p.Sha256[..12]}"))}");

var household = engine.ReadHousehold(File.ReadAllText(args[0]), Path.GetFileName(args[0]));
var result = evaluator.Evaluate(household, referenceDate);

Console.WriteLine($"Collisions: {result.Collisions.Count}");
foreach (var c in result.Collisions) Console.WriteLine($"  - {c.Id}: {c.Title} [{string.Join(", ", c.Rules)}]");
Console.WriteLine($"Proposals: {result.Proposals.Count}");
foreach (var p in result.Proposals) Console.WriteLine($"  - {p.Id}: {p.Title} (mandate: {p.Mandate}{(p.MandateFallback is { } f ? $", decided by: {f}" : "")}; resolves {string.Join(", ", p.Resolves)})");
if (result.Proposals.Count == 0)
{
    Console.Error.WriteLine("FAIL: expected at least one proposal for the example household.");
    return 1;
}

var planner = provider.GetRequiredService<DoorbraakPlanner>();
var first = result.Proposals[0];
// Only the national pack is loaded: its mandates are open (a local mandaatbesluit sets them), so the college decides itself.
if (first.MandateFallback != "college")
{
    Console.Error.WriteLine($"FAIL: expected the open mandate of {first.Id} to fall back to the college, got '{first.MandateFallback}' (mandate '{first.Mandate}').");
    return 1;
}
var lower = planner.TryDecide(household, result, new DecisionRequest(first.Id, DecisionOutcome.Accepted, "teamleider-01", "teamleider", "Zonder mandaatbesluit."));
if (lower.Succeeded || lower.Refusal.Diagnostic.Code != "DBR4012")
{
    Console.Error.WriteLine("FAIL: a teamleider decided on a mandate no mandaatbesluit delegated.");
    return 1;
}
var decision = planner.Decide(household, result, new DecisionRequest(first.Id, DecisionOutcome.Accepted, "college-01", "college",
    "Besproken in het doorbraakoverleg; afwijken voorkomt dakloosheid en is proportioneel."));
var plan = planner.Assemble(household, result, [decision], new PlanDetails { CaseReference = "EMBED-TEST-1" });
var markdown = PlanExport.ToMarkdown(plan);
Console.WriteLine($"Doorbraakplan: {markdown.Split('\n').Length} lines of Markdown, {PlanExport.ToJson(plan).Length} chars of JSON; decision: {decision.Outcome}");
// The instrumented planner (Hosting) records the same decision.
var instrumented = provider.GetRequiredService<IDoorbraakPlanner>();
var again = instrumented.Decide(household, result, new DecisionRequest(first.Id, DecisionOutcome.Accepted, "college-01", "college",
    "Besproken in het doorbraakoverleg; afwijken voorkomt dakloosheid en is proportioneel."));
Console.WriteLine($"Instrumented planner: {again.Outcome}, plan with {instrumented.Assemble(household, result, [again], new PlanDetails { CaseReference = "EMBED-TEST-2" }).Decisions.Count} decision(s)");

// Monitoring: the KPIs the national pack declares, and a council report over the plan.
var catalog = KpiCatalog.FromPackSet(engine.PackSet);
if (catalog.Kpis.Count == 0)
{
    Console.Error.WriteLine("FAIL: the national pack declares KPIs, but the catalog is empty.");
    return 1;
}
var report = MonitoringAggregator.Compute(catalog, [plan], ReportPeriod.Parse(plan.BreakthroughDate.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)));
Console.WriteLine($"Monitoring: {catalog.Kpis.Count} KPIs; council report of {CouncilReport.ToMarkdown(report).Length} chars");

// AspNetCore: a library error as RFC 7807 problem details.
try
{
    evaluator.WhatIf(household, referenceDate, ["afw.bestaat-niet"]);
    Console.Error.WriteLine("FAIL: an unknown deviation should be refused.");
    return 1;
}
catch (ArgumentException ex)
{
    var problem = DoorbraakProblems.ToProblemDetails(ex);
    Console.WriteLine($"Problem details: {problem.Status} {problem.Extensions["code"]}");
    if (problem.Status != 422) { Console.Error.WriteLine("FAIL: expected 422."); return 1; }
}

// Layering: the national pack plus a municipal pack that requires it, both from packages.
var layered = new ServiceCollection();
layered.AddDoorbraakRules()
    .AddPackPackage("Doorbraak.PolicyPack.GemeenteVlaardingen")
    .AddPackPackage("Doorbraak.PolicyPack.NlSociaalDomein");
using (var layeredProvider = layered.BuildServiceProvider())
{
    var layeredEvaluator = layeredProvider.GetRequiredService<IDoorbraakEvaluator>();
    var layeredResult = layeredEvaluator.Evaluate(layeredEvaluator.Engine.ReadHousehold(File.ReadAllText(args[0]), Path.GetFileName(args[0])), referenceDate);
    Console.WriteLine($"Layered packs: {string.Join(", ", layeredResult.Audit.Packs.Select(p => $"{p.Id} {p.Version}"))}; proposals: {layeredResult.Proposals.Count}");
}

// The NRules backend from its package: the same result as the compiled backend, byte for byte apart from the backend's name.
var withNRules = new ServiceCollection();
withNRules.AddDoorbraakRules().AddPackPackage("Doorbraak.PolicyPack.NlSociaalDomein").UseNRules();
using (var nrulesProvider = withNRules.BuildServiceProvider())
{
    var nrulesEvaluator = nrulesProvider.GetRequiredService<IDoorbraakEvaluator>();
    var nrulesResult = nrulesEvaluator.Evaluate(household, referenceDate);
    var same = ResultJson.Serialize(nrulesResult).Replace("\"backend\": \"nrules\"", "\"backend\": \"compiled\"", StringComparison.Ordinal) == ResultJson.Serialize(result);
    Console.WriteLine($"NRules backend: {nrulesResult.Audit.Backend}; same result as compiled: {same}");
    if (nrulesResult.Audit.Backend != "nrules" || !same) return 1;
}

Console.WriteLine("OK");
return 0;
