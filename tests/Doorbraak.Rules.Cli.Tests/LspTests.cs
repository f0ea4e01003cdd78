using System.Collections.Concurrent;
using System.IO.Pipes;
using System.Text.Json.Nodes;
using Doorbraak.Rules.Cli.Lsp;

namespace Doorbraak.Rules.Cli.Tests;

/// <summary>
/// Conversations with <c>doorbraak lsp</c> over its JSON-RPC framing, in process over pipes: open a pack, edit it in
/// the editor (never on disk) to break it, and check the published diagnostics, completions, hovers, definitions and fixes.
/// </summary>
public sealed class LspTests
{
    private static string Vlaardingen => Path.Combine(Repo.Vlaardingen, "beleid.yaml");

    [Fact]
    public void A_conversation_opens_a_local_pack_breaks_it_and_gets_diagnostics_completion_hover_definition_and_a_fix()
    {
        using var lsp = new LspClient(Path.Combine(Repo.Root, "policypacks"));
        var uri = LanguageServer.UriOf(Vlaardingen);
        var original = File.ReadAllText(Vlaardingen);
        lsp.Notify("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "yaml", ["version"] = 1, ["text"] = original },
        });

        // Hover on a rule id gives its citation; on a fact its type, description and question; on a parameter its values with sources.
        var ruleAt = Position(original, "deviates: vl.bijzondere-bijstand-geen-schulden", "vl.bijzondere");
        var hover = lsp.Request("textDocument/hover", At(uri, ruleAt))!["contents"]!["value"]!.GetValue<string>();
        hover.Should().Contain("vl.bijzondere-bijstand-geen-schulden").And.Contain("MVS").And.Contain("Citation:").And.Contain("https://lokaleregelgeving.overheid.nl/");

        var factAt = Position(original, "and huishouden.huurachterstand > 0", "huurachterstand");
        var factHover = lsp.Request("textDocument/hover", At(uri, factAt))!["contents"]!["value"]!.GetValue<string>();
        factHover.Should().Contain("huishouden.huurachterstand").And.Contain("money").And.Contain("Question:");

        var parameterAt = Position(original, "wgs.wachttermijn_eerdere_schuldhulp:", "wachttermijn");
        var parameterHover = lsp.Request("textDocument/hover", At(uri, parameterAt))!["contents"]!["value"]!.GetValue<string>();
        parameterHover.Should().Contain("| from | to | value | source |").And.Contain("2026-01-01").And.Contain("Voorbeeldwaarde");

        // Go to definition of a goal the national pack defines.
        var goalAt = Position(original, "goal: doel.woning-behouden", "doel.");
        var definition = lsp.Request("textDocument/definition", At(uri, goalAt))!;
        var target = LanguageServer.PathOf(definition["uri"]!.GetValue<string>());
        target.Should().StartWith(Repo.National + Path.DirectorySeparatorChar);
        var targetLine = File.ReadAllLines(target)[definition["range"]!["start"]!["line"]!.GetValue<int>()];
        targetLine.Should().Contain("doel.woning-behouden");

        // Break it in the editor: a misspelt rule id. The diagnostic is the loader's, with the CLI's code, place and message.
        var broken = original.Replace("deviates: vl.bijzondere-bijstand-geen-schulden", "deviates: vl.bijzondere-bijstand-geen-schuldn", StringComparison.Ordinal);
        lsp.Notify("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = 2 },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = broken }),
        });
        var published = lsp.NextNotification("textDocument/publishDiagnostics", p => p["uri"]!.GetValue<string>() == uri);
        var diagnostics = published["diagnostics"]!.AsArray();
        var expected = ExpectedDiagnostics(broken);
        expected.Should().Contain(d => d.Code == "DBR1027");
        // The server also publishes the pack's lint findings (LINTnnn); the loader's diagnostics must be the CLI's exactly.
        diagnostics.Where(d => d!["code"]!.GetValue<string>().StartsWith("DBR", StringComparison.Ordinal))
            .Select(d => $"{d!["range"]!["start"]!["line"]!.GetValue<int>() + 1}:{d["range"]!["start"]!["character"]!.GetValue<int>() + 1} {d["code"]} {d["message"]}")
            .Should().BeEquivalentTo(expected.Select(d => $"{d.Location.Line}:{d.Location.Column} {d.Code} {d.Message}"));
        var undefined = diagnostics.First(d => d!["code"]!.GetValue<string>() == "DBR1027")!;
        undefined["severity"]!.GetValue<int>().Should().Be(1);
        undefined["message"]!.GetValue<string>().Should().Contain("did you mean 'vl.bijzondere-bijstand-geen-schulden'?");

        // The quick fix replaces the misspelt name, on its own line.
        var actions = lsp.Request("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri },
            ["range"] = undefined["range"]!.DeepClone(),
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray(undefined.DeepClone()) },
        })!.AsArray();
        var edit = actions.Single()!["edit"]!["changes"]![uri]!.AsArray().Single()!;
        edit["newText"]!.GetValue<string>().Should().Be("vl.bijzondere-bijstand-geen-schulden");
        var line = broken.Split('\n')[edit["range"]!["start"]!["line"]!.GetValue<int>()];
        line[edit["range"]!["start"]!["character"]!.GetValue<int>()..edit["range"]!["end"]!["character"]!.GetValue<int>()].Should().Be("vl.bijzondere-bijstand-geen-schuldn");

        // Completion still works on the broken file (from the last set that loaded): rule ids after 'deviates:', across packs.
        var deviatesLine = Position(broken, "deviates: vl.bijzondere-bijstand-geen-schuldn", "vl.bij");
        var completion = lsp.Request("textDocument/completion", At(uri, (deviatesLine.Line, deviatesLine.Character + "vl.bij".Length)))!["items"]!.AsArray();
        completion.Select(i => i!["label"]!.GetValue<string>()).Should().Contain("vl.bijzondere-bijstand-geen-schulden")
            .And.OnlyContain(l => l.Contains("vl.bij"));
        var anywhere = lsp.Request("textDocument/completion", At(uri, factAt))!["items"]!.AsArray().Select(i => i!["label"]!.GetValue<string>()).ToList();
        anywhere.Should().Contain("huishouden.huurachterstand");

        // Keys: the loader's key list for a deviation.
        var withKey = broken.Replace("    mandate: regisseur\n", "    mandate: regisseur\n    mo\n", StringComparison.Ordinal);
        lsp.Notify("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = 3 },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = withKey }),
        });
        var keyAt = Position(withKey, "    mandate: regisseur\n    mo\n", "mo\n");
        var keys = lsp.Request("textDocument/completion", At(uri, (keyAt.Line, keyAt.Character + 2)))!["items"]!.AsArray().Select(i => i!["label"]!.GetValue<string>()).ToList();
        keys.Should().BeEquivalentTo(["motivation"]);
        lsp.NextNotification("textDocument/publishDiagnostics", p => p["uri"]!.GetValue<string>() == uri)["diagnostics"]!.AsArray()
            .Should().Contain(d => d!["severity"]!.GetValue<int>() == 1, "a half-typed key does not load");

        // Repair it: the file's diagnostics are cleared.
        lsp.Notify("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = 4 },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = original }),
        });
        lsp.NextNotification("textDocument/publishDiagnostics", p => p["uri"]!.GetValue<string>() == uri)["diagnostics"]!.AsArray().Should().BeEmpty();
        lsp.Shutdown().Should().Be(0);
    }

    [Fact]
    public void Errors_in_a_file_that_is_not_open_are_published_at_the_place_the_cli_names()
    {
        using var dir = new TempDir();
        var pack = dir.CopyMiniPack();
        var manifest = Path.Combine(pack, "pack.yaml");
        var text = File.ReadAllText(manifest).Replace("level: national", "level: national\nlevle: x", StringComparison.Ordinal);
        File.WriteAllText(manifest, text);
        var cli = Cli.Run("validate", pack);
        cli.Code.Should().Be(1);
        var cliLine = cli.ErrLines.Single(l => l.Contains("DBR1010", StringComparison.Ordinal));

        using var lsp = new LspClient(dir.Path);
        var other = Directory.EnumerateFiles(pack, "*.yaml", SearchOption.AllDirectories).First(f => !f.EndsWith("pack.yaml", StringComparison.Ordinal));
        lsp.Notify("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = LanguageServer.UriOf(other), ["languageId"] = "yaml", ["version"] = 1, ["text"] = File.ReadAllText(other) },
        });
        var published = lsp.NextNotification("textDocument/publishDiagnostics", p => p["uri"]!.GetValue<string>() == LanguageServer.UriOf(manifest));
        var d = published["diagnostics"]!.AsArray().Single()!;
        var place = $"{manifest}:{d["range"]!["start"]!["line"]!.GetValue<int>() + 1}:{d["range"]!["start"]!["character"]!.GetValue<int>() + 1}";
        cliLine.Should().StartWith($"{place}: error DBR1010: {d["message"]}");
        lsp.Shutdown().Should().Be(0);
    }

    [Fact]
    public void Yaml_files_outside_a_pack_get_no_completion_hover_or_diagnostics()
    {
        using var dir = new TempDir();
        var workflow = dir.File("ci/workflow.yaml", "name: build\non:\n  push: {}\n");
        using var lsp = new LspClient(dir.Path);
        var uri = LanguageServer.UriOf(workflow);
        lsp.Notify("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "yaml", ["version"] = 1, ["text"] = "name: build\non:\n  push: {}\n\n" },
        });
        lsp.Request("textDocument/completion", At(uri, (3, 0)))!["items"]!.AsArray().Should().BeEmpty();
        lsp.Request("textDocument/hover", At(uri, (0, 2))).Should().BeNull();
        lsp.Shutdown().Should().Be(0);
        lsp.Notifications("textDocument/publishDiagnostics").Should().BeEmpty();
    }

    [Fact]
    public void The_lsp_command_talks_over_standard_input_and_output_and_exits_0_after_shutdown_and_exit()
    {
        var cli = typeof(Program).Assembly.Location;
        var start = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var a in new[] { "exec", cli, "lsp", "--stdio" }) start.ArgumentList.Add(a);
        using var process = System.Diagnostics.Process.Start(start)!;
        var rpc = new JsonRpcStream(process.StandardOutput.BaseStream, process.StandardInput.BaseStream);
        rpc.Write(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = 1, ["method"] = "initialize", ["params"] = new JsonObject { ["rootUri"] = LanguageServer.UriOf(Repo.Root), ["capabilities"] = new JsonObject() } });
        var init = rpc.Read()!;
        init["id"]!.GetValue<int>().Should().Be(1);
        init["result"]!["capabilities"]!["hoverProvider"]!.GetValue<bool>().Should().BeTrue();
        init["result"]!["serverInfo"]!["name"]!.GetValue<string>().Should().Be("doorbraak");
        rpc.Write(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = 2, ["method"] = "workspace/symbol", ["params"] = new JsonObject { ["query"] = "x" } });
        rpc.Read()!["error"]!["code"]!.GetValue<int>().Should().Be(-32601, "an unsupported request gets 'method not found'");
        rpc.Write(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = 3, ["method"] = "shutdown" });
        rpc.Read()!["id"]!.GetValue<int>().Should().Be(3);
        rpc.Write(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = "exit" });
        process.WaitForExit(60_000).Should().BeTrue();
        process.ExitCode.Should().Be(0, process.StandardError.ReadToEnd());
    }

    [Fact]
    public void Key_completion_follows_the_loader_key_lists_in_every_kind_of_mapping()
    {
        string[] Keys(string text, bool manifest = false)
        {
            var lines = text.Split('\n');
            var keys = YamlCursor.KeysAt(lines, lines.Length - 1, lines[^1].Length, manifest, out var atKey);
            atKey.Should().BeTrue();
            return keys?.All.ToArray() ?? [];
        }
        Keys("").Should().BeEquivalentTo(Packs.PackKeys.Sections.All);
        Keys("id: x\n", manifest: true).Should().BeEquivalentTo(Packs.PackKeys.Manifest.All);
        Keys("rules:\n  - id: a\n    ").Should().BeEquivalentTo(Packs.PackKeys.Rule.All);
        Keys("rules:\n  - id: a\n    law:\n      ").Should().BeEquivalentTo(Packs.PackKeys.Citation.All);
        Keys("rules:\n  - ").Should().BeEquivalentTo(Packs.PackKeys.Rule.All);
        Keys("facts:\n  huishouden.x:\n    type: boolean\n    ").Should().BeEquivalentTo(Packs.PackKeys.Fact.All);
        Keys("parameters:\n  pw.x:\n    values:\n      - from: 2026-01-01\n        ").Should().BeEquivalentTo(Packs.PackKeys.ParameterValue.All);
        Keys("deviations:\n  - id: a\n    change:\n      ").Should().BeEquivalentTo(Packs.PackKeys.Change.All);
        Keys("tests:\n  - name: a\n    expect:\n      ").Should().BeEquivalentTo(Packs.PackKeys.Expect.All);
        Keys("tests:\n  - name: a\n    household:\n      ").Should().BeEmpty();
    }

    private static IReadOnlyList<Diagnostic> ExpectedDiagnostics(string brokenBeleid)
    {
        var files = Directory.EnumerateFiles(Repo.Vlaardingen, "*.yaml", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(Repo.Vlaardingen, f).Replace('\\', '/'), File.ReadAllText);
        files["beleid.yaml"] = brokenBeleid;
        var (_, diagnostics) = PackSet.TryLoad([PolicyPackSource.FromDirectory(Repo.National), PolicyPackSource.FromFiles(Repo.Vlaardingen, files)]);
        return diagnostics.Where(d => d.Location.File == Vlaardingen).ToList();
    }

    private static (int Line, int Character) Position(string text, string context, string within)
    {
        var at = text.IndexOf(context, StringComparison.Ordinal);
        at.Should().BeGreaterThanOrEqualTo(0, $"the file should contain '{context}'");
        var offset = at + context.IndexOf(within, StringComparison.Ordinal);
        var line = text[..offset].Count(c => c == '\n');
        var character = offset - (text.LastIndexOf('\n', offset - 1) + 1);
        return (line, character);
    }

    private static JsonObject At(string uri, (int Line, int Character) p) => new()
    {
        ["textDocument"] = new JsonObject { ["uri"] = uri },
        ["position"] = new JsonObject { ["line"] = p.Line, ["character"] = p.Character },
    };

    /// <summary>An editor's side of the conversation: the server runs on its own thread, talking over two pipes.</summary>
    private sealed class LspClient : IDisposable
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
        private readonly AnonymousPipeServerStream _toServer = new(PipeDirection.Out);
        private readonly AnonymousPipeServerStream _fromServer = new(PipeDirection.In);
        private readonly JsonRpcStream _rpc;
        private readonly BlockingCollection<JsonNode> _incoming = new();
        private readonly List<JsonNode> _notifications = [];
        private readonly Task<int> _server;
        private readonly AnonymousPipeClientStream _serverIn;
        private readonly AnonymousPipeClientStream _serverOut;
        private int _nextId;

        public LspClient(string workspace)
        {
            _serverIn = new AnonymousPipeClientStream(PipeDirection.In, _toServer.ClientSafePipeHandle);
            _serverOut = new AnonymousPipeClientStream(PipeDirection.Out, _fromServer.ClientSafePipeHandle);
            _server = Task.Factory.StartNew(() => new LanguageServer(_serverIn, _serverOut, TextWriter.Null).Run(), TaskCreationOptions.LongRunning);
            _rpc = new JsonRpcStream(_fromServer, _toServer);
            new Thread(() =>
            {
                try
                {
                    while (_rpc.Read() is { } m) _incoming.Add(m);
                }
                catch (IOException)
                {
                }
                _incoming.CompleteAdding();
            }) { IsBackground = true }.Start();
            var init = Request("initialize", new JsonObject { ["processId"] = null, ["rootUri"] = LanguageServer.UriOf(workspace), ["capabilities"] = new JsonObject() })!;
            init["capabilities"]!["definitionProvider"]!.GetValue<bool>().Should().BeTrue();
            Notify("initialized", new JsonObject());
        }

        public void Notify(string method, JsonObject parameters) =>
            _rpc.Write(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

        public JsonNode? Request(string method, JsonObject parameters)
        {
            var id = ++_nextId;
            _rpc.Write(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
            while (true)
            {
                var m = Take();
                if (m["id"] is { } got && got.GetValue<int>() == id)
                {
                    m["error"].Should().BeNull($"the server should answer {method}");
                    return m["result"];
                }
                _notifications.Add(m);
            }
        }

        /// <summary>The notifications received so far and not yet taken.</summary>
        public IReadOnlyList<JsonNode> Notifications(string method) => _notifications.Where(n => n["method"]?.GetValue<string>() == method).ToList();

        public JsonNode NextNotification(string method, Func<JsonNode, bool> match)
        {
            while (true)
            {
                var earlier = _notifications.FirstOrDefault(n => n["method"]?.GetValue<string>() == method && match(n["params"]!));
                if (earlier is not null)
                {
                    _notifications.Remove(earlier);
                    return earlier["params"]!;
                }
                _notifications.Add(Take());
            }
        }

        private JsonNode Take()
        {
            _incoming.TryTake(out var m, Timeout).Should().BeTrue("the server should answer within a minute");
            return m!;
        }

        public int Shutdown()
        {
            Request("shutdown", new JsonObject());
            _rpc.Write(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = "exit" });
            _server.Wait(Timeout).Should().BeTrue();
            return _server.Result;
        }

        public void Dispose()
        {
            // Closing the editor's end first gives the server's reader the end of its input.
            _toServer.Dispose();
            _serverIn.Dispose();
            _serverOut.Dispose();
            _fromServer.Dispose();
        }
    }
}
