using Doorbraak.Rules.Source;
using Doorbraak.Rules.Source.Yaml;
using Doorbraak.Rules.Conditions.Ast;

namespace Doorbraak.Rules.Packs;

/// <summary>Shared readers: validity periods, section lists, ids, citations and layering (open/overrides).</summary>
internal static partial class PackReader
{
    private static (DateOnly? From, DateOnly? To) ReadValid(MappingReader r, DiagnosticBag bag, string key = "valid")
    {
        if (r.Mapping(key) is not { } vm) return (null, null);
        var vr = new MappingReader(vm, bag, $"'{key}'", PackKeys.Valid);
        var from = vr.Date("from");
        var to = vr.Date("to");
        if (from is { } f && to is { } t && t < f)
            bag.Report(DiagnosticCatalog.PeriodEndsBeforeStart, vr.At("to"), $"'to' ({t:yyyy-MM-dd}) is before 'from' ({f:yyyy-MM-dd}).");
        return (from, to);
    }

    private static void ReadNamed(MappingReader file, string section, Action<YMapping> read)
    {
        if (file.Mapping(section) is { } m) read(m);
    }

    /// <summary>Reads a section that is a list of mappings with an 'id' (or, with <paramref name="namedMap"/>, a mapping from id to item).</summary>
    private static void ReadList<T>(MappingReader file, string section, string what, Func<YMapping, string?, T?> read, List<T> into, bool namedMap = false) where T : class
    {
        var node = file.Node(section);
        if (node is null) return;
        var bag = file.Bag;
        if (namedMap && node is YMapping named)
        {
            foreach (var (key, value) in named.Entries)
            {
                if (value is not YMapping vm)
                {
                    bag.Report(DiagnosticCatalog.WrongValueKind, value.Start, $"The {what} '{key.Value}' must be a mapping with its fields.");
                    continue;
                }
                if (read(vm, key.Value) is { } item) into.Add(item);
            }
            return;
        }
        if (namedMap)
        {
            bag.Report(DiagnosticCatalog.WrongValueKind, node.Start, $"'{section}' is a mapping from id to {what}: write 'pw.norm.x:' on its own line with the fields indented below it, not a list.");
            return;
        }
        if (node is not YSequence seq)
        {
            bag.Report(DiagnosticCatalog.WrongValueKind, node.Start, $"'{section}' must be a list of {what}s (each item starting with '-').");
            return;
        }
        foreach (var item in seq.Items)
        {
            if (item is not YMapping m)
            {
                bag.Report(DiagnosticCatalog.WrongValueKind, item.Start, $"Each {what} is a mapping with an id and its fields, not {item.KindName}.");
                continue;
            }
            if (read(m, null) is { } value) into.Add(value);
        }
    }

    private static string? ReadId(MappingReader r, ItemContext ctx, string? namedId = null, bool parameter = false)
    {
        var id = namedId ?? r.Text("id", required: true);
        if (id is null) return null;
        var ok = parameter ? ParameterIdPattern().IsMatch(id) : IdPattern().IsMatch(id);
        if (!ok)
        {
            ctx.Bag.Report(DiagnosticCatalog.InvalidName, namedId is null ? r.At("id") : r.Start, parameter
                ? $"The parameter id '{id}' must be lower case letters, digits and '_' in dot-separated parts (it is used in expressions), such as pw.norm.alleenstaande."
                : $"The id '{id}' must be lower case letters, digits, '_', '-' and dots, such as pw.kostendelersnorm.");
            return null;
        }
        return id;
    }

    private static Citation? ReadCitation(MappingReader r, string key, ItemContext ctx, bool required, bool allowText = false)
    {
        var node = required ? r.Node(key) ?? Missing(r, key, ctx) : r.Node(key);
        if (node is null) return null;
        if (node is YScalar s && allowText) return Citation.FromText(s.Value) with { Location = s.Start };
        if (node is not YMapping m)
        {
            ctx.Bag.Report(DiagnosticCatalog.WrongValueKind, node.Start, $"'{key}' must be a mapping such as {{ law: Participatiewet, article: \"22a\", url: \"https://wetten.overheid.nl/BWBR0015703\" }}.");
            return null;
        }
        return ReadCitationMapping(m, $"'{key}'", key, ctx);
    }

    private static Citation ReadCitationMapping(YMapping m, string what, string key, ItemContext ctx)
    {
        var cr = new MappingReader(m, ctx.Bag, what, PackKeys.Citation);
        var (from, to) = ReadValid(cr, ctx.Bag);
        var kind = cr.Text("kind");
        if (kind is not null && !BasisKinds.Levels.Contains(kind))
            ctx.Bag.Report(DiagnosticCatalog.NotAnAllowedWord, cr.At("kind"), $"kind must be one of {string.Join(", ", BasisKinds.Levels)}{Suggest.Hint(kind, BasisKinds.Levels)}.");
        var url = cr.Text("url");
        // Links are shown in docs and host pages: only http and https, never javascript:, data: or file:.
        if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
            ctx.Bag.Report(DiagnosticCatalog.LinkSchemeNotAllowed, cr.At("url"), $"The url '{url}' is not an http or https address; write a full link such as https://wetten.overheid.nl/BWBR0015703.");
        var c = new Citation(cr.Text("law"), cr.Text("article"), url, from, to, kind, cr.Text("title"))
        {
            Illustrative = cr.Bool("illustrative") ?? false,
            Location = m.Start,
            KindLocation = cr.At("kind"),
        };
        if (c.Law is null && c.Title is null)
            ctx.Bag.Report(DiagnosticCatalog.MissingKey, m.Start, $"'{key}' needs 'law' (with 'article' and 'url') or, for a non-legal source, 'title'.");
        return c;
    }

    private static YNode? Missing(MappingReader r, string key, ItemContext ctx)
    {
        ctx.Bag.Report(DiagnosticCatalog.MissingKey, r.Start, $"This item needs the key '{key}'.");
        return null;
    }

    /// <summary>The words of open.to: which level of pack may override ('gemeente': municipal; 'regio': regional or municipal).</summary>
    internal static readonly string[] OpenTo = ["gemeente", "regio"];

    private static T WithLayering<T>(T item, MappingReader r, ItemContext ctx) where T : PackItem
    {
        OpenGrant? open = null;
        OverrideDeclaration? over = null;
        if (r.Mapping("open") is { } om)
        {
            var orr = new MappingReader(om, ctx.Bag, "'open'", PackKeys.Open);
            var to = orr.Text("to") ?? "gemeente";
            if (!OpenTo.Contains(to))
                ctx.Bag.Report(DiagnosticCatalog.NotAnAllowedWord, orr.At("to"), $"open.to must be one of {string.Join(", ", OpenTo)} (who may override: 'gemeente' only municipal packs, 'regio' regional and municipal packs){Suggest.Hint(to, OpenTo)}.");
            open = new OpenGrant(to, orr.Text("basis", required: true) ?? "");
        }
        if (r.Mapping("overrides") is { } ovm)
        {
            var orr = new MappingReader(ovm, ctx.Bag, "'overrides'", PackKeys.Overrides);
            var pack = orr.Text("pack", required: true) ?? "";
            var basis = ReadCitation(orr, "basis", ctx, required: true, allowText: true);
            over = new OverrideDeclaration(pack, basis ?? Citation.FromText(""), ovm.Start);
        }
        return item with { Open = open, Overrides = over };
    }

    /// <summary>The entries of a list that must each be a mapping; an entry that is not is reported where it stands, with
    /// <paramref name="example"/> saying how to write it, and skipped.</summary>
    private static IEnumerable<YMapping> MappingsIn(YSequence seq, ItemContext ctx, string example, DiagnosticDescriptor? code = null)
    {
        foreach (var item in seq.Items)
        {
            if (item is YMapping m) yield return m;
            else ctx.Bag.Report(code ?? DiagnosticCatalog.WrongValueKind, item.Start, example);
        }
    }
}
