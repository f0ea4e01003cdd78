using Doorbraak.Rules.Source;
using Doorbraak.Rules.Source.Yaml;

namespace Doorbraak.Rules.Packs;

/// <summary>The situations section (situations a household may name) and the covers list (those the pack models).</summary>
internal static partial class PackReader
{
    private static SituationDefinition? ReadSituation(YMapping m, ItemContext ctx)
    {
        var r = new MappingReader(m, ctx.Bag, "a situation", PackKeys.Situation);
        var id = ReadId(r, ctx);
        var title = r.Text("title", required: true);
        var law = r.Text("law", required: true);
        if (id is null || title is null || law is null) return null;
        return new SituationDefinition(id, ctx.PackId, m.Start) { Title = title, Law = law, Advice = r.Text("advice") };
    }

    private static void ReadCovers(MappingReader file, ItemContext ctx, List<SituationCover> into)
    {
        var node = file.Node("covers");
        if (node is null) return;
        if (node is not YSequence seq)
        {
            ctx.Bag.Report(DiagnosticCatalog.WrongValueKind, node.Start, "'covers' must be a list of situation ids, such as [problematische_schulden, detentie].");
            return;
        }
        foreach (var item in seq.Items)
            if (MappingReader.AsText(item, ctx.Bag, "covers") is { } id) into.Add(new SituationCover(id, ctx.PackId, item.Start));
    }
}
