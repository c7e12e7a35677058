using Kezek.Core.Documents;
using Kezek.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Kezek.Workflows.Documents;

/// <summary>
/// Makes the PDF of each issued document once, after the issuing transaction (a browser does not belong inside one), one
/// at a time and at most <c>pdfsPerSecond</c>, so that a backlog never starves the requests of the cores. Each document
/// is claimed first, so that two instances never make the same PDF. Where no browser is installed, documents are served
/// as HTML and the log says so once.
/// </summary>
public sealed class DocumentPdfs(IKezekDb db, DocumentRendering rendering, IPdfRenderer pdf, TimeProvider clock, ILogger<DocumentPdfs> logger)
{
    private static int _saidUnavailable;

    /// <param name="pdfsPerSecond">At most this many PDFs (one per language) a second; 0 or less: as fast as the browser goes.</param>
    public async Task<int> MakePendingAsync(CancellationToken cancellationToken, int batchSize = 20, double pdfsPerSecond = 0, TimeSpan? lease = null)
    {
        // The HTML first: a PDF is made from it.
        await rendering.RenderPendingAsync(cancellationToken);
        if (!pdf.IsAvailable)
        {
            if (Interlocked.Exchange(ref _saidUnavailable, 1) == 0)
                logger.LogWarning("No Chromium found: documents are kept and served as HTML, without PDF");
            return 0;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var pending = await db.Documents.AsNoTracking()
            .Where(d => d.PdfRu == null && d.RenderedAt != null && (d.RenderClaimedUntil == null || d.RenderClaimedUntil < now))
            .OrderBy(d => d.IssuedAt).Take(batchSize).Select(d => d.Id).ToListAsync(cancellationToken);
        var made = 0;
        var paced = System.Diagnostics.Stopwatch.StartNew();
        var pdfs = 0;
        foreach (var id in pending)
        {
            var claimedAt = clock.GetUtcNow().UtcDateTime;
            if (await db.Documents.Where(d => d.Id == id && d.PdfRu == null && (d.RenderClaimedUntil == null || d.RenderClaimedUntil < claimedAt))
                    .ExecuteUpdateAsync(s => s.SetProperty(d => d.RenderClaimedUntil, claimedAt + (lease ?? DocumentRendering.Lease)), cancellationToken) == 0)
                continue; // another instance makes it
            var document = await db.Documents.AsNoTracking().Where(d => d.Id == id).Select(d => new { d.ContentRu, d.ContentKk }).SingleAsync(cancellationToken);
            var russian = await pdf.RenderAsync(document.ContentRu!, cancellationToken);
            await PaceAsync(++pdfs);
            var kazakh = await pdf.RenderAsync(document.ContentKk!, cancellationToken);
            await PaceAsync(++pdfs);
            // Only where no PDF was stored yet: an instance that made it first keeps its copy.
            made += await db.Documents.Where(d => d.Id == id && d.PdfRu == null)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.PdfRu, russian).SetProperty(d => d.PdfKk, kazakh)
                    .SetProperty(d => d.RenderClaimedUntil, (DateTime?)null), cancellationToken);
        }

        return made;

        Task PaceAsync(int count)
        {
            if (pdfsPerSecond <= 0)
                return Task.CompletedTask;
            var wait = TimeSpan.FromSeconds(count / pdfsPerSecond) - paced.Elapsed;
            return wait > TimeSpan.Zero ? Task.Delay(wait, cancellationToken) : Task.CompletedTask;
        }
    }
}
