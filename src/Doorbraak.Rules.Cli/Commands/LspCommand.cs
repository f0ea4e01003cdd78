using System.CommandLine;
using Doorbraak.Rules.Cli.Lsp;

namespace Doorbraak.Rules.Cli.Commands;

/// <summary><c>doorbraak lsp</c>: a Language Server Protocol server for pack folders over standard input and output.</summary>
internal static class LspCommand
{
    public static Command Build(CliContext context)
    {
        var stdio = new Option<bool>("--stdio") { Description = "Talk over standard input and output (the default and only transport; accepted because editors pass it)." };
        var command = new Command("lsp",
            "Run a language server for policy packs over standard input/output (for editors: VS Code, Neovim, JetBrains). " +
            "It reports the loader's errors and the lint findings as you type, completes keys, ids and fact names from every pack in " +
            "the workspace, shows hovers, goes to definitions across packs and offers the 'did you mean' fixes. Logs go to stderr.")
        {
            stdio,
        };
        command.SetAction(_ =>
        {
            // Not disposed: the reader thread may still be blocked reading standard input when the client says 'exit'.
            var input = Console.OpenStandardInput();
            var output = Console.OpenStandardOutput();
            return new LanguageServer(input, output, context.Err).Run();
        });
        return command;
    }
}
