using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Verivius.Infrastructure.Files;

namespace Verivius.Web.Security;

/// <summary>
/// The certificate that encrypts the data-protection keys (which sign session and antiforgery
/// cookies) where they rest, in the database. <c>DataProtection:Certificate</c> names a PFX file
/// (with <c>DataProtection:CertificatePassword</c>) that every instance shares; without one, a
/// self-signed certificate is made once under <c>keys/</c>, readable only by its owner, so even the
/// embedded default never keeps its keys in the clear beside the data they protect.
/// </summary>
public static class KeyProtection
{
    public const string CertificateSetting = "DataProtection:Certificate";
    public const string PasswordSetting = "DataProtection:CertificatePassword";
    public const string DefaultFile = "keys/data-protection.pfx";

    public static X509Certificate2 Certificate(IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration[CertificateSetting];
        var path = Path.GetFullPath(Path.Combine(contentRoot, string.IsNullOrWhiteSpace(configured) ? DefaultFile : configured));
        if (!File.Exists(path) && !string.IsNullOrWhiteSpace(configured))
        {
            throw new InvalidOperationException($"{CertificateSetting} names {path}, which does not exist.");
        }

        EnsureSelfSigned(path);
        return X509CertificateLoader.LoadPkcs12FromFile(path, configuration[PasswordSetting], X509KeyStorageFlags.EphemeralKeySet);
    }

    /// <summary>Makes a self-signed certificate at the path unless a file is there already; returns the path.</summary>
    public static string EnsureSelfSigned(string path)
    {
        SecretFile.WriteOnce(path, () =>
        {
            using var rsa = RSA.Create(3072);
            var request = new CertificateRequest("CN=Verivius data protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            // Validity is checked against the machine's real clock by the cryptography, not against the
            // portal's idea of today, so it is set from the real clock too (and made once, at composition).
            var now = TimeProvider.System.GetUtcNow();
            using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(100));
            return certificate.Export(X509ContentType.Pkcs12);
        });
        return path;
    }
}
