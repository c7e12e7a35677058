using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kezek.Identity.Certificates.Revocation;

/// <summary>
/// The CRLs Kezek knows: the configured ones and those of the certificates' distribution points. A downloaded CRL is kept
/// in memory and on disk (<see cref="RevocationOptions.CrlCacheFolder"/>), downloaded again by <see cref="CrlRefresher"/>
/// on its schedule and on demand when it is missing or past its nextUpdate; a file is read again when it changes. A CRL is
/// believed only for the issuer that signed it, and only between its thisUpdate and nextUpdate.
/// </summary>
public sealed class CrlStore(IOptions<RevocationOptions> options, IHttpClientFactory http, TimeProvider clock, ILogger<CrlStore> logger)
{
    public const string HttpClientName = "kezek-crl";

    /// <summary>How many sources discovered in certificates are remembered for the background refresh.</summary>
    private const int RememberedSources = 1_000;

    private readonly ConcurrentDictionary<string, Source> _sources = new(StringComparer.Ordinal);

    private RevocationOptions Options => options.Value;

    private ILogger Logger => logger;

    private IHttpClientFactory Http => http;

    public async Task<RevocationVerdict> CheckAsync(X509Certificate2 certificate, X509Certificate2 issuer, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var locations = Options.Crls.AsEnumerable();
        if (Options.UseCertificateCrlUrls)
            locations = locations.Concat(Pkix.CrlUris(certificate));
        var thumbprint = issuer.Thumbprint;
        var current = new List<CertificateRevocationList>();
        foreach (var location in locations.Distinct(StringComparer.Ordinal))
        {
            var source = SourceOf(location);
            if (source is null)
                continue;
            var fetched = await source.GetAsync(this, now, cancellationToken);
            if (fetched is null || !fetched.Crl.Issuer.RawData.AsSpan().SequenceEqual(issuer.SubjectName.RawData))
                continue;
            if (!fetched.Crl.IsCurrent(now, Options.ClockSkew))
            {
                logger.LogWarning("CRL {Source} of {Issuer} is past its nextUpdate {NextUpdate:u}: it is not believed", location,
                    fetched.Crl.Issuer.Name, fetched.Crl.NextUpdate);
                continue;
            }

            if (fetched.SignedBy.GetOrAdd(thumbprint, _ => fetched.Crl.IsSignedBy(issuer)))
                current.Add(fetched.Crl);
            else
                logger.LogWarning("CRL {Source} does not verify with the key of {Issuer}: it is not believed", location, issuer.Subject);
        }

        var full = current.Where(c => !c.IsDelta).MaxBy(c => c.Number ?? -1);
        if (full is null)
            return new RevocationVerdict(RevocationStatus.Unknown, null);
        var delta = full.Number is { } number
            ? current.Where(c => c.IsDelta && c.BaseNumber <= number && c.Number > number).MaxBy(c => c.Number)
            : null;
        var serial = Pkix.Serial(certificate);
        var revoked = delta?.Lists(serial) ?? full.Lists(serial) ?? false;
        var evidence = $"CRL {full.Issuer.Name} #{full.Number}" + (delta is null ? "" : $" + delta #{delta.Number}");
        return new RevocationVerdict(revoked ? RevocationStatus.Revoked : RevocationStatus.Good, evidence);
    }

    /// <summary>Downloads (or reads) every known CRL again: the configured ones and those seen in certificates.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        foreach (var location in Options.Crls)
            SourceOf(location);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var source in _sources.Values)
            await source.RefreshAsync(this, now, cancellationToken);
    }

    private Source? SourceOf(string location)
    {
        if (_sources.TryGetValue(location, out var known))
            return known;
        Source? source = null;
        if (Uri.TryCreate(location, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            source = new Source(location, uri, null);
        else if (uri is { IsFile: true })
            source = new Source(location, null, uri.LocalPath);
        else if (!location.Contains("://", StringComparison.Ordinal))
            source = new Source(location, null, Path.GetFullPath(location, Options.DataPath ?? Directory.GetCurrentDirectory()));
        if (source is null)
            return null;
        if (_sources.Count >= RememberedSources && !Options.Crls.Contains(location))
            return source;
        return _sources.GetOrAdd(location, source);
    }

    private string CachePath(string location) => Path.Combine(
        Path.GetFullPath(Options.CrlCacheFolder, Options.DataPath ?? Directory.GetCurrentDirectory()),
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(location)))[..32] + ".crl");

    private sealed record Fetched(CertificateRevocationList Crl, DateTime? FileStamp)
    {
        public ConcurrentDictionary<string, bool> SignedBy { get; } = new(StringComparer.Ordinal);
    }

    private sealed class Source(string location, Uri? url, string? file) : IDisposable
    {
        private readonly SemaphoreSlim _gate = new(1, 1);
        private Fetched? _fetched;
        private DateTime _failedAt = DateTime.MinValue;

        public void Dispose() => _gate.Dispose();

        public async Task<Fetched?> GetAsync(CrlStore store, DateTime now, CancellationToken cancellationToken)
        {
            var fetched = _fetched;
            if (file is not null)
            {
                var stamp = File.Exists(file) ? File.GetLastWriteTimeUtc(file) : (DateTime?)null;
                return fetched is not null && fetched.FileStamp == stamp ? fetched : await ReadFileAsync(store, cancellationToken);
            }

            if (fetched is not null && fetched.Crl.NextUpdate is { } next && now <= next)
                return fetched;
            if (now - _failedAt < store.Options.CrlRetryAfter)
                return fetched;
            return await DownloadAsync(store, now, force: false, cancellationToken) ?? _fetched;
        }

        public async Task RefreshAsync(CrlStore store, DateTime now, CancellationToken cancellationToken)
        {
            if (file is not null)
                await ReadFileAsync(store, cancellationToken);
            else
                await DownloadAsync(store, now, force: true, cancellationToken);
        }

        private async Task<Fetched?> ReadFileAsync(CrlStore store, CancellationToken cancellationToken)
        {
            try
            {
                var stamp = File.GetLastWriteTimeUtc(file!);
                var crl = CertificateRevocationList.Parse(await File.ReadAllBytesAsync(file!, cancellationToken));
                return _fetched = new Fetched(crl, stamp);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException
                                                  or System.Formats.Asn1.AsnContentException or CryptographicException)
            {
                store.Logger.LogWarning("CRL file {File} could not be read: {Error}", file, exception.GetType().Name);
                _fetched = null;
                return null;
            }
        }

        private async Task<Fetched?> DownloadAsync(CrlStore store, DateTime now, bool force, CancellationToken cancellationToken)
        {
            await _gate.WaitAsync(cancellationToken);
            try
            {
                // Another request may have downloaded it while this one waited.
                if (!force && _fetched is { } fresh && fresh.Crl.NextUpdate is { } next && now <= next)
                    return fresh;
                var cache = store.CachePath(location);
                if (!force && _fetched is null && File.Exists(cache))
                {
                    var cached = CertificateRevocationList.Parse(await File.ReadAllBytesAsync(cache, cancellationToken));
                    _fetched = new Fetched(cached, null);
                    if (cached.NextUpdate is { } cachedNext && now <= cachedNext)
                        return _fetched;
                }

                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(store.Options.CrlTimeout);
                using var client = store.Http.CreateClient(HttpClientName);
                var bytes = await client.GetByteArrayAsync(url, timeout.Token);
                var crl = CertificateRevocationList.Parse(bytes);
                Directory.CreateDirectory(Path.GetDirectoryName(cache)!);
                await File.WriteAllBytesAsync(cache, bytes, cancellationToken);
                store.Logger.LogInformation("CRL {Source} downloaded: {Issuer} #{Number}, {Count} entries, next update {NextUpdate:u}",
                    location, crl.Issuer.Name, crl.Number, crl.Count, crl.NextUpdate);
                return _fetched = new Fetched(crl, null);
            }
            catch (Exception exception) when (exception is HttpRequestException or IOException or UnauthorizedAccessException or FormatException
                                                  or System.Formats.Asn1.AsnContentException or CryptographicException
                                                  or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                _failedAt = now;
                store.Logger.LogWarning("CRL {Source} could not be downloaded: {Error}", location, exception.GetType().Name);
                return null;
            }
            finally
            {
                _gate.Release();
            }
        }
    }
}

/// <summary>Downloads the known CRLs again on <see cref="RevocationOptions.CrlRefreshInterval"/>.</summary>
public sealed class CrlRefresher(CrlStore store, IOptions<RevocationOptions> options, ILogger<CrlRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Mode == RevocationMode.Off)
            return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await store.RefreshAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Refreshing the CRLs failed");
            }

            try
            {
                await Task.Delay(options.Value.CrlRefreshInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
