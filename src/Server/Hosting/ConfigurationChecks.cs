using System.Globalization;
using System.Net;
using Kezek.Core.Iins;
using Kezek.GraphQL.Access;
using Kezek.GraphQL.Http;
using Kezek.Identity;
using Kezek.Identity.Certificates.Revocation;
using Kezek.Infrastructure.Messaging;
using Kezek.Infrastructure.Persistence;
using Kezek.Workflows.Portal;
using Microsoft.Extensions.Options;

namespace Kezek.Server.Hosting;

/// <summary>Configuration <c>Kezek:Network</c>: the proxies whose <c>X-Forwarded-*</c> headers are believed.</summary>
public sealed class NetworkOptions
{
    public const string Section = "Kezek:Network";

    public string[] TrustedProxies { get; set; } = [];
}

/// <summary>The host's own keys that no options class holds (intervals, paths): checked together.</summary>
public sealed class HostSettings;

/// <summary>
/// Every Kezek options class is validated before anything starts (<c>ValidateOnStart</c>): a missing or contradictory setting
/// stops the start with one line naming the key — "Kezek cannot start: Kezek:Database:ConnectionString is required when
/// Kezek:Database:Provider is PostgreSql" — and exit code 1, not a stack trace half-way through the migrations.
/// </summary>
public static class ConfigurationChecks
{
    public static IServiceCollection AddKezekConfigurationChecks(this IServiceCollection services)
    {
        Check<DatabaseOptions>(services, (o, _) => Database(o));
        Check<SignatureOptions>(services, Signatures);
        Check<BootstrapOptions>(services, (o, _) => Bootstrap(o));
        Check<RevocationOptions>(services, (o, _) => Revocation(o));
        Check<RateLimitOptions>(services, (o, _) => RateLimits(o));
        Check<RequestLimits>(services, (o, _) => Limits(o));
        Check<EmailOptions>(services, (o, _) => Email(o));
        Check<SmsOptions>(services, (o, _) => Sms(o));
        Check<PortalOptions>(services, (o, _) => Portal(o));
        Check<TelemetryOptions>(services, (o, _) => Telemetry(o));
        services.AddOptions<NetworkOptions>().BindConfiguration(NetworkOptions.Section);
        Check<NetworkOptions>(services, (o, _) => Networks($"{NetworkOptions.Section}:TrustedProxies", o.TrustedProxies));
        Check<HostSettings>(services, (_, provider) => Host(provider.GetRequiredService<IConfiguration>()));
        return services;
    }

    /// <summary>
    /// Runs every check now. False (after one line on standard error) when the configuration is wrong: the caller stops.
    /// </summary>
    public static bool Passed(WebApplication app)
    {
        try
        {
            app.Services.GetService<IStartupValidator>()?.Validate();
            return true;
        }
        catch (OptionsValidationException failure)
        {
            Refuse(failure.Failures);
        }
        catch (AggregateException failures) when (failures.InnerExceptions.All(e => e is OptionsValidationException))
        {
            Refuse(failures.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures));
        }
        catch (InvalidOperationException unreadable) when (unreadable.Message.Contains("configuration value", StringComparison.Ordinal))
        {
            // The binder's own words name the key ("Failed to convert configuration value at 'Kezek:Database:Provider' to type …").
            Refuse([unreadable.Message]);
        }

        return false;
    }

    private static void Refuse(IEnumerable<string> failures) =>
        Console.Error.WriteLine("Kezek cannot start: " + string.Join("; ", failures.Select(f => f.ReplaceLineEndings(" "))));

    private static void Check<T>(IServiceCollection services, Func<T, IServiceProvider, IEnumerable<string>> check) where T : class
    {
        services.AddOptions<T>().ValidateOnStart();
        services.AddSingleton<IValidateOptions<T>>(provider => new Validator<T>(provider, check));
    }

    private sealed class Validator<T>(IServiceProvider provider, Func<T, IServiceProvider, IEnumerable<string>> check) : IValidateOptions<T>
        where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options)
        {
            var failures = check(options, provider).ToList();
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }

    private static IEnumerable<string> Database(DatabaseOptions o)
    {
        if (o.Provider != DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(o.ConnectionString))
            yield return $"{DatabaseOptions.Section}:ConnectionString is required when {DatabaseOptions.Section}:Provider is {o.Provider}";
    }

    private static IEnumerable<string> Signatures(SignatureOptions o, IServiceProvider provider)
    {
        const string s = SignatureOptions.Section;
        if (o.NonceLifetime <= TimeSpan.Zero)
            yield return $"{s}:NonceLifetime must be positive (it is {o.NonceLifetime})";
        if (o.SessionLifetime <= TimeSpan.Zero)
            yield return $"{s}:SessionLifetime must be positive (it is {o.SessionLifetime})";
        if (o.MaxDocumentBytes <= 0)
            yield return $"{s}:MaxDocumentBytes must be positive (it is {o.MaxDocumentBytes})";
        if (!string.IsNullOrWhiteSpace(o.TrustedRootsPath)
            && !Directory.Exists(Path.GetFullPath(o.TrustedRootsPath, provider.GetRequiredService<IHostEnvironment>().ContentRootPath)))
            yield return $"{s}:TrustedRootsPath names a folder that does not exist ({o.TrustedRootsPath})";
    }

    private static IEnumerable<string> Bootstrap(BootstrapOptions o)
    {
        for (var i = 0; i < o.AdministratorIins.Count; i++)
        {
            // Never the value itself: it is an IIN.
            if (!Iin.Parse(o.AdministratorIins[i]).IsSuccess)
                yield return $"{BootstrapOptions.Section}:AdministratorIins:{i} is not a valid IIN (12 digits with a correct check digit)";
        }
    }

    private static IEnumerable<string> Revocation(RevocationOptions o)
    {
        const string s = RevocationOptions.Section;
        if (o.OcspHashAlgorithm is not ("SHA1" or "SHA256"))
            yield return $"{s}:OcspHashAlgorithm must be SHA1 or SHA256 (it is {o.OcspHashAlgorithm})";
        foreach (var (key, value) in new[] { ("OcspTimeout", o.OcspTimeout), ("CrlTimeout", o.CrlTimeout), ("CrlRefreshInterval", o.CrlRefreshInterval) })
        {
            if (value <= TimeSpan.Zero)
                yield return $"{s}:{key} must be positive (it is {value})";
        }

        foreach (var (issuer, url) in o.OcspResponders)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out _))
                yield return $"{s}:OcspResponders:{issuer} is not an absolute URL";
        }
    }

    private static IEnumerable<string> RateLimits(RateLimitOptions o)
    {
        const string s = RateLimitOptions.Section;
        if (o.Window <= TimeSpan.Zero)
            yield return $"{s}:Window must be positive (it is {o.Window})";
        foreach (var (key, value) in new[]
                 {
                     ("NoncesPerAddress", o.NoncesPerAddress), ("SignInsPerAddress", o.SignInsPerAddress),
                     ("SignedActionsPerAddress", o.SignedActionsPerAddress), ("SignedActionsPerPerson", o.SignedActionsPerPerson),
                     ("LookupsPerAddress", o.LookupsPerAddress),
                 })
        {
            if (value <= 0)
                yield return $"{s}:{key} must be positive (it is {value}); set {s}:Enabled=false to turn the limits off";
        }
    }

    private static IEnumerable<string> Limits(RequestLimits o)
    {
        const string s = RequestLimits.Section;
        foreach (var (key, value) in new[] { ("BodyBytes", o.BodyBytes), ("FileImportBodyBytes", o.FileImportBodyBytes), ("MaxRootFields", o.MaxRootFields), ("MaxAliases", o.MaxAliases) })
        {
            if (value <= 0)
                yield return $"{s}:{key} must be positive (it is {value})";
        }

        if (o.FileImportBodyBytes > 0 && o.BodyBytes > o.FileImportBodyBytes)
            yield return $"{s}:FileImportBodyBytes ({o.FileImportBodyBytes}) must not be smaller than {s}:BodyBytes ({o.BodyBytes})";
    }

    private static IEnumerable<string> Email(EmailOptions o)
    {
        const string s = EmailOptions.Section;
        if (o.Port is < 1 or > 65535)
            yield return $"{s}:Port must be between 1 and 65535 (it is {o.Port})";
        if (o.Timeout <= TimeSpan.Zero)
            yield return $"{s}:Timeout must be positive (it is {o.Timeout})";
        if (!string.IsNullOrWhiteSpace(o.Host) && !MimeKit.MailboxAddress.TryParse(o.From, out _))
            yield return $"{s}:From is not an e-mail address (it is {o.From})";
        if (!string.IsNullOrEmpty(o.User) && string.IsNullOrEmpty(o.Password))
            yield return $"{s}:Password is required when {s}:User is set";
    }

    private static IEnumerable<string> Sms(SmsOptions o)
    {
        const string s = SmsOptions.Section;
        if (!string.IsNullOrWhiteSpace(o.Url) && !(Uri.TryCreate(o.Url, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"))
            yield return $"{s}:Url must be an absolute http(s) URL";
        if (o.Timeout <= TimeSpan.Zero)
            yield return $"{s}:Timeout must be positive (it is {o.Timeout})";
    }

    private static IEnumerable<string> Portal(PortalOptions o)
    {
        for (var i = 0; i < o.AllowedOrigins.Length; i++)
        {
            if (o.AllowedOrigins[i].Length > 0 && !Uri.TryCreate(o.AllowedOrigins[i], UriKind.Absolute, out _))
                yield return $"{PortalOptions.Section}:AllowedOrigins:{i} is not an absolute origin such as https://portal.example.kz ({o.AllowedOrigins[i]})";
        }
    }

    private static IEnumerable<string> Telemetry(TelemetryOptions o)
    {
        const string s = TelemetryOptions.Section;
        if (!string.IsNullOrWhiteSpace(o.Otlp.Endpoint) && !Uri.TryCreate(o.Otlp.Endpoint, UriKind.Absolute, out _))
            yield return $"{s}:Otlp:Endpoint must be an absolute URL such as http://otel-collector:4317 (it is {o.Otlp.Endpoint})";
        if (!o.Otlp.Protocol.Equals("grpc", StringComparison.OrdinalIgnoreCase) && !o.Otlp.Protocol.Equals("http/protobuf", StringComparison.OrdinalIgnoreCase))
            yield return $"{s}:Otlp:Protocol must be grpc or http/protobuf (it is {o.Otlp.Protocol})";
        if (o.CountsInterval <= TimeSpan.Zero)
            yield return $"{s}:CountsInterval must be positive (it is {o.CountsInterval})";
        if (o.TimerLagThreshold < TimeSpan.Zero)
            yield return $"{s}:TimerLagThreshold must not be negative (it is {o.TimerLagThreshold})";
        foreach (var failure in Networks($"{s}:MetricsNetworks", o.MetricsNetworks))
            yield return failure;
    }

    private static IEnumerable<string> Networks(string key, string[] entries)
    {
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = entries[i];
            if (!(entry.Contains('/', StringComparison.Ordinal) ? System.Net.IPNetwork.TryParse(entry, out _) : IPAddress.TryParse(entry, out _)))
                yield return $"{key}:{i} is neither an address nor a network such as 10.0.0.0/8 (it is {entry})";
        }
    }

    private static IEnumerable<string> Host(IConfiguration configuration)
    {
        foreach (var unreadable in configuration.GetSection(SecretFiles.FailuresSection).GetChildren())
            yield return unreadable.Value!;
        foreach (var key in new[]
                 {
                     KezekConfiguration.RulesRefreshInterval, KezekConfiguration.TimersSweepInterval, KezekConfiguration.NotificationsDispatchInterval,
                     KezekConfiguration.NotificationsClaimLease, "Kezek:Audit:AnchorInterval",
                 })
        {
            if (configuration[key] is not { Length: > 0 } text)
                continue;
            if (!TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var interval) || interval <= TimeSpan.Zero)
                yield return $"{key} must be a positive time span such as 00:00:10 (it is {text})";
        }

        if (configuration[KezekConfiguration.TimersSweepParallelism] is { Length: > 0 } parallelism
            && !(int.TryParse(parallelism, NumberStyles.Integer, CultureInfo.InvariantCulture, out var shares) && shares >= 1))
            yield return $"{KezekConfiguration.TimersSweepParallelism} must be a whole number of at least 1 (it is {parallelism})";
        if (configuration[KezekConfiguration.PublicBaseUrl] is { Length: > 0 } publicBase && !Uri.TryCreate(publicBase, UriKind.Absolute, out _))
            yield return $"{KezekConfiguration.PublicBaseUrl} must be an absolute URL such as https://kezek.almaty.kz (it is {publicBase})";
    }
}
