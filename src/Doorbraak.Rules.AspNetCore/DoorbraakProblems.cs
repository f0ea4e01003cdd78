using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Doorbraak.Rules.AspNetCore;

/// <summary>
/// Turns the errors of Doorbraak.Rules into RFC 7807 problem details: status, a stable <c>code</c> extension, and the
/// diagnostics (pack or household problems) as a <c>diagnostics</c> extension.
/// </summary>
/// <remarks>
/// <list type="table">
/// <listheader><term>Exception</term><description>Status and code</description></listheader>
/// <item><term><see cref="PackLoadException"/></term><description>422 <c>pack-load</c>, with every pack diagnostic (packs sent by the client;
/// packs the host loads itself fail at start-up, not in a request).</description></item>
/// <item><term><see cref="HouseholdException"/></term><description>400 <c>malformed-household</c> when the text is not YAML or JSON of a household
/// (<see cref="HouseholdException.IsMalformedDocument"/>), otherwise 422 <c>invalid-household</c>; each problem as a diagnostic.</description></item>
/// <item><term><see cref="DecisionException"/></term><description>422 with the exception's code (<c>mandate</c>, <c>limits</c>, <c>motivation</c>,
/// <c>precedent</c>, <c>not-allowed</c>, <c>unknown-proposal</c>, <c>other-packs</c>, <c>other-household</c>) and its DBR40xx diagnostic.</description></item>
/// <item><term><see cref="ArgumentException"/> (not <see cref="ArgumentNullException"/>)</term><description>422 <c>unknown-id</c>: a deviation,
/// rule or goal id that no loaded pack defines, or another argument the packs do not accept.</description></item>
/// <item><term><see cref="JsonException"/>, <see cref="FormatException"/>, <see cref="InvalidDataException"/>, invalid UTF-8
/// (<see cref="System.Text.DecoderFallbackException"/>)</term><description>400 <c>malformed-input</c>.</description></item>
/// <item><term>anything else</term><description>500 <c>unexpected</c>, without the exception's message (it may quote household data).</description></item>
/// </list>
/// Messages of library errors describe the input the client sent; log only the exception type of unexpected errors.
/// </remarks>
public static partial class DoorbraakProblems
{
    /// <summary>The default prefix of the <c>type</c> URI: the code is appended, as in <c>urn:doorbraak:problem:mandate</c>.</summary>
    public const string DefaultTypePrefix = "urn:doorbraak:problem:";

    /// <summary>The name of the extension that holds the stable problem code.</summary>
    public const string CodeExtension = "code";

    /// <summary>The name of the extension that holds the diagnostics.</summary>
    public const string DiagnosticsExtension = "diagnostics";

    /// <summary>Whether the exception is one of the library's errors that <see cref="ToProblemDetails"/> maps to a 4xx status.</summary>
    /// <param name="exception">The exception.</param>
    public static bool IsClientError(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return StatusCodeOf(exception) < StatusCodes.Status500InternalServerError;
    }

    /// <summary>The HTTP status for an exception: 400, 422 or 500 (see the remarks of <see cref="DoorbraakProblems"/>).</summary>
    /// <param name="exception">The exception.</param>
    public static int StatusCodeOf(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            PackLoadException => StatusCodes.Status422UnprocessableEntity,
            HouseholdException h => IsMalformed(h) ? StatusCodes.Status400BadRequest : StatusCodes.Status422UnprocessableEntity,
            DecisionException => StatusCodes.Status422UnprocessableEntity,
            ArgumentNullException => StatusCodes.Status500InternalServerError,
            // Invalid UTF-8 in a request body: the document cannot be read (DecoderFallbackException is an ArgumentException).
            System.Text.DecoderFallbackException => StatusCodes.Status400BadRequest,
            InvalidOperationException { InnerException: System.Text.DecoderFallbackException } => StatusCodes.Status400BadRequest,
            ArgumentException => StatusCodes.Status422UnprocessableEntity,
            JsonException or FormatException or InvalidDataException => StatusCodes.Status400BadRequest,
            _ => StatusCodes.Status500InternalServerError,
        };
    }

    /// <summary>The problem details for an exception (see the remarks of <see cref="DoorbraakProblems"/>).</summary>
    /// <param name="exception">The exception caught around a call into the library.</param>
    /// <param name="typePrefix">The prefix of the <c>type</c> URI; null for <see cref="DefaultTypePrefix"/>.</param>
    /// <returns>Problem details with <c>status</c>, <c>title</c>, <c>detail</c>, <c>type</c> and the <c>code</c> extension, plus <c>diagnostics</c> where the library has them.</returns>
    public static ProblemDetails ToProblemDetails(Exception exception, string? typePrefix = null)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var status = StatusCodeOf(exception);
        var (code, title, detail, diagnostics) = exception switch
        {
            PackLoadException p => ("pack-load", "The policy packs did not load.",
                $"The policy packs did not load ({p.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error)} error(s)); see the diagnostics.",
                p.Diagnostics.Select(ToDiagnostic).ToList()),
            HouseholdException h => (status == StatusCodes.Status400BadRequest ? "malformed-household" : "invalid-household",
                status == StatusCodes.Status400BadRequest ? "The household is not valid YAML or JSON." : "The household does not fit the loaded packs.",
                string.Join(Environment.NewLine, h.Diagnostics), h.Diagnostics.Select(ToDiagnostic).ToList()),
            DecisionException d => (ResultJson.NameOf(d.Code), "The decision was refused.", d.Message, [ToDiagnostic(d.Diagnostic)]),
            System.Text.DecoderFallbackException or InvalidOperationException { InnerException: System.Text.DecoderFallbackException } =>
                ("malformed-input", "The input could not be read.", "The input is not valid UTF-8; send it as UTF-8.", null),
            ArgumentException a when status != StatusCodes.Status500InternalServerError =>
                ("unknown-id", "An id or argument is not known to the loaded packs.", WithoutParameterName(a), null),
            JsonException or FormatException or InvalidDataException => ("malformed-input", "The input could not be read.", InputMessage(exception), null),
            _ => ("unexpected", "An unexpected error occurred.", "An unexpected error occurred; the request was not processed.", (List<Dictionary<string, object?>>?)null),
        };
        var problem = new ProblemDetails
        {
            Status = status,
            Title = title,
            Detail = detail,
            Type = (typePrefix ?? DefaultTypePrefix) + code,
        };
        problem.Extensions[CodeExtension] = code;
        if (diagnostics is not null) problem.Extensions[DiagnosticsExtension] = diagnostics;
        return problem;
    }

    /// <summary>
    /// The problem details as an <see cref="IResult"/> for minimal APIs (<c>application/problem+json</c>).
    /// </summary>
    /// <param name="exception">The exception caught around a call into the library.</param>
    /// <param name="typePrefix">The prefix of the <c>type</c> URI; null for <see cref="DefaultTypePrefix"/>.</param>
    public static IResult ToResult(Exception exception, string? typePrefix = null) => Results.Problem(ToProblemDetails(exception, typePrefix));

    private static bool IsMalformed(HouseholdException h) =>
        h.IsMalformedDocument;

    private static string WithoutParameterName(ArgumentException a) =>
        a.ParamName is { } name && a.Message.EndsWith($" (Parameter '{name}')", StringComparison.Ordinal)
            ? a.Message[..^$" (Parameter '{name}')".Length]
            : a.Message;

    private static string InputMessage(Exception exception) => exception switch
    {
        // The reader's position, never the values.
        JsonException j when j.LineNumber is { } line => $"The JSON could not be read at {(j.Path is { Length: > 0 } p ? p + ", " : "")}line {line + 1}, position {(j.BytePositionInLine ?? 0) + 1}.",
        JsonException => "The JSON could not be read.",
        _ => "The input could not be read.",
    };

    private static Dictionary<string, object?> ToDiagnostic(Diagnostic d) => Entry(
        d.Code, d.Severity == DiagnosticSeverity.Error ? "error" : d.Severity == DiagnosticSeverity.Warning ? "warning" : "info", d.Message,
        d.Location.Line > 0 ? d.Location.File : null, d.Location.Line > 0 ? d.Location.Line : null, d.Location.Column > 0 ? d.Location.Column : null);

    /// <summary>One entry of the <c>diagnostics</c> extension: code, severity, message and, for pack files, file, line and column.</summary>
    private static Dictionary<string, object?> Entry(string? code, string severity, string message, string? file, int? line, int? column)
    {
        var d = new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = code, ["severity"] = severity, ["message"] = message };
        if (file is not null) d["file"] = file;
        if (line is not null) d["line"] = line;
        if (column is not null) d["column"] = column;
        return d;
    }
}
