using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Doorbraak.Rules.AspNetCore;

/// <summary>
/// An <see cref="IExceptionHandler"/> that answers the library's client errors (400 and 422, see <see cref="DoorbraakProblems"/>)
/// with problem details, and leaves every other exception to the next handler. Register it with
/// <c>services.AddExceptionHandler&lt;DoorbraakExceptionHandler&gt;()</c> and <c>app.UseExceptionHandler()</c>.
/// </summary>
/// <threadsafety instance="true">Stateless; safe to share.</threadsafety>
public sealed class DoorbraakExceptionHandler : IExceptionHandler
{
    private readonly string? _typePrefix;

    /// <summary>Creates the handler with <see cref="DoorbraakProblems.DefaultTypePrefix"/>.</summary>
    public DoorbraakExceptionHandler() { }

    /// <summary>Creates the handler with a prefix for the problem <c>type</c> URIs.</summary>
    /// <param name="typePrefix">The prefix, such as <c>https://example.org/problems/</c>.</param>
    public DoorbraakExceptionHandler(string typePrefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(typePrefix);
        _typePrefix = typePrefix;
    }

    /// <summary>Writes problem details for a library client error; returns false for anything else.</summary>
    /// <param name="httpContext">The request.</param>
    /// <param name="exception">The exception.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(exception);
        if (!DoorbraakProblems.IsClientError(exception) || httpContext.Response.HasStarted) return false;
        var problem = DoorbraakProblems.ToProblemDetails(exception, _typePrefix);
        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        await httpContext.Response.WriteAsJsonAsync(problem, options: null, contentType: "application/problem+json", cancellationToken).ConfigureAwait(false);
        return true;
    }
}
