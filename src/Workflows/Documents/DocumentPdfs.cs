using Kezek.Core.Documents;
using Kezek.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Kezek.Workflows.Documents;

/// <summary>
/// Makes the PDF of each issued document once, after the issuing transaction (a browser does not belong inside one).
/// Where no browser is installed, documents are served as HTML and the log says so once.
/// </summary>
public sealed class DocumentPdfs(IKezekDb db, IPdfRenderer pdf, ILogger<DocumentPdfs> logger)
{
    private static int _saidUnavailable;

    public async Task<int> MakePendingAsync(CancellationToken cancellationToken, int batchSize = 20)
    {
        if (!pdf.IsAvailable)
        {
            if (Interlocked.Exchange(ref _saidUnavailable, 1) == 0)
                logger.LogWarning("No Chromium found: documents are kept and served as HTML, without PDF");
            return 0;
        }

        var pending = await db.Documents.AsNoTracking().Where(d => d.PdfRu == null && d.ContentRu != null)
            .OrderBy(d => d.IssuedAt).Take(batchSize).Select(d => new { d.Id, d.ContentRu, d.ContentKk }).ToListAsync(cancellationToken);
        var made = 0;
        foreach (var document in pending)
        {
            var russian = await pdf.RenderAsync(document.ContentRu!, cancellationToken);
            var kazakh = await pdf.RenderAsync(document.ContentKk!, cancellationToken);
            // Only where no PDF was stored yet: an instance that made it first keeps its copy.
            made += await db.Documents.Where(d => d.Id == document.Id && d.PdfRu == null)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.PdfRu, russian).SetProperty(d => d.PdfKk, kazakh), cancellationToken);
        }

        return made;
    }
}
