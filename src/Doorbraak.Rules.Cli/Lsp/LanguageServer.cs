using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Doorbraak.Rules.Inspection;
using Doorbraak.Rules.Packs;

namespace Doorbraak.Rules.Cli.Lsp;

/// <summary>
/// The language server for policy packs (<c>doorbraak lsp</c>): the loader's diagnostics as you type, completion of
/// keys and of ids and fact names from every pack in the set, hover, go to definition across packs, and quick fixes
/// for "did you mean" hints. One thread answers messages in order; a second reads them, so a burst of edits is
/// checked once, after the last.
/// </summary>
internal sealed partial class LanguageServer(Stream input, Stream output, TextWriter log)
{
    private const int FullSync = 1;

    private readonly JsonRpcStream _rpc = new(input, output);
    private readonly PackWorkspace _workspace = new();
    private readonly BlockingCollection<JsonNode?> _inbox = new();
    private readonly HashSet<string> _pendingRoots = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _published = new(StringComparer.Ordinal);
    private bool _shutdown;

    /// <summary>Serves until the client sends <c>exit</c> or closes the input. Returns the process exit code.</summary>
    public int Run()
    {
        var reader = new Thread(ReadLoop) { IsBackground = true, Name = "lsp-reader" };
        reader.Start();
        foreach (var message in _inbox.GetConsumingEnumerable())
        {
            if (message is null) break; // end of input
            if (message["method"]?.GetValue<string>() == "exit") return _shutdown ? 0 : 1;
            try
            {
                Handle(message);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                log.WriteLine($"doorbraak lsp: {ex}");
                if (message["id"] is { } id) Respond(id, null, new JsonObject { ["code"] = -32603, ["message"] = ex.Message });
            }
            if (_inbox.Count == 0) FlushDiagnostics();
        }
        return _shutdown ? 0 : 1;
    }

    private void ReadLoop()
    {
        try
        {
            while (_rpc.Read() is { } message) _inbox.Add(message);
        }
        catch (Exception ex) when (ex is InvalidDataException or System.Text.Json.JsonException or IOException or ObjectDisposedException)
        {
            log.WriteLine($"doorbraak lsp: {ex.Message}");
        }
        _inbox.Add(null);
    }

    private void Handle(JsonNode message)
    {
        var method = message["method"]?.GetValue<string>();
        var id = message["id"];
        var p = message["params"];
        if (method is null) return; // a response to something we never ask
        switch (method)
        {
            case "initialize":
                Initialize(p);
                Respond(id, Capabilities());
                return;
            case "initialized":
                return;
            case "shutdown":
                _shutdown = true;
                Respond(id, null);
                return;
            case "textDocument/didOpen":
            {
                var doc = p!["textDocument"]!;
                var path = PathOf(doc["uri"]!.GetValue<string>());
                _workspace.SetText(path, doc["text"]!.GetValue<string>());
                Touch(path);
                return;
            }
            case "textDocument/didChange":
            {
                var path = PathOf(p!["textDocument"]!["uri"]!.GetValue<string>());
                // Full synchronisation: the last change holds the whole text.
                var changes = p["contentChanges"]!.AsArray();
                if (changes.Count > 0) _workspace.SetText(path, changes[^1]!["text"]!.GetValue<string>());
                Touch(path);
                return;
            }
            case "textDocument/didSave":
                Touch(PathOf(p!["textDocument"]!["uri"]!.GetValue<string>()));
                return;
            case "textDocument/didClose":
            {
                var path = PathOf(p!["textDocument"]!["uri"]!.GetValue<string>());
                _workspace.Close(path);
                Touch(path);
                return;
            }
            case "workspace/didChangeWatchedFiles":
                _workspace.Invalidate();
                foreach (var root in _published.Keys) _pendingRoots.Add(root);
                return;
            case "textDocument/completion":
                Respond(id, Completion(p!));
                return;
            case "textDocument/hover":
                Respond(id, Hover(p!));
                return;
            case "textDocument/definition":
                Respond(id, Definition(p!));
                return;
            case "textDocument/codeAction":
                Respond(id, CodeActions(p!));
                return;
            default:
                if (id is not null)
                    Respond(id, null, new JsonObject { ["code"] = -32601, ["message"] = $"Method '{method}' is not supported." });
                return;
        }
    }

    private void Initialize(JsonNode? p)
    {
        var folders = p?["workspaceFolders"] as JsonArray;
        if (folders is { Count: > 0 })
        {
            foreach (var f in folders) _workspace.AddRoot(PathOf(f!["uri"]!.GetValue<string>()));
        }
        else if (p?["rootUri"]?.GetValue<string>() is { } rootUri)
        {
            _workspace.AddRoot(PathOf(rootUri));
        }
        else if (p?["rootPath"]?.GetValue<string>() is { } rootPath)
        {
            _workspace.AddRoot(rootPath);
        }
    }

    private static JsonObject Capabilities() => new()
    {
        ["capabilities"] = new JsonObject
        {
            ["textDocumentSync"] = new JsonObject { ["openClose"] = true, ["change"] = FullSync, ["save"] = true },
            ["completionProvider"] = new JsonObject { ["triggerCharacters"] = new JsonArray(".", " ") },
            ["hoverProvider"] = true,
            ["definitionProvider"] = true,
            ["codeActionProvider"] = new JsonObject { ["codeActionKinds"] = new JsonArray("quickfix") },
        },
        ["serverInfo"] = new JsonObject { ["name"] = "doorbraak", ["version"] = typeof(LanguageServer).Assembly.GetName().Version?.ToString() },
    };

    // ---- diagnostics ----

    private void Touch(string path)
    {
        if (_workspace.PackRootOf(path) is { } root) _pendingRoots.Add(root);
    }

    private void FlushDiagnostics()
    {
        foreach (var root in _pendingRoots.ToList())
        {
            _pendingRoots.Remove(root);
            Publish(_workspace.Load(root));
        }
    }

    private void Publish(PackLoad load)
    {
        var byFile = new Dictionary<string, JsonArray>(StringComparer.Ordinal);
        var texts = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var manifest = Path.Combine(load.Root, "pack.yaml");
        foreach (var d in load.Diagnostics)
        {
            var file = d.Location == SourceLocation.None || !Path.IsPathRooted(d.Location.File) ? manifest : Path.GetFullPath(d.Location.File);
            // Findings from other packs' files are shown only for errors: a local pack's author cannot act on the national pack's warnings.
            if (d.Severity == DiagnosticSeverity.Warning && !file.StartsWith(load.Root + Path.DirectorySeparatorChar, StringComparison.Ordinal)) continue;
            if (!byFile.TryGetValue(file, out var list)) byFile[file] = list = [];
            if (!texts.TryGetValue(file, out var lines)) texts[file] = lines = Lines(_workspace.Text(file) ?? "");
            list.Add(ToLsp(d, lines));
        }
        _published.TryGetValue(load.Root, out var before);
        foreach (var (file, list) in byFile) Notify("textDocument/publishDiagnostics", new JsonObject { ["uri"] = UriOf(file), ["diagnostics"] = list });
        foreach (var file in before ?? [])
            if (!byFile.ContainsKey(file))
                Notify("textDocument/publishDiagnostics", new JsonObject { ["uri"] = UriOf(file), ["diagnostics"] = new JsonArray() });
        _published[load.Root] = [.. byFile.Keys];
    }

    private static JsonObject ToLsp(Diagnostic d, string[] lines)
    {
        var line = Math.Max(0, d.Location.Line - 1);
        var col = Math.Max(0, d.Location.Column - 1);
        var text = line < lines.Length ? lines[line] : "";
        var (start, end, _) = YamlCursor.WordAt(text, Math.Min(col, text.Length));
        if (end <= col || start > col) (start, end) = (col, Math.Max(col + 1, text.TrimEnd().Length));
        var result = new JsonObject
        {
            ["severity"] = d.Severity == DiagnosticSeverity.Error ? 1 : 2,
            ["code"] = d.Code,
            ["source"] = "doorbraak",
            ["message"] = d.Message,
        };
        // The range starts where the CLI's file:line:column points; a "did you mean" fix may edit another line (the misspelt name).
        result["range"] = Range(line, start, line, end);
        if (Fix(d, lines, line) is { } fix)
            result["data"] = new JsonObject { ["replaceWith"] = fix.With, ["range"] = Range(fix.Line, fix.Start, fix.Line, fix.End) };
        return result;
    }

    /// <summary>For a "did you mean 'x'?" hint: the misspelt name in the file (at or below the reported line) and its replacement.</summary>
    private static (int Line, int Start, int End, string With)? Fix(Diagnostic d, string[] lines, int fromLine)
    {
        var hint = d.Hint;
        if (hint is null) return null;
        var suggestion = Quoted().Match(hint);
        if (!suggestion.Success) return null;
        var with = suggestion.Groups[1].Value;
        var message = d.Message.Replace(hint, "", StringComparison.Ordinal);
        // The misspelt name is the quoted name in the message nearest to the suggestion (the message also names the item it is in).
        var names = Quoted().Matches(message).Select(q => q.Groups[1].Value)
            .Where(n => n.Length > 0 && n != with && n.All(YamlCursor.IsNameChar)).ToList();
        if (Source.Suggest.Closest(with, names) is { } wrong)
        {
            for (var i = fromLine; i < lines.Length && i < fromLine + 60; i++)
            {
                for (var at = lines[i].IndexOf(wrong, StringComparison.Ordinal); at >= 0; at = lines[i].IndexOf(wrong, at + 1, StringComparison.Ordinal))
                {
                    var end = at + wrong.Length;
                    var whole = (at == 0 || !YamlCursor.IsNameChar(lines[i][at - 1])) && (end == lines[i].Length || !YamlCursor.IsNameChar(lines[i][end]));
                    if (whole) return (i, at, end, with);
                }
            }
        }
        return null;
    }

    private static JsonArray CodeActions(JsonNode p)
    {
        var uri = p["textDocument"]!["uri"]!.GetValue<string>();
        var actions = new JsonArray();
        foreach (var d in p["context"]?["diagnostics"]?.AsArray() ?? [])
        {
            if (d?["data"]?["replaceWith"]?.GetValue<string>() is not { } with) continue;
            actions.Add(new JsonObject
            {
                ["title"] = $"Change to '{with}'",
                ["kind"] = "quickfix",
                ["isPreferred"] = true,
                ["diagnostics"] = new JsonArray(d.DeepClone()),
                ["edit"] = new JsonObject
                {
                    ["changes"] = new JsonObject
                    {
                        [uri] = new JsonArray(new JsonObject { ["range"] = (d["data"]!["range"] ?? d["range"])!.DeepClone(), ["newText"] = with }),
                    },
                },
            });
        }
        return actions;
    }

    // ---- completion, hover, definition ----

    private (string Path, string[] Lines, int Line, int Column, PackSetView? View)? At(JsonNode p)
    {
        var path = PathOf(p["textDocument"]!["uri"]!.GetValue<string>());
        var lines = Lines(_workspace.Text(path) ?? "");
        var line = p["position"]!["line"]!.GetValue<int>();
        var col = p["position"]!["character"]!.GetValue<int>();
        if (line >= lines.Length) return null;
        // A YAML file outside any pack folder (a CI workflow, a household) is not the server's business.
        if (_workspace.PackRootOf(path) is not { } root) return null;
        return (path, lines, line, col, _workspace.ViewFor(root));
    }

    private JsonObject Completion(JsonNode p)
    {
        var items = new JsonArray();
        var result = new JsonObject { ["isIncomplete"] = false, ["items"] = items };
        if (At(p) is not { } at) return result;
        var text = at.Lines[at.Line];
        var (start, prefix) = YamlCursor.PrefixAt(text, at.Column);
        var range = Range(at.Line, start, at.Line, Math.Min(at.Column, text.Length));

        var keys = YamlCursor.KeysAt(at.Lines, at.Line, at.Column, Path.GetFileName(at.Path) == "pack.yaml", out var atKey);
        if (atKey)
        {
            foreach (var key in keys?.All ?? [])
            {
                if (!key.StartsWith(prefix, StringComparison.Ordinal)) continue;
                var required = keys!.Required.Contains(key);
                items.Add(Item(key, 10, $"{keys.Kind} key{(required ? " (required)" : "")}", range, key + ": "));
            }
            return result;
        }
        if (at.View is not { } view) return result;

        var valueKey = YamlCursor.ValueKey(text, at.Column);
        var wanted = valueKey switch
        {
            "deviates" or "rules" => "rule",
            "goal" or "resolves" or "holds_back" => "goal",
            "parameter" => "parameter",
            "mandate" => "mandate",
            "pack" => "pack",
            _ => null,
        };
        void Add(string kind, int lspKind, string label, string detail)
        {
            if (wanted is not null && wanted != kind) return;
            if (prefix.Length > 0 && !label.Contains(prefix, StringComparison.Ordinal)) return;
            items.Add(Item(label, lspKind, detail, range, label));
        }
        foreach (var f in view.Facts.Fields) Add("fact", 5, f.QualifiedName, $"fact: {f.Type} — {f.Description}");
        foreach (var x in view.Parameters) Add("parameter", 21, x.Id, $"parameter ({x.PackId}): {x.Title}");
        foreach (var x in view.Rules) Add("rule", 3, x.Id, $"{(x.Kind == RuleKind.Law ? "rule" : "consequence")} ({x.PackId}): {x.Title}");
        foreach (var x in view.Goals) Add("goal", 23, x.Id, $"goal ({x.PackId}): {x.Title}");
        foreach (var x in view.Deviations) Add("deviation", 18, x.Id, $"deviation ({x.PackId}): {x.Title}");
        foreach (var x in view.Collisions) Add("collision", 18, x.Id, $"collision ({x.PackId}): {x.Title}");
        foreach (var x in view.Packs) Add("pack", 9, x.Id, $"pack {x.Version}: {x.Title}");
        foreach (var x in view.Mandates.Levels) Add("mandate", 12, x, "mandate level");
        return result;
    }

    private static JsonObject Item(string label, int kind, string detail, JsonObject range, string insert) => new()
    {
        ["label"] = label,
        ["kind"] = kind,
        ["detail"] = detail,
        ["filterText"] = label,
        ["textEdit"] = new JsonObject { ["range"] = range.DeepClone(), ["newText"] = insert },
    };

    private JsonObject? Hover(JsonNode p)
    {
        if (At(p) is not { View: { } view } at) return null;
        var (start, end, word) = YamlCursor.WordAt(at.Lines[at.Line], at.Column);
        if (word.Length == 0) return null;
        var markdown = Describe(view, word);
        if (markdown is null) return null;
        return new JsonObject
        {
            ["contents"] = new JsonObject { ["kind"] = "markdown", ["value"] = markdown },
            ["range"] = Range(at.Line, start, at.Line, end),
        };
    }

    private JsonNode? Definition(JsonNode p)
    {
        if (At(p) is not { View: { } view } at) return null;
        var (_, _, word) = YamlCursor.WordAt(at.Lines[at.Line], at.Column);
        var location = word.Length == 0 ? null : LocationOf(view, word);
        if (location is not { } loc || loc == SourceLocation.None || !Path.IsPathRooted(loc.File)) return null;
        var line = Math.Max(0, loc.Line - 1);
        var col = Math.Max(0, loc.Column - 1);
        return new JsonObject { ["uri"] = UriOf(Path.GetFullPath(loc.File)), ["range"] = Range(line, col, line, col) };
    }

    private static PackItemView? Item(PackSetView view, string id) =>
        (PackItemView?)view.Rule(id) ?? (PackItemView?)view.Parameter(id) ?? (PackItemView?)view.Deviation(id)
        ?? view.Goals.FirstOrDefault(g => g.Id == id) ?? (PackItemView?)view.Collisions.FirstOrDefault(c => c.Id == id)
        ?? view.Costs.FirstOrDefault(c => c.Id == id) ?? (PackItemView?)view.Kpis.FirstOrDefault(k => k.Id == id)
        ?? view.Situations.FirstOrDefault(s => s.Id == id);

    private static FactFieldView? Fact(PackSetView view, string name) =>
        view.Facts.Field(name) ?? view.Facts.FieldAt(name) ?? view.Facts.Fields.FirstOrDefault(f => f.Name == name && !f.BuiltIn);

    private static SourceLocation? LocationOf(PackSetView view, string word)
    {
        if (Item(view, word) is { } item) return item.Location;
        if (Fact(view, word) is { BuiltIn: false } fact) return fact.Location;
        if (view.Packs.FirstOrDefault(x => x.Id == word) is { } pack) return pack.Location;
        return null;
    }

    internal static string? Describe(PackSetView view, string word)
    {
        var sb = new StringBuilder();
        switch (Item(view, word))
        {
            case RuleView r:
                sb.AppendLine($"**{(r.Kind == RuleKind.Law ? "Rule" : "Consequence")} `{r.Id}`**: {r.Title}").AppendLine();
                sb.AppendLine($"{(r.Kind == RuleKind.Law ? "Citation" : "Source")}: {Citation(r.Citation)}").AppendLine();
                if (r.ValidFrom is not null || r.ValidTo is not null) sb.AppendLine($"Valid: {Period(r.ValidFrom, r.ValidTo)}").AppendLine();
                sb.AppendLine($"Domain: {r.Domain}; pack: `{r.PackId}`{(r.Overrides is { } o ? $" (overrides {o.Pack})" : "")}{(r.Open is { } op ? $"; open to {op.To}" : "")}");
                return sb.ToString();
            case ParameterView x:
                sb.AppendLine($"**Parameter `{x.Id}`**: {x.Title}").AppendLine();
                sb.AppendLine($"Type: {x.Type}{(x.Unit is null ? "" : $" ({x.Unit})")}; pack: `{x.PackId}`{(x.Overrides is { } po ? $" (overrides {po.Pack})" : "")}").AppendLine();
                if (x.Source is { } src) sb.AppendLine($"Source: {Citation(src)}").AppendLine();
                sb.AppendLine("| from | to | value | source |").AppendLine("|---|---|---|---|");
                foreach (var v in x.Values.OrderBy(v => v.From))
                    sb.AppendLine($"| {v.From:yyyy-MM-dd} | {(v.To is { } to ? to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "")} | {Cell(v.Value.ToString())}{(v.Illustrative ? " (illustrative)" : "")} | {Cell(v.Source ?? "")} |");
                return sb.ToString();
            case DeviationView x:
                sb.AppendLine($"**Deviation `{x.Id}`**: {x.Title}").AppendLine();
                sb.AppendLine($"Deviates from `{x.Deviates}`; basis: {Citation(x.Basis)}; mandate: {x.Mandate}; pack: `{x.PackId}`");
                return sb.ToString();
            case GoalView x:
                sb.AppendLine($"**Goal `{x.Id}`**: {x.Title}").AppendLine();
                sb.AppendLine($"Domain: {x.Domain}; pack: `{x.PackId}`");
                if (x.Explain is not null) sb.AppendLine().AppendLine(x.Explain.Trim());
                return sb.ToString();
            case { } other:
                sb.AppendLine($"**`{other.Id}`**: {other.Title}").AppendLine();
                sb.AppendLine($"Pack: `{other.PackId}`");
                return sb.ToString();
        }
        if (Fact(view, word) is { } f)
        {
            sb.AppendLine($"**Fact `{f.QualifiedName}`** ({f.Type}{(f.Unit is null ? "" : $", {f.Unit}")}): {f.Description}").AppendLine();
            if (f.Question is not null) sb.AppendLine($"Question: {f.Question}").AppendLine();
            if (!f.Default.IsUnknown) sb.AppendLine($"Default: {f.Default}").AppendLine();
            sb.AppendLine(f.BuiltIn ? "Built in." : $"Declared by `{f.PackId}`.");
            return sb.ToString();
        }
        if (view.Packs.FirstOrDefault(x => x.Id == word) is { } pack)
            return $"**Pack `{pack.Id}`** {pack.Version}: {pack.Title}\n\n{pack.Description?.Trim()}";
        return null;
    }

    private static string Citation(CitationView c)
    {
        var text = c.ToString();
        return c.Url is { Length: > 0 } url ? $"[{text}]({url})" : text;
    }

    private static string Period(DateOnly? from, DateOnly? to) =>
        $"{from?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "…"} – {to?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "…"}";

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    // ---- plumbing ----

    private void Respond(JsonNode? id, JsonNode? result, JsonObject? error = null)
    {
        var message = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id?.DeepClone() };
        if (error is not null) message["error"] = error;
        else message["result"] = result;
        _rpc.Write(message);
    }

    private void Notify(string method, JsonNode parameters) =>
        _rpc.Write(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    private static JsonObject Range(int line, int start, int endLine, int end) => new()
    {
        ["start"] = new JsonObject { ["line"] = line, ["character"] = start },
        ["end"] = new JsonObject { ["line"] = endLine, ["character"] = end },
    };

    private static string[] Lines(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');

    internal static string PathOf(string uri) => Path.GetFullPath(new Uri(uri).LocalPath);

    internal static string UriOf(string path) => new Uri(path).AbsoluteUri;

    [GeneratedRegex("'([^']*)'", RegexOptions.CultureInvariant)]
    private static partial Regex Quoted();
}
