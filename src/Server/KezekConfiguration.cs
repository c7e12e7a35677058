using Kezek.Identity;
using Kezek.Identity.Certificates;
using Kezek.Identity.Certificates.Revocation;
using Kezek.Server.Demo;

namespace Kezek.Server;

/// <summary>Configuration keys of the host itself (the others belong to their projects' option classes).</summary>
public static class KezekConfiguration
{
    /// <summary><c>Kezek:DataPath</c>: the folder of the SQLite file and, in Development, the demo keys; relative to the content root.</summary>
    public const string DataPath = "Kezek:DataPath";

    /// <summary><c>Kezek:Demo:Seed</c>: fill an empty database with demo data and trust the demo CA (Development).</summary>
    public const string DemoSeed = "Kezek:Demo:Seed";

    /// <summary><c>Kezek:Portal:NcaLayerStandIn</c>: serve NCALayer's stand-in at <c>/dev/ncalayer</c> (Development only).</summary>
    public const string NcaLayerStandIn = "Kezek:Portal:NcaLayerStandIn";

    /// <summary><c>Kezek:Demo:MovableClock</c>: Development's clock that <c>POST /dev/clock</c> moves on (end-to-end journeys).</summary>
    public const string MovableClock = "Kezek:Demo:MovableClock";

    /// <summary><c>Kezek:Portal:PublicBaseUrl</c>: the portal's public address, e.g. <c>https://kezek.almaty.kz</c>; documents print
    /// <c>{PublicBaseUrl}/verify/CODE</c> and its QR code (the path alone when unset).</summary>
    public const string PublicBaseUrl = "Kezek:Portal:PublicBaseUrl";

    /// <summary><c>Kezek:Rules:Path</c>: the folder of the rule sets that seed version 1, and of the calendar.</summary>
    public const string RulesPath = "Kezek:Rules:Path";

    /// <summary><c>Kezek:Rules:RefreshInterval</c>: how often an instance looks for rule sets another one activated.</summary>
    public const string RulesRefreshInterval = "Kezek:Rules:RefreshInterval";

    /// <summary><c>Kezek:Workflows:Path</c>: the folder of the lifecycle definitions (<c>workflows/*.json</c>).</summary>
    public const string WorkflowsPath = "Kezek:Workflows:Path";

    /// <summary><c>Kezek:Timers:SweepInterval</c>: how often an instance fires the due timers.</summary>
    public const string TimersSweepInterval = "Kezek:Timers:SweepInterval";

    /// <summary><c>Kezek:Timers:SweepParallelism</c>: how many shares of the due timers an instance fires side by side.</summary>
    public const string TimersSweepParallelism = "Kezek:Timers:SweepParallelism";

    /// <summary><c>Kezek:Notifications:DispatchInterval</c>: how often an instance sends the outbox.</summary>
    public const string NotificationsDispatchInterval = "Kezek:Notifications:DispatchInterval";

    /// <summary><c>Kezek:Notifications:ClaimLease</c>: how long an instance's claim on an outbox row lasts; a row claimed by an instance
    /// that died is sent again (counted as a possible duplicate) once it has passed. Five minutes by default.</summary>
    public const string NotificationsClaimLease = "Kezek:Notifications:ClaimLease";

    /// <summary><c>Kezek:Documents:RenderInterval</c>: how often an instance renders the documents issued since (two seconds by default).</summary>
    public const string DocumentsRenderInterval = "Kezek:Documents:RenderInterval";

    /// <summary><c>Kezek:Documents:PdfsPerSecond</c>: at most this many PDFs an instance makes a second, one at a time (2 by default).</summary>
    public const string DocumentsPdfsPerSecond = "Kezek:Documents:PdfsPerSecond";

    /// <summary><c>Kezek:Templates:Path</c>: the folder of the document and notification templates.</summary>
    public const string TemplatesPath = "Kezek:Templates:Path";

    public static string ResolveTemplatesPath(IServiceProvider services) =>
        services.GetRequiredService<IConfiguration>()[TemplatesPath] is { Length: > 0 } configured
            ? Path.GetFullPath(configured, services.GetRequiredService<IHostEnvironment>().ContentRootPath)
            : Path.Combine(AppContext.BaseDirectory, "templates");

    /// <summary>The word catalogs: <c>words/</c> of the templates folder.</summary>
    public static string ResolveWordsPath(IServiceProvider services) => Path.Combine(ResolveTemplatesPath(services), "words");

    public static string ResolveWorkflowsPath(IServiceProvider services) =>
        services.GetRequiredService<IConfiguration>()[WorkflowsPath] is { Length: > 0 } configured
            ? Path.GetFullPath(configured, services.GetRequiredService<IHostEnvironment>().ContentRootPath)
            : Path.Combine(AppContext.BaseDirectory, "workflows");

    public static string ResolveRulesPath(IServiceProvider services) =>
        services.GetRequiredService<IConfiguration>()[RulesPath] is { Length: > 0 } configured
            ? Path.GetFullPath(configured, services.GetRequiredService<IHostEnvironment>().ContentRootPath)
            : Path.Combine(AppContext.BaseDirectory, "rules");

    public static string ResolveDataPath(IServiceProvider services)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var path = configuration[DataPath] is { Length: > 0 } configured ? configured : "data";
        return Path.GetFullPath(path, services.GetRequiredService<IHostEnvironment>().ContentRootPath);
    }

    /// <summary>
    /// Whether to seed the demo and trust its CA. Only in Development: anyone who reads the demo CA's key
    /// file could otherwise sign as anybody, administrators included.
    /// </summary>
    public static bool SeedsDemo(IServiceProvider services)
    {
        if (!services.GetRequiredService<IConfiguration>().GetValue<bool>(DemoSeed))
            return false;
        return services.GetRequiredService<IHostEnvironment>().IsDevelopment()
            ? true
            : throw new InvalidOperationException($"{DemoSeed} is for the Development environment only: the demo CA must never be trusted elsewhere.");
    }

    /// <summary>
    /// Whether to serve the NCALayer stand-in. Only in Development: it signs as any demo person for whoever asks, so
    /// a server asked for it elsewhere refuses to start.
    /// </summary>
    public static bool ServesNcaLayerStandIn(IConfiguration configuration, IHostEnvironment environment)
    {
        if (!configuration.GetValue<bool>(NcaLayerStandIn))
            return false;
        return environment.IsDevelopment()
            ? true
            : throw new InvalidOperationException(
                $"{NcaLayerStandIn} is for the Development environment only: the NCALayer stand-in signs with the demo keys for anyone who asks. Remove the setting (the environment is {environment.EnvironmentName}).");
    }

    /// <summary>
    /// Whether the clock may be moved on (<see cref="Demo.MovableClock"/>). Only in Development: anyone could otherwise pass
    /// every family's deadline, so a server asked for it elsewhere refuses to start.
    /// </summary>
    public static bool UsesMovableClock(IConfiguration configuration, IHostEnvironment environment)
    {
        if (!configuration.GetValue<bool>(MovableClock))
            return false;
        return environment.IsDevelopment()
            ? true
            : throw new InvalidOperationException(
                $"{MovableClock} is for the Development environment only: it lets anyone move the server's clock. Remove the setting (the environment is {environment.EnvironmentName}).");
    }

    /// <summary>Production trusts only the configured folder; a seeded demo also trusts the CA of its demo keys.</summary>
    public static TrustedRoots LoadTrustedRoots(IServiceProvider services)
    {
        var configured = services.GetRequiredService<IConfiguration>()[$"{SignatureOptions.Section}:TrustedRootsPath"];
        var contentRoot = services.GetRequiredService<IHostEnvironment>().ContentRootPath;
        return TrustedRoots.FromFolders(
            string.IsNullOrWhiteSpace(configured) ? null : Path.GetFullPath(configured, contentRoot),
            SeedsDemo(services) ? DemoKeys.CaFolder(ResolveDataPath(services)) : null);
    }

    /// <summary>A seeded demo reads its CA's CRL (<c>data/demo-ca/demo-ca.crl</c>), so the demo works with revocation required.</summary>
    public static void AddDemoCrl(RevocationOptions options, IServiceProvider services)
    {
        if (!SeedsDemo(services))
            return;
        var crl = DemoKeys.CrlFile(ResolveDataPath(services));
        if (!options.Crls.Contains(crl))
            options.Crls.Add(crl);
    }

    /// <summary>
    /// Revocation may be off only in Development and in tests, and is then logged loudly at start; elsewhere <c>Off</c>
    /// stops the server, so that production can never skip it silently.
    /// </summary>
    public static void CheckRevocationMode(IServiceProvider services, ILogger logger)
    {
        var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<RevocationOptions>>().Value;
        if (options.Mode != RevocationMode.Off)
        {
            logger.LogInformation("Revocation of signers' certificates: {Mode} (OCSP, then CRL)", options.Mode);
            return;
        }

        var environment = services.GetRequiredService<IHostEnvironment>();
        if (!environment.IsDevelopment() && !environment.IsEnvironment("Testing"))
            throw new InvalidOperationException(
                $"{RevocationOptions.Section}:Mode=Off is allowed in Development and tests only: a revoked key would sign in {environment.EnvironmentName}.");
        logger.LogWarning("REVOCATION IS OFF ({Section}:Mode=Off): revoked NCA RK keys are accepted. Development and tests only.",
            RevocationOptions.Section);
    }
}
