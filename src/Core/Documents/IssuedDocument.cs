using System.Security.Cryptography;
using Kezek.Core.Words;

namespace Kezek.Core.Documents;

/// <summary>The documents of the seeds' "Общие документы" table (SPEC §6).</summary>
public enum DocumentKind
{
    /// <summary>Уведомление о регистрации.</summary>
    RegistrationNotification,

    /// <summary>Извещение о приёме документов.</summary>
    DocumentsReceipt,

    /// <summary>Регистрация ребёнка в книге учёта.</summary>
    RegisterBookEntry,

    /// <summary>Карточка ребёнка.</summary>
    ChildCard,

    /// <summary>Направление в ДДО.</summary>
    Direction,
}

/// <summary>
/// A document issued to the applicant: what it certifies is frozen at the moment of issue (<see cref="Facts"/>, JSON,
/// with its hash), so that it reads the same however the application changes later. Anyone may check
/// <see cref="VerificationCode"/>. Its renderings are written from those facts after the issuing request (a worker, or
/// the first download or check), once; nothing else is ever edited.
/// </summary>
public sealed class IssuedDocument
{
    private const string CodeAlphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    public IssuedDocument(long applicationId, DocumentKind kind, Guid? directionId, string facts, DateTime issuedAt)
    {
        Id = Guid.NewGuid();
        ApplicationId = applicationId;
        Kind = kind;
        DirectionId = directionId;
        Facts = facts;
        IssuedAt = issuedAt;
        VerificationCode = NewCode();
        FactsSha256 = Hash(facts);
    }

#pragma warning disable CS8618 // EF Core materialises through this constructor
    private IssuedDocument()
    {
    }
#pragma warning restore CS8618

    public Guid Id { get; private set; }

    public long ApplicationId { get; private set; }

    public DocumentKind Kind { get; private set; }

    /// <summary>The direction a "Направление в ДДО" certifies.</summary>
    public Guid? DirectionId { get; private set; }

    /// <summary>What the document certifies, as it stood at issue (JSON).</summary>
    public string Facts { get; private set; }

    public DateTime IssuedAt { get; private set; }

    /// <summary>Twelve characters without look-alikes (no 0/O, 1/I): typed from paper to check the document.</summary>
    public string VerificationCode { get; private set; }

    /// <summary>SHA-256 of <see cref="Facts"/> (hex), taken at issue: a rendering is made only from the facts as issued.</summary>
    public string? FactsSha256 { get; private set; }

    /// <summary>When the renderings were written (null until then: the request that issues a document does not render it).</summary>
    public DateTime? RenderedAt { get; private set; }

    /// <summary>Claimed by a rendering worker (HTML, or the PDF) until then; the claim of a worker that died passes.</summary>
    public DateTime? RenderClaimedUntil { get; private set; }

    /// <summary>The document as rendered once from its facts, in Russian and in Kazakh (HTML with print CSS).</summary>
    public string? ContentRu { get; private set; }

    public string? ContentKk { get; private set; }

    /// <summary>SHA-256 of each rendering (hex), so that a copy can be checked against what was issued.</summary>
    public string? Sha256Ru { get; private set; }

    public string? Sha256Kk { get; private set; }

    /// <summary>Sets the renderings, once (on a copy being written, or on a new document).</summary>
    public void SetContent(string russian, string kazakh, DateTime renderedAt)
    {
        if (ContentRu is not null)
            throw new InvalidOperationException("An issued document is rendered once.");
        ContentRu = russian;
        ContentKk = kazakh;
        Sha256Ru = Hash(russian);
        Sha256Kk = Hash(kazakh);
        RenderedAt = renderedAt;
    }

    public string? Content(Language language) => language.ForMessages == Language.Kk ? ContentKk : ContentRu;

    /// <summary>The same renderings as PDF, made once by a browser after issue (null until then, or where there is no browser).</summary>
    public byte[]? PdfRu { get; private set; }

    public byte[]? PdfKk { get; private set; }

    public byte[]? Pdf(Language language) => language.ForMessages == Language.Kk ? PdfKk : PdfRu;

    public static string Hash(string content) => Hash(System.Text.Encoding.UTF8.GetBytes(content));

    public static string Hash(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    private static string NewCode() => string.Create(12, 0, (span, _) =>
    {
        for (var i = 0; i < span.Length; i++)
            span[i] = CodeAlphabet[RandomNumberGenerator.GetInt32(CodeAlphabet.Length)];
    });
}

/// <summary>Renders a document's template (<c>templates/documents/&lt;kind&gt;.&lt;lang&gt;.sbn-html</c>) with what it certifies.</summary>
public interface IDocumentRenderer
{
    string Render(DocumentKind kind, Language language, IReadOnlyDictionary<string, string?> facts);
}

/// <summary>Turns a rendered document (HTML with print CSS) into PDF; <see cref="IsAvailable"/> is false where no browser is installed.</summary>
public interface IPdfRenderer
{
    bool IsAvailable { get; }

    Task<byte[]> RenderAsync(string html, CancellationToken cancellationToken);
}
