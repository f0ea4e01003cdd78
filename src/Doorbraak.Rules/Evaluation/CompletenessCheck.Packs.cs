using Doorbraak.Rules.Wording;

namespace Doorbraak.Rules.Evaluation;

internal static partial class CompletenessCheck
{
    /// <summary>A pack whose declared validity (<c>valid: {from, to}</c> in pack.yaml) does not include the peildatum.</summary>
    private static void PacksNotValid(EvaluationSession session, List<Gap> gaps)
    {
        var words = Texts.Of(session.Lang);
        foreach (var pack in session.RuleSet.Packs.Packs)
        {
            var m = pack.Manifest;
            string? message = null;
            if (m.ValidFrom is { } from && session.Date < from)
                message = words.Format("engine.completeness.pack.before", ("pack", m.Id), ("title", m.Title), ("date", words.Date(from)), ("peildatum", words.Date(session.Date)));
            else if (m.ValidTo is { } to && session.Date > to)
                message = words.Format("engine.completeness.pack.after", ("pack", m.Id), ("title", m.Title), ("date", words.Date(to)), ("peildatum", words.Date(session.Date)));
            if (message is null) continue;
            var affects = pack.Rules.Select(r => r.Id).Concat(pack.Goals.Select(g => g.Id)).Concat(pack.Collisions.Select(c => c.Id))
                .Concat(pack.Deviations.Select(d => d.Id)).Concat(pack.Costs.Select(c => c.Id)).Distinct().Order(StringComparer.Ordinal).ToList();
            gaps.Add(new Gap(GapKind.PackNotValid, m.Id, message, affects));
        }
    }
}
