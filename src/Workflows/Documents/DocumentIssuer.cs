using System.Globalization;
using System.Text.Json;
using Kezek.Core.Applications;
using Kezek.Core.Documents;
using Kezek.Core.Places;
using Kezek.Core.Regions;
using Kezek.Core.Words;
using Kezek.Rules;
using Kezek.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.Documents;

/// <summary>
/// Issues the documents of the seeds' table: what each certifies is taken from the application (and the direction)
/// at this moment and frozen in the document (with their hash), dates in the region's time. Writing them in each language
/// is the <see cref="DocumentWriter"/>'s work, done after the issuing request by <see cref="DocumentRendering"/>.
/// </summary>
public static class DocumentIssuer
{
    /// <summary>The documents a registration issues (SPEC §2.1).</summary>
    public static readonly IReadOnlyList<DocumentKind> AtRegistration =
        [DocumentKind.RegistrationNotification, DocumentKind.DocumentsReceipt, DocumentKind.RegisterBookEntry, DocumentKind.ChildCard];

    private static readonly JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task<IssuedDocument> IssueAsync(IKezekDb db, Application application, DocumentKind kind,
        Direction? direction, RegionPolicy policy, DateTime now, CancellationToken cancellationToken, Place? seat = null, Kindergarten? seatKindergarten = null)
    {
        string Local(DateTime utc) => policy.ToLocal(utc).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
        var facts = new Dictionary<string, string?>
        {
            ["applicationNumber"] = application.Number,
            ["region"] = application.RegionCode,
            ["groupYear"] = application.GroupYear.ToString(CultureInfo.InvariantCulture),
            ["benefitCategory"] = application.Benefit.ToString(),
            ["claimedBenefitCategory"] = application.ClaimedBenefit.ToString(),
            ["registeredAt"] = Local(application.CreatedAt),
            ["queuedAt"] = Local(application.QueuedAt),
            ["childFullName"] = application.Child.FullName,
            ["childIin"] = application.Child.Iin,
            ["childBirthDate"] = application.Child.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["applicantFullName"] = application.Applicant.FullName,
            ["applicantIin"] = application.Applicant.Iin,
            ["applicantPhone"] = application.Applicant.Phone,
            ["applicantEmail"] = application.Applicant.Email,
            ["issuedAt"] = Local(now),
        };
        if (direction is not null)
        {
            // A bulk walk read them already (a window's close); else one statement each.
            var place = seat?.Id == direction.PlaceId ? seat : await db.Places.AsNoTracking().SingleAsync(p => p.Id == direction.PlaceId, cancellationToken);
            var kindergarten = seatKindergarten?.Id == direction.KindergartenId
                ? seatKindergarten
                : await db.Kindergartens.AsNoTracking().SingleAsync(k => k.Id == direction.KindergartenId, cancellationToken);
            facts["directionId"] = direction.Id.ToString();
            facts["directionIssuedAt"] = Local(direction.IssuedAt);
            // A transfer's direction is enrolled at once: no visit is awaited, so it has no date to come by (its expiry,
            // revoke and extension limits are the move's instant). The document says the child was transferred and enrolled.
            if (direction.Status == DirectionStatus.Enrolled)
                facts["directionTransferred"] = "true";
            else
                facts["directionExpiresAt"] = Local(direction.ExpiresAt);
            facts["kindergartenNameRu"] = kindergarten.NameRu;
            facts["kindergartenNameKk"] = kindergarten.NameKk;
            facts["kindergartenAddressRu"] = kindergarten.AddressRu;
            facts["kindergartenAddressKk"] = kindergarten.AddressKk;
            facts["kindergartenBin"] = kindergarten.Bin;
            facts["language"] = place.Language.Code;
            facts["placeMode"] = place.Mode == PlaceMode.Queue ? "Queue" : "FreeChoice";
        }

        var document = new IssuedDocument(application.Id, kind, direction?.Id, JsonSerializer.Serialize(facts, Readable), now);
        db.Documents.Add(document);
        return document;
    }

    /// <summary>The document in both languages, written from its frozen facts: the same whenever it is done.</summary>
    public static (string Russian, string Kazakh) Render(DocumentWriter writer, IssuedDocument document, RegionPolicy policy)
    {
        var facts = JsonSerializer.Deserialize<Dictionary<string, string?>>(document.Facts)
                    ?? throw new InvalidOperationException($"Document {document.Id}: no facts.");
        var shown = Shown(facts, policy);
        return writer.RenderBoth(document.Kind, shown, document.VerificationCode);
    }

    /// <summary>The facts as a person reads them: instants as dd.MM.yyyy HH:mm, the last day to attend as dd.MM.yyyy.</summary>
    private static Dictionary<string, string?> Shown(Dictionary<string, string?> facts, RegionPolicy policy)
    {
        var shown = new Dictionary<string, string?>(facts);
        foreach (var (key, value) in facts)
        {
            if (!key.EndsWith("At", StringComparison.Ordinal) || !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, out var instant))
                continue;
            shown[key] = key == "directionExpiresAt"
                ? policy.LastDayOf(instant.UtcDateTime).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)
                : policy.ToLocal(instant.UtcDateTime).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture);
        }

        if (DateOnly.TryParse(facts["childBirthDate"], CultureInfo.InvariantCulture, out var birth))
            shown["childBirthDate"] = birth.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
        return shown;
    }
}
