using System.Text.Json;
using RulesEngine.Models;

namespace Doorbraak.Rules.Benchmarks;

/// <summary>
/// Microsoft RulesEngine running the national pack's applicability conditions, written as its workflow
/// JSON (nl-sociaal-domein.workflow.json) with lambda expressions over <see cref="FlatHousehold"/>.
/// The wgs rules are GlobalParams so the fraud rule can read "schuldhulp geweigerd", as the pack does.
/// </summary>
public sealed class PeerRulesEngine
{
    private const string WorkflowName = "nl-sociaal-domein";
    private readonly RulesEngine.RulesEngine _engine;
    private readonly int[] _bits;

    public PeerRulesEngine(NationalParameters p)
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "nl-sociaal-domein.workflow.json"))
            .Replace("{{pw.aow_leeftijd}}", p.AowLeeftijd.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var workflows = JsonSerializer.Deserialize<Workflow[]>(json)!;
        _engine = new RulesEngine.RulesEngine(workflows, new ReSettings { CustomTypes = [typeof(FlatHousehold), typeof(FlatMember), typeof(FlatDebt)] });
        _bits = workflows[0].Rules.Select(r => Array.IndexOf(NationalRules.Ids, r.RuleName)).ToArray();
        if (_bits.Any(b => b < 0) || _bits.Length != NationalRules.Ids.Length) throw new InvalidOperationException("The workflow's rules do not match NationalRules.Ids.");
    }

    public int Evaluate(FlatHousehold h)
    {
        var results = _engine.ExecuteAllRulesAsync(WorkflowName, new RuleParameter("h", h)).GetAwaiter().GetResult();
        var mask = 0;
        for (var i = 0; i < results.Count; i++)
        {
            var r = results[i];
            if (r.ExceptionMessage is { Length: > 0 } ex) throw new InvalidOperationException($"RulesEngine rule {r.Rule.RuleName} failed: {ex}");
            if (r.IsSuccess) mask |= 1 << _bits[i];
        }
        return mask;
    }
}
