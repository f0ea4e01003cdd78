using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Doorbraak.Rules.Inspection;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Doorbraak.Rules.SampleHost.Security;

/// <summary>
/// DEMO ONLY: users and API keys from configuration (<c>demo-users.json</c>), so that the sample can show sign-in and
/// mandates without an identity provider. A real host plugs in its own (OpenID Connect, Entra ID, ...) and maps its
/// roles to the <see cref="Mandates.ClaimType"/> claim.
/// </summary>
public sealed class DemoIdentityOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "DemoIdentity";

    /// <summary>Users who can sign in on <c>/aanmelden</c>.</summary>
    public List<DemoUser> Users { get; init; } = [];

    /// <summary>Keys for the JSON API (header <c>X-Api-Key</c>).</summary>
    public List<DemoApiKey> ApiKeys { get; init; } = [];

    /// <summary>Checks that every user and key has a name, a secret and a mandate on the ladder.</summary>
    /// <exception cref="InvalidOperationException">A user or key is not usable; the message says which and how to fix it.</exception>
    public void Validate()
    {
        foreach (var u in Users)
        {
            if (string.IsNullOrWhiteSpace(u.UserName) || string.IsNullOrEmpty(u.Password))
                throw new InvalidOperationException($"{Section}:Users: every user needs a UserName and a Password.");
            if (!MandateLadder.Default.Contains(u.Mandate))
                throw new InvalidOperationException($"{Section}:Users: user '{u.UserName}' has mandate '{u.Mandate}'; use one of {string.Join(", ", MandateLadder.Default.Levels)}.");
        }
        foreach (var k in ApiKeys)
        {
            if (string.IsNullOrWhiteSpace(k.Client) || string.IsNullOrEmpty(k.Key) || k.Key.Length < 16)
                throw new InvalidOperationException($"{Section}:ApiKeys: every key needs a Client and a Key of at least 16 characters.");
            if (!MandateLadder.Default.Contains(k.Mandate))
                throw new InvalidOperationException($"{Section}:ApiKeys: client '{k.Client}' has mandate '{k.Mandate}'; use one of {string.Join(", ", MandateLadder.Default.Levels)}.");
        }
    }

    /// <summary>The user with this name and password, compared in constant time; null otherwise.</summary>
    public DemoUser? SignIn(string? userName, string? password)
    {
        DemoUser? found = null;
        foreach (var u in Users)
        {
            var nameOk = Same(u.UserName, userName ?? "");
            var passwordOk = Same(u.Password, password ?? "");
            if (nameOk & passwordOk) found = u;
        }
        return found;
    }

    /// <summary>The API client with this key, compared in constant time; null otherwise.</summary>
    public DemoApiKey? FindKey(string? key)
    {
        DemoApiKey? found = null;
        if (string.IsNullOrEmpty(key)) return null;
        foreach (var k in ApiKeys)
            if (Same(k.Key, key)) found = k;
        return found;
    }

    private static bool Same(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(a)), SHA256.HashData(Encoding.UTF8.GetBytes(b)));

    /// <summary>The principal for a user or API client: name, role and mandate claims.</summary>
    public static ClaimsPrincipal Principal(string name, string mandate, string scheme) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, mandate), new Claim(Mandates.ClaimType, mandate)],
            scheme, ClaimTypes.Name, ClaimTypes.Role));

    /// <summary>The cookie scheme's principal for a demo user.</summary>
    public static ClaimsPrincipal Principal(DemoUser user) => Principal(user.UserName, user.Mandate, CookieAuthenticationDefaults.AuthenticationScheme);
}

/// <summary>DEMO ONLY: a user who signs in with a password from configuration.</summary>
public sealed class DemoUser
{
    /// <summary>The sign-in name, also recorded as "besloten door" (a staff id; no personal data).</summary>
    public string UserName { get; init; } = "";

    /// <summary>The demo password (plain text in a demo file; never do this in production).</summary>
    public string Password { get; init; } = "";

    /// <summary>The mandate level.</summary>
    public string Mandate { get; init; } = "";
}

/// <summary>DEMO ONLY: an API client with a key from configuration.</summary>
public sealed class DemoApiKey
{
    /// <summary>The client's name, recorded as "besloten door" for decisions through the API.</summary>
    public string Client { get; init; } = "";

    /// <summary>The key, sent in the <c>X-Api-Key</c> header.</summary>
    public string Key { get; init; } = "";

    /// <summary>The mandate level of decisions taken with this key.</summary>
    public string Mandate { get; init; } = "";
}
