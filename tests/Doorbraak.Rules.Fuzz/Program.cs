using System.Diagnostics;
using Doorbraak.Rules.Fuzz;
using SharpFuzz;

// Usage (see tests/README.md, "Fuzzing"):
//   Doorbraak.Rules.Fuzz afl TARGET                 the afl++ harness (run by tests/fuzz/run.sh on an instrumented build)
//   Doorbraak.Rules.Fuzz replay TARGET PATH...      runs files (or every file in folders) through TARGET without afl
//   Doorbraak.Rules.Fuzz seeds TARGET OUTDIR        writes the seed inputs for TARGET (tests/corpus, shipped packs, samples)
if (args.Length < 2 || !FuzzTargets.Names.Contains(args[1]))
{
    Console.Error.WriteLine($"usage: Doorbraak.Rules.Fuzz afl|replay|seeds TARGET [PATH...]; TARGET is one of {string.Join(", ", FuzzTargets.Names)}");
    return 2;
}
var target = args[1];
switch (args[0])
{
    case "afl":
        // SharpFuzz runs the inputs in a child process it starts (and restarts after a hang). The child loads the national pack
        // before it takes its first input, so that work is neither timed nor traced; the instrumented code writes its trace into
        // a scratch map until Run maps afl's. The parent (the fork server) runs no instrumented code.
        if (Environment.GetEnvironmentVariable("__SHARPFUZZ_CTL") is not null) AflChild.Warm();
        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            FuzzTargets.Run(target, buffer.ToArray());
        });
        return 0;
    case "replay":
        return Replay.Run(target, args[2..], TimeSpan.FromSeconds(double.Parse(Environment.GetEnvironmentVariable("DOORBRAAK_FUZZ_TIMEOUT") ?? "10", System.Globalization.CultureInfo.InvariantCulture)));
    case "seeds" when args.Length == 3:
        var written = Seeds.Write(target, args[2]);
        Console.WriteLine($"{written} seed inputs for '{target}' in {args[2]}");
        return 0;
    default:
        Console.Error.WriteLine("usage: Doorbraak.Rules.Fuzz afl|replay|seeds TARGET [PATH...]");
        return 2;
}

/// <summary>Runs saved inputs through a target in this process: an exception or an input slower than the timeout is a finding.</summary>
internal static class Replay
{
    public static int Run(string target, string[] paths, TimeSpan timeout)
    {
        FuzzTargets.Warm();
        var files = paths.SelectMany(p => Directory.Exists(p)
                ? Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".expect", StringComparison.Ordinal) && !f.EndsWith(".md", StringComparison.Ordinal) && !Path.GetFileName(f).StartsWith("README", StringComparison.Ordinal))
                : [p])
            .Order(StringComparer.Ordinal).ToList();
        var failures = 0;
        var total = Stopwatch.StartNew();
        foreach (var file in files)
        {
            var input = File.ReadAllBytes(file);
            Exception? error = null;
            var watch = Stopwatch.StartNew();
            var worker = new Thread(() =>
            {
                try { FuzzTargets.Run(target, input); }
                catch (Exception ex) { error = ex; }
            }) { IsBackground = true };
            worker.Start();
            if (!worker.Join(timeout))
            {
                failures++;
                Console.WriteLine($"HANG  {file}: still running after {timeout.TotalSeconds:0} s");
                continue;
            }
            if (error is not null)
            {
                failures++;
                Console.WriteLine($"CRASH {file}: {error.GetType().Name}: {error.Message}");
                Console.WriteLine(error.StackTrace);
            }
            else if (watch.Elapsed > TimeSpan.FromSeconds(1))
                Console.WriteLine($"slow  {file}: {watch.Elapsed.TotalMilliseconds:0} ms");
        }
        Console.WriteLine($"replay {target}: {files.Count} inputs, {failures} crashes or hangs, {total.Elapsed.TotalSeconds:0.0} s");
        return failures == 0 ? 0 : 1;
    }
}

internal static class AflChild
{
    public static unsafe void Warm()
    {
        SharpFuzz.Common.Trace.SharedMem = (byte*)System.Runtime.InteropServices.NativeMemory.AllocZeroed(1 << 16);
        FuzzTargets.Warm();
    }
}
