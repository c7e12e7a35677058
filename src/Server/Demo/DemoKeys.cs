using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Kezek.Identity.Demo;

namespace Kezek.Server.Demo;

/// <summary>
/// Development only: a demo CA in <c>data/demo-ca</c> (trusted by this instance) and PKCS#12 AUTH and SIGN
/// keys for the demo people in <c>data/demo-keys</c>, so that the demo works without NCALayer.
/// </summary>
public static class DemoKeys
{
    public const string Password = "Qwerty12";

    public static string CaFolder(string dataPath) => Path.Combine(dataPath, "demo-ca");

    public static string KeysFolder(string dataPath) => Path.Combine(dataPath, "demo-keys");

    /// <summary>The demo CA's CRL, which Kezek reads in Development (revocation is required there too).</summary>
    public static string CrlFile(string dataPath) => Path.Combine(CaFolder(dataPath), "demo-ca.crl");

    /// <summary>Creates what is missing; keeps what exists, so the keys stay valid across restarts.</summary>
    public static DemoCertificateAuthority Ensure(string dataPath, TimeProvider clock, ILogger logger)
    {
        var caFolder = CaFolder(dataPath);
        var keysFolder = KeysFolder(dataPath);
        Directory.CreateDirectory(caFolder);
        Directory.CreateDirectory(keysFolder);
        var caKeyFile = Path.Combine(caFolder, "demo-ca.p12");
        var now = clock.GetUtcNow();

        DemoCertificateAuthority authority;
        if (File.Exists(caKeyFile))
        {
            authority = DemoCertificateAuthority.Load(caKeyFile, Password);
        }
        else
        {
            authority = DemoCertificateAuthority.Create("KEZEK DEMO CA (NOT FOR PRODUCTION)", now.AddDays(-1), now.AddYears(10));
            authority.Save(caKeyFile, Path.Combine(caFolder, "demo-ca.crt"), Password);
            logger.LogInformation("Created the demo certificate authority in {Folder}", caFolder);
        }

        foreach (var (file, person, _) in DemoPeople.KeyHolders)
        {
            WriteIfMissing(Path.Combine(keysFolder, file + "-auth.p12"), () => authority.IssueAuthentication(person, now.AddDays(-1), now.AddYears(2)));
            WriteIfMissing(Path.Combine(keysFolder, file + "-sign.p12"), () => authority.IssueSigning(person, now.AddDays(-1), now.AddYears(2)));
        }

        WriteGuide(Path.Combine(keysFolder, "README.txt"));
        PublishCrl(authority, CrlFile(dataPath), now, logger);
        return authority;
    }

    /// <summary>
    /// The demo CA's CRL (empty: no demo person is revoked), made again when it is missing — a data folder of an older
    /// version has none — or when it is less than a month from its nextUpdate, so the demo never meets a stale CRL.
    /// </summary>
    private static void PublishCrl(DemoCertificateAuthority authority, string path, DateTimeOffset now, ILogger logger)
    {
        if (File.Exists(path))
        {
            try
            {
                var existing = Kezek.Identity.Certificates.Revocation.CertificateRevocationList.Parse(File.ReadAllBytes(path));
                if (existing.NextUpdate > now.UtcDateTime.AddDays(30) && existing.IsSignedBy(authority.Certificate))
                    return;
            }
            catch (Exception exception) when (exception is System.Formats.Asn1.AsnContentException or FormatException
                                                  or System.Security.Cryptography.CryptographicException)
            {
                logger.LogWarning("The demo CRL {File} is unreadable; it is made again", path);
            }
        }

        File.WriteAllBytes(path, authority.PublishCrl(now.ToUnixTimeSeconds(), now.AddDays(-1), now.AddYears(1)));
        logger.LogInformation("Published the demo CA's CRL {File}", path);
    }

    private static void WriteIfMissing(string path, Func<X509Certificate2> issue)
    {
        if (File.Exists(path))
            return;
        using var certificate = issue();
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, Password));
    }

    private static void WriteGuide(string path)
    {
        var text = new StringBuilder();
        text.AppendLine("Kezek demo keys (Development only). Password of every file: " + Password);
        text.AppendLine("<name>-auth.p12 signs in (signIn); <name>-sign.p12 signs actions (registerApplication, ...).");
        text.AppendLine();
        foreach (var (file, person, who) in DemoPeople.KeyHolders)
            text.AppendLine(CultureInfo.InvariantCulture, $"{file,-14} IIN {person.Iin}  {person.FullName}  — {who}");
        text.AppendLine();
        text.AppendLine("Children in the demo civil registry:");
        foreach (var child in DemoPeople.Children)
            text.AppendLine(CultureInfo.InvariantCulture, $"  IIN {child.Iin}  {child.FullName}, born {child.BirthDate:yyyy-MM-dd}, parents: {
                string.Join(", ", child.Parents.Select(p => $"{p.Parent.CommonName} ({p.Relation})"))}");
        File.WriteAllText(path, text.ToString());
    }
}
