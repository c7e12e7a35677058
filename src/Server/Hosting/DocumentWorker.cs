using Kezek.Workflows.Documents;

namespace Kezek.Server.Hosting;

/// <summary>
/// Every few seconds, writes the documents issued since (their HTML, from the facts frozen at issue), then makes their
/// PDFs one at a time at <c>Kezek:Documents:PdfsPerSecond</c>, so that a morning's backlog waits instead of taking the
/// cores from requests. Every instance works; claims keep them apart.
/// </summary>
public sealed class DocumentWorker(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<DocumentWorker> logger)
    : PeriodicWork(scopes, configuration, logger)
{
    protected override (string Key, TimeSpan Default) Interval => (KezekConfiguration.DocumentsRenderInterval, TimeSpan.FromSeconds(2));

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var rendering = services.GetRequiredService<DocumentRendering>();
        while (await rendering.RenderPendingAsync(cancellationToken) > 0)
        {
            // Until the documents issued so far are written.
        }

        var configuration = services.GetRequiredService<IConfiguration>();
        var perSecond = configuration.GetValue(KezekConfiguration.DocumentsPdfsPerSecond, 2.0);
        var interval = configuration.GetValue(Interval.Key, Interval.Default);
        // About one interval's worth of PDFs a tick (two a document), paced inside it.
        var documents = Math.Max(1, (int)Math.Ceiling(perSecond * interval.TotalSeconds / 2));
        await services.GetRequiredService<DocumentPdfs>().MakePendingAsync(cancellationToken, documents, perSecond);
    }
}
