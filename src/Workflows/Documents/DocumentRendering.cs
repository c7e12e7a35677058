using Kezek.Core.Documents;
using Kezek.Rules.RuleSets;
using Kezek.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.Documents;

/// <summary>
/// Writes issued documents from their frozen facts, after the request that issued them: a worker renders those still
/// without HTML, claimed like the outbox (a conditional claim with a lease, so that two instances never render the same
/// document and a worker that died is taken over once its lease passes); a download or a check that comes first renders
/// on demand. The result, and the SHA-256 <c>verifyDocument</c> answers, are the same whenever it is done.
/// </summary>
public sealed class DocumentRendering(IKezekDb db, DocumentWriter writer, RuleSetCatalog rules, TimeProvider clock)
{
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    /// <summary>Renders the documents still without HTML, oldest first; returns how many this call rendered (each after its own claim).</summary>
    public async Task<int> RenderPendingAsync(CancellationToken cancellationToken, int batchSize = 100, TimeSpan? lease = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // Read whole in one statement (what a document says is frozen at issue, so a copy read before its claim renders the same).
        var pending = await db.Documents.AsNoTracking().Where(d => d.RenderedAt == null && (d.RenderClaimedUntil == null || d.RenderClaimedUntil < now))
            .OrderBy(d => d.IssuedAt).Take(batchSize).ToListAsync(cancellationToken);
        var rendered = 0;
        foreach (var document in pending)
        {
            // A claim of its own with the clock read now: only one worker renders a document while its claim lasts.
            var id = document.Id;
            var claimedAt = clock.GetUtcNow().UtcDateTime;
            var claimed = await db.Documents.Where(d => d.Id == id && d.RenderedAt == null && (d.RenderClaimedUntil == null || d.RenderClaimedUntil < claimedAt))
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.RenderClaimedUntil, claimedAt + (lease ?? Lease)), cancellationToken);
            if (claimed == 0)
                continue; // another worker has it, or a download rendered it
            await StoreAsync(Render(document), cancellationToken);
            rendered++;
        }

        return rendered;
    }

    /// <summary>The document with its renderings: as stored, or written now when no worker has come to it yet.</summary>
    public async Task<IssuedDocument> RenderedAsync(IssuedDocument document, CancellationToken cancellationToken)
    {
        if (document.RenderedAt is not null)
            return document;
        var rendered = Render(document);
        if (await StoreAsync(rendered, cancellationToken) == 1)
            return rendered;
        // A worker stored it a moment earlier: what it stored is the document (the same HTML).
        return await db.Documents.AsNoTracking().SingleAsync(d => d.Id == document.Id, cancellationToken);
    }

    /// <summary>Renders an untracked copy from its facts, which must be those issued (fails closed otherwise).</summary>
    private IssuedDocument Render(IssuedDocument document)
    {
        if (document.FactsSha256 is { } issued && IssuedDocument.Hash(document.Facts) != issued)
            throw new InvalidOperationException($"Document {document.Id}: its facts are not those issued; it is not rendered.");
        using var facts = System.Text.Json.JsonDocument.Parse(document.Facts);
        var region = facts.RootElement.GetProperty("region").GetString()!;
        var (russian, kazakh) = DocumentIssuer.Render(writer, document, rules.For(region).RuleSet.Policy);
        document.SetContent(russian, kazakh, clock.GetUtcNow().UtcDateTime);
        return document;
    }

    /// <summary>Stores the renderings where none are stored yet (the first writer keeps its copy); 1 when this one did.</summary>
    private Task<int> StoreAsync(IssuedDocument rendered, CancellationToken cancellationToken) =>
        db.Documents.Where(d => d.Id == rendered.Id && d.RenderedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.ContentRu, rendered.ContentRu).SetProperty(d => d.ContentKk, rendered.ContentKk)
                .SetProperty(d => d.Sha256Ru, rendered.Sha256Ru).SetProperty(d => d.Sha256Kk, rendered.Sha256Kk)
                .SetProperty(d => d.RenderedAt, rendered.RenderedAt).SetProperty(d => d.RenderClaimedUntil, (DateTime?)null), cancellationToken);
}
