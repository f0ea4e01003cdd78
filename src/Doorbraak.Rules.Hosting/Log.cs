using Microsoft.Extensions.Logging;

namespace Doorbraak.Rules.Hosting;

/// <summary>Log messages. Arguments are pack ids, versions, paths and diagnostics, never household facts.</summary>
internal static class Log
{
    private static readonly Action<ILogger, int, string, string, Exception?> LoadedMessage = LoggerMessage.Define<int, string, string>(
        LogLevel.Information, new EventId(1, "PacksLoaded"), "Loaded {PackCount} policy pack(s): {Packs} (content sha256 {ContentHash})");

    private static readonly Action<ILogger, int, string, string, string, Exception?> ReloadedMessage = LoggerMessage.Define<int, string, string, string>(
        LogLevel.Information, new EventId(2, "PacksReloaded"), "Reloaded {PackCount} policy pack(s): {Packs} (content sha256 {ContentHash}, was {PreviousContentHash})");

    private static readonly Action<ILogger, string, Exception?> ReloadFailedMessage = LoggerMessage.Define<string>(
        LogLevel.Warning, new EventId(3, "PackReloadFailed"), "Policy packs did not reload; the last good set stays in use. {Failure}");

    private static readonly Action<ILogger, Exception?> UnchangedMessage = LoggerMessage.Define(
        LogLevel.Debug, new EventId(4, "PacksUnchanged"), "Pack folders changed but the packs' content did not; nothing swapped.");

    private static readonly Action<ILogger, string, Exception?> WatchingMessage = LoggerMessage.Define<string>(
        LogLevel.Information, new EventId(5, "WatchingPacks"), "Watching pack folder {Folder} for changes.");

    private static readonly Action<ILogger, string, Exception?> WatcherErrorMessage = LoggerMessage.Define<string>(
        LogLevel.Warning, new EventId(6, "PackWatcherError"), "The pack folder watcher reported an error ({ErrorType}); reloading to be safe.");

    private static readonly Action<ILogger, int, Exception?> LoadWarningsMessage = LoggerMessage.Define<int>(
        LogLevel.Warning, new EventId(7, "PackWarnings"), "The policy packs loaded with {WarningCount} warning(s).");

    public static void Loaded(ILogger logger, int count, string packs, string contentHash) => LoadedMessage(logger, count, packs, contentHash, null);
    public static void Reloaded(ILogger logger, int count, string packs, string contentHash, string previousContentHash) =>
        ReloadedMessage(logger, count, packs, contentHash, previousContentHash, null);
    public static void ReloadFailed(ILogger logger, PackReloadFailure failure) => ReloadFailedMessage(logger, failure.ToString(), null);
    public static void Unchanged(ILogger logger) => UnchangedMessage(logger, null);
    public static void Watching(ILogger logger, string folder) => WatchingMessage(logger, folder, null);
    public static void WatcherError(ILogger logger, Exception ex) => WatcherErrorMessage(logger, ex.GetType().Name, null);
    public static void LoadWarnings(ILogger logger, int count) => LoadWarningsMessage(logger, count, null);
}
