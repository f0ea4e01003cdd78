using System.CommandLine;

namespace Doorbraak.Rules.Cli.Commands;

/// <summary><c>doorbraak validate &lt;pack-dir&gt;...</c>: loads packs as one set and reports every problem.</summary>
internal static class ValidateCommand
{
    public static Command Build(CliContext context)
    {
        var dirs = Common.PackDirsArgument("Pack folders, loaded together as one set (a local pack needs the packs it requires named too).");
        var command = new Command("validate",
            "Check that packs load: YAML, keys, types, references, layering and expressions. " +
            "Prints every problem as 'path:line:column: error CODE: message' on stderr. Exit 0 when valid, 1 when not.")
        {
            dirs,
        };
        command.SetAction(parse => Run(parse.GetValue(dirs)!, context));
        return command;
    }

    private static int Run(string[] dirs, CliContext context)
    {
        var set = Common.LoadPacks(dirs, context, showWarnings: true);
        if (set is null) return Program.ExitFailed;
        var style = context.OutStyle;
        foreach (var p in set.Packs)
            context.Out.WriteLine($"{style.Green("ok")} {p.Id} {p.Version} ({p.Title}) sha256:{p.Sha256}");
        var warnings = set.Warnings.Count;
        context.Out.WriteLine($"{set.Packs.Count} pack(s) valid{(warnings > 0 ? $", {warnings} warning(s)" : "")}.");
        return Program.ExitOk;
    }
}
