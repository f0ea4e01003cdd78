using Doorbraak.Rules.Conditions;
using Doorbraak.Rules.Packs;
using Doorbraak.Rules.Source;

namespace Doorbraak.Rules.Compilation;

/// <summary>
/// The cost budget of a pack set (issue #20, cost bombs): the estimated steps of work for one household of every rule,
/// goal, collision, cost and deviation (<see cref="CostEstimate"/>, a <c>for_each</c> multiplying by the list length), each
/// against <see cref="PackLoadOptions.MaxRuleCost"/>, and their sum against <see cref="PackLoadOptions.MaxPackSetCost"/>.
/// A rule over the budget is refused at load with DBR1310 at its most expensive expression; a set over it with DBR1311.
/// </summary>
internal static class CostBudget
{
    /// <summary>One item's estimate, with the place of its most expensive expression.</summary>
    internal sealed record Item(string Kind, string Id, long Cost, SourceLocation Location);

    public static IReadOnlyList<Item> Estimate(CompiledRuleSet set, int listLength)
    {
        var items = new List<Item>();
        void Add(string kind, PackItem def, bool forEach, params CompiledExpression?[] expressions)
        {
            long cost = 0;
            CompiledExpression? heaviest = null;
            long heaviestCost = -1;
            foreach (var e in expressions)
            {
                if (e is null) continue;
                var c = CostEstimate.Of(e, listLength);
                cost = CostEstimate.Add(cost, c);
                if (c > heaviestCost) (heaviest, heaviestCost) = (e, c);
            }
            if (forEach) cost = CostEstimate.Times(cost, listLength);
            items.Add(new Item(kind, def.Id, cost, heaviest?.Location ?? def.Location));
        }
        foreach (var r in set.Rules)
            Add(r.Definition.Kind == RuleKind.Rule ? "rule" : "consequence", r.Definition, r.ForEach is not null,
                [r.Applies, r.Wait, .. r.Determines.Select(d => d.Value)]);
        foreach (var g in set.Goals) Add("goal", g.Definition, false, g.Holds, g.Active);
        foreach (var c in set.Collisions) Add("collision", c.Definition, false, c.When);
        foreach (var c in set.Costs) Add("cost", c.Definition, c.ForEach is not null, c.Monthly, c.When);
        foreach (var d in set.Deviations)
            Add(d.IsIntervention ? "intervention" : "deviation", d.Definition, false,
                [d.Allowed, d.ParameterValue, d.Until, .. d.Sets.Select(s => s.Value), .. d.Costs.Select(c => c.Amount)]);
        return items;
    }

    public static void Check(CompiledRuleSet set, PackLoadOptions options, DiagnosticBag bag)
    {
        var items = Estimate(set, options.CostListLength);
        long total = 0;
        var over = false;
        foreach (var item in items)
        {
            total = CostEstimate.Add(total, item.Cost);
            if (item.Cost <= options.MaxRuleCost) continue;
            over = true;
            bag.Report(DiagnosticCatalog.RuleCostExceeded, item.Location,
                $"The {item.Kind} '{item.Id}' costs an estimated {Steps(item.Cost)} steps per household (each list counted as {options.CostListLength} elements); " +
                $"the limit is {options.MaxRuleCost:N0}. Each nested 'any/all/none/count/sum ... where' over a list multiplies the work by the list's length: " +
                "nest fewer quantifiers (determine an intermediate fact per member with for_each and test that), or raise PackLoadOptions.MaxRuleCost.");
        }
        // The set's budget is reported only when no item is over its own: one bomb gives one error.
        if (!over && total > options.MaxPackSetCost && items.Count > 0)
        {
            var top = items.OrderByDescending(i => i.Cost).Take(3).ToList();
            bag.Report(DiagnosticCatalog.PackSetCostExceeded, top[0].Location,
                $"The pack set costs an estimated {Steps(total)} steps per household (each list counted as {options.CostListLength} elements); the limit is {options.MaxPackSetCost:N0}. " +
                $"The most expensive: {string.Join(", ", top.Select(i => $"{i.Kind} '{i.Id}' ({Steps(i.Cost)})"))}. Simplify these, or raise PackLoadOptions.MaxPackSetCost.");
        }
    }

    private static string Steps(long cost) => cost == long.MaxValue ? "more than 9.2e18" : cost.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}
