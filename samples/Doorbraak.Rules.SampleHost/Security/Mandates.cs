using System.Security.Claims;
using Doorbraak.Rules.Inspection;
using Microsoft.AspNetCore.Authorization;

namespace Doorbraak.Rules.SampleHost.Security;

/// <summary>
/// The decider's mandate comes from the signed-in user's claims, never from a form field or a request body.
/// One authorization policy per level of the mandate ladder: <c>mandaat:teamleider</c> is met by a teamleider, a manager, and so on.
/// </summary>
public static class Mandates
{
    /// <summary>The claim holding the user's mandate level (a level of <see cref="MandateLadder.Default"/>).</summary>
    public const string ClaimType = "doorbraak:mandaat";

    /// <summary>The prefix of the policy names; <c>mandaat:regisseur</c> is the policy for regisseur or higher.</summary>
    public const string PolicyPrefix = "mandaat:";

    /// <summary>The policy a signed-in user meets with any level on the ladder (consulent or higher).</summary>
    public static string AnyLevel => PolicyFor(MandateLadder.Default.Levels[0]);

    /// <summary>The policy name for a level.</summary>
    public static string PolicyFor(string level) => PolicyPrefix + level;

    /// <summary>The user's mandate level, or null when the user has none on the ladder.</summary>
    public static string? Of(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && user.FindFirst(ClaimType)?.Value is { } level && MandateLadder.Default.Contains(level) ? level : null;

    /// <summary>Who decided, as the plan records it: the user's name (a staff id, never a BSN).</summary>
    public static string DecidedBy(ClaimsPrincipal user) => user.Identity?.Name ?? "onbekend";

    /// <summary>Registers a policy per mandate level.</summary>
    public static AuthorizationBuilder AddMandatePolicies(this AuthorizationBuilder builder)
    {
        foreach (var level in MandateLadder.Default.Levels)
            builder.AddPolicy(PolicyFor(level), p => p.RequireAuthenticatedUser().AddRequirements(new MandateRequirement(level)));
        return builder;
    }
}

/// <summary>The user's mandate is at least <see cref="Level"/>.</summary>
/// <param name="Level">The lowest level that meets the requirement.</param>
public sealed record MandateRequirement(string Level) : IAuthorizationRequirement;

/// <summary>Meets a <see cref="MandateRequirement"/> when the user's mandate claim is that level or higher on the ladder.</summary>
public sealed class MandateHandler : AuthorizationHandler<MandateRequirement>
{
    /// <inheritdoc />
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, MandateRequirement requirement)
    {
        if (MandateLadder.Default.IsAtLeast(Mandates.Of(context.User), requirement.Level)) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
