using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Doorbraak.Rules.SampleHost.Security;

/// <summary>DEMO ONLY: authenticates API clients by the <c>X-Api-Key</c> header against <see cref="DemoIdentityOptions.ApiKeys"/>.</summary>
public sealed class ApiKeyAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    DemoIdentityOptions identities) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The scheme name.</summary>
    public const string SchemeName = "ApiKey";

    /// <summary>The request header carrying the key.</summary>
    public const string Header = "X-Api-Key";

    /// <inheritdoc />
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values)) return Task.FromResult(AuthenticateResult.NoResult());
        var client = identities.FindKey(values.ToString());
        if (client is null) return Task.FromResult(AuthenticateResult.Fail("Unknown API key."));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(DemoIdentityOptions.Principal(client.Client, client.Mandate, SchemeName), SchemeName)));
    }

    /// <inheritdoc />
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = Header;
        return Task.CompletedTask;
    }
}
