using Doorbraak.Rules.Packs;
using Doorbraak.Rules.Source;
using Doorbraak.Rules.Source.Yaml;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Doorbraak.Rules;

/// <summary>
/// A public key whose signatures on packs are trusted (ECDSA P-256). Its <see cref="KeyId"/> is the RFC 7638 JWK thumbprint
/// (SHA-256, base64url) of the public key, the same id <c>doorbraak sign</c> prints and writes into each signature.
/// </summary>
/// <threadsafety>Immutable; share one instance.</threadsafety>
public sealed class TrustedPackKey
{
    private readonly ECParameters _parameters;

    private TrustedPackKey(ECParameters parameters, string? name)
    {
        _parameters = parameters;
        KeyId = PackSignatures.Thumbprint(parameters);
        Name = name;
    }

    /// <summary>The key id: the JWK thumbprint of the public key.</summary>
    public string KeyId { get; }

    /// <summary>A name for messages and logs (who holds the private key), or null.</summary>
    public string? Name { get; }

    /// <summary>Reads a P-256 public key (or a private key, of which only the public part is kept) from PEM text.</summary>
    /// <param name="pem">A <c>PUBLIC KEY</c>, <c>EC PRIVATE KEY</c> or <c>PRIVATE KEY</c> PEM block.</param>
    /// <param name="name">A name for messages, such as "Gemeente Vlaardingen, beleid".</param>
    /// <exception cref="ArgumentException">The text is not a P-256 key in PEM.</exception>
    public static TrustedPackKey FromPem(string pem, string? name = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(pem);
        using var key = PackSignatures.ImportKey(pem);
        return new TrustedPackKey(key.ExportParameters(false), name);
    }

    internal bool Verifies(byte[] data, byte[] signature)
    {
        using var key = ECDsa.Create(_parameters);
        return key.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }
}

/// <summary>
/// Signs and verifies pack folders. A signature is <c>pack.jws</c> at the pack's root: a JWS (compact, ES256) whose payload
/// lists the SHA-256 of every pack file, read under the same rule as loading (regular files inside the folder, hidden names
/// skipped); its header's <c>kid</c> is the signing key's thumbprint. See docs/pack-format.md, "Signed packs".
/// </summary>
public static class PackSignatures
{
    /// <summary>The name of the signature file at a pack's root.</summary>
    public const string FileName = "pack.jws";

    private const string PayloadType = "doorbraak-pack-manifest+json";

    /// <summary>Signs a pack folder: writes <see cref="FileName"/> with the hashes of its files; returns the key id.</summary>
    /// <param name="packFolder">The pack folder (with pack.yaml).</param>
    /// <param name="privateKeyPem">The signer's P-256 private key in PEM (<c>EC PRIVATE KEY</c> or <c>PRIVATE KEY</c>).</param>
    /// <param name="signer">Who signs, as the audit block names it (an organisation and role, not a person's private data).</param>
    /// <exception cref="ArgumentException">The key is not a P-256 private key, or the folder cannot be read as a pack.</exception>
    public static string Sign(string packFolder, string privateKeyPem, string signer)
    {
        ArgumentException.ThrowIfNullOrEmpty(packFolder);
        ArgumentException.ThrowIfNullOrEmpty(privateKeyPem);
        ArgumentException.ThrowIfNullOrWhiteSpace(signer);
        var bag = new DiagnosticBag();
        var files = PackFolderReader.Read(packFolder, bag, new YamlLimits());
        if (bag.HasErrors) throw new ArgumentException("The pack folder cannot be signed: " + string.Join(" ", bag.Items), nameof(packFolder));
        using var key = ImportKey(privateKeyPem);
        var parameters = key.ExportParameters(false);
        var kid = Thumbprint(parameters);
        var header = new JsonObject { ["alg"] = "ES256", ["kid"] = kid, ["typ"] = "JWT", ["cty"] = PayloadType };
        var fileHashes = new JsonObject();
        foreach (var f in files.OrderBy(f => f.Path, StringComparer.Ordinal)) fileHashes[f.Path] = Convert.ToHexStringLower(SHA256.HashData(f.Content));
        var payload = new JsonObject { ["signer"] = signer.Trim(), ["files"] = fileHashes };
        var signingInput = B64(Encoding.UTF8.GetBytes(header.ToJsonString())) + "." + B64(Encoding.UTF8.GetBytes(payload.ToJsonString()));
        var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        File.WriteAllText(Path.Combine(packFolder, FileName), signingInput + "." + B64(signature) + "\n");
        return kid;
    }

    /// <summary>Verifies a pack folder against trusted keys; returns every problem (empty when the signature holds).</summary>
    /// <param name="packFolder">The pack folder.</param>
    /// <param name="trusted">The trusted keys.</param>
    public static IReadOnlyList<Diagnostic> Verify(string packFolder, IEnumerable<TrustedPackKey> trusted)
    {
        ArgumentException.ThrowIfNullOrEmpty(packFolder);
        ArgumentNullException.ThrowIfNull(trusted);
        var bag = new DiagnosticBag();
        var files = PackFolderReader.Read(packFolder, bag, new YamlLimits());
        if (bag.HasErrors) return bag.Items;
        var signature = PackFolderReader.ReadSignature(packFolder, bag);
        Check(packFolder, files, signature, trusted.ToList(), bag);
        return bag.Items;
    }

    /// <summary>Checks one pack's files against its signature; returns the signer and key id when it holds.</summary>
    internal static (string Signer, string KeyId)? Check(string root, IReadOnlyList<PackFile> files, byte[]? signature, IReadOnlyList<TrustedPackKey> trusted, DiagnosticBag bag)
    {
        var at = new SourceLocation(PackReader.Display(root, FileName), 1, 1);
        if (signature is null)
        {
            bag.Report(DiagnosticCatalog.PackUnsigned, new SourceLocation(root, 1, 1), $"The pack is not signed (no {FileName}) and signed packs are required; sign it with 'doorbraak sign {root} --key <private key.pem> --signer <who>'.");
            return null;
        }
        var parts = Encoding.ASCII.GetString(signature).Trim().Split('.');
        JsonObject? header = null, payload = null;
        byte[]? sig = null;
        try
        {
            if (parts.Length == 3)
            {
                header = JsonNode.Parse(Unb64(parts[0])) as JsonObject;
                payload = JsonNode.Parse(Unb64(parts[1])) as JsonObject;
                sig = Unb64(parts[2]);
            }
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            header = null;
        }
        if (header is null || payload is null || sig is null || header["alg"]?.GetValue<string>() != "ES256" || header["kid"]?.GetValue<string>() is not { } kid
            || payload["files"] is not JsonObject signedFiles)
        {
            bag.Report(DiagnosticCatalog.PackSignatureInvalid, at, $"{FileName} is not a pack signature (a compact JWS with alg ES256, a kid and a list of files); sign the pack again with 'doorbraak sign'.");
            return null;
        }
        var key = trusted.FirstOrDefault(k => k.KeyId == kid);
        if (key is null)
        {
            bag.Report(DiagnosticCatalog.PackSignatureInvalid, at, $"The pack is signed with the key {kid}, which is not one of the trusted keys ({(trusted.Count == 0 ? "none are configured" : string.Join(", ", trusted.Select(k => k.KeyId)))}); add the signer's public key to the trusted keys if you trust it.");
            return null;
        }
        if (!key.Verifies(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), sig))
        {
            bag.Report(DiagnosticCatalog.PackSignatureInvalid, at, $"The signature in {FileName} does not match its content for the key {kid}: the signature file was changed. Sign the pack again.");
            return null;
        }
        var ok = true;
        var actual = files.ToDictionary(f => f.Path, f => f.Content, StringComparer.Ordinal);
        foreach (var (path, node) in signedFiles.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var where = new SourceLocation(PackReader.Display(root, path), 1, 1);
            if (!actual.TryGetValue(path, out var content))
            {
                bag.Report(DiagnosticCatalog.PackFileChanged, where, $"The signed file '{path}' is missing; the pack was changed after it was signed. Restore the file or sign the pack again.");
                ok = false;
            }
            else if (!string.Equals(node?.GetValue<string>(), Convert.ToHexStringLower(SHA256.HashData(content)), StringComparison.Ordinal))
            {
                bag.Report(DiagnosticCatalog.PackFileChanged, where, $"The file '{path}' was changed after the pack was signed (its SHA-256 differs). Restore the signed version or sign the pack again.");
                ok = false;
            }
        }
        foreach (var path in actual.Keys.Where(p => !signedFiles.ContainsKey(p)).Order(StringComparer.Ordinal))
        {
            bag.Report(DiagnosticCatalog.PackFileChanged, new SourceLocation(PackReader.Display(root, path), 1, 1), $"The file '{path}' was added after the pack was signed. Remove it or sign the pack again.");
            ok = false;
        }
        return ok ? (payload["signer"]?.GetValue<string>() ?? key.Name ?? kid, kid) : null;
    }

    internal static ECDsa ImportKey(string pem)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
            if (key.ExportParameters(false).Curve.Oid.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
                throw new ArgumentException("The key is not on the P-256 curve; create one with 'openssl ecparam -name prime256v1 -genkey -noout -out key.pem'.", nameof(pem));
            return key;
        }
        catch (CryptographicException ex)
        {
            key.Dispose();
            throw new ArgumentException($"The text is not an EC key in PEM ({ex.Message}).", nameof(pem), ex);
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    /// <summary>The RFC 7638 JWK thumbprint of a P-256 public key: SHA-256 over {"crv","kty","x","y"} in that order, base64url.</summary>
    internal static string Thumbprint(ECParameters p)
    {
        var jwk = $"{{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"{B64(p.Q.X!)}\",\"y\":\"{B64(p.Q.Y!)}\"}}";
        return B64(SHA256.HashData(Encoding.UTF8.GetBytes(jwk)));
    }

    private static string B64(byte[] data) => Convert.ToBase64String(data).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] Unb64(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + (4 - s.Length % 4) % 4, '='));
    }
}
