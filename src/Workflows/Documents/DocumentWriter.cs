using Kezek.Core.Documents;
using Kezek.Core.Words;
using QRCoder;

namespace Kezek.Workflows.Documents;

/// <summary>
/// Writes an issued document's facts in each of its languages: words instead of codes (a benefit category, the
/// language of instruction), the kindergarten's name and address in the document's language, and the public
/// verification address <c>/verify/CODE</c> with its QR code — absolute when <c>Kezek:Portal:PublicBaseUrl</c> is set.
/// </summary>
public sealed class DocumentWriter(IDocumentRenderer renderer, IWordCatalog words, string? publicBaseUrl)
{
    /// <summary>Where the public checks a document: the portal's page, absolute when the portal's address is known.</summary>
    public string VerificationAddress(string code) =>
        $"{(string.IsNullOrWhiteSpace(publicBaseUrl) ? "" : publicBaseUrl.Trim().TrimEnd('/'))}/verify/{Uri.EscapeDataString(code)}";

    /// <summary>The QR code of <paramref name="text"/> as an SVG data URI, for an <c>&lt;img&gt;</c> of the document.</summary>
    public static string QrDataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(4);
        return "data:image/svg+xml;base64," + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(svg));
    }

    /// <summary>The document in <paramref name="language"/>: <paramref name="shown"/> (facts as people read them) with words for codes.</summary>
    public string Render(DocumentKind kind, Language language, IReadOnlyDictionary<string, string?> shown, string verificationCode) =>
        Render(kind, language, shown, verificationCode, QrDataUri(VerificationAddress(verificationCode)));

    /// <summary>The document in Russian and in Kazakh: one verification address, so its QR code is drawn once for both.</summary>
    public (string Russian, string Kazakh) RenderBoth(DocumentKind kind, IReadOnlyDictionary<string, string?> shown, string verificationCode)
    {
        var qr = QrDataUri(VerificationAddress(verificationCode));
        return (Render(kind, Language.Ru, shown, verificationCode, qr), Render(kind, Language.Kk, shown, verificationCode, qr));
    }

    private string Render(DocumentKind kind, Language language, IReadOnlyDictionary<string, string?> shown, string verificationCode, string qr)
    {
        var values = new Dictionary<string, string?>(shown);
        foreach (var key in new[] { "benefitCategory", "claimedBenefitCategory" })
        {
            if (shown.GetValueOrDefault(key) is { Length: > 0 } code)
                values[key] = words.Find(WordSection.Benefits, code, language) ?? code;
        }

        if (shown.GetValueOrDefault("language") is { Length: > 0 } instruction)
            values["language"] = words.Find(WordSection.Languages, instruction, language) ?? instruction;
        if (shown.ContainsKey("kindergartenNameRu"))
        {
            string? InLanguage(string name) => language == Language.Kk && shown.GetValueOrDefault(name + "Kk") is { Length: > 0 } kazakh
                ? kazakh
                : shown.GetValueOrDefault(name + "Ru");
            values["kindergartenName"] = InLanguage("kindergartenName");
            values["kindergartenAddress"] = InLanguage("kindergartenAddress");
        }

        // A direction a transfer issued says so (its facts hold directionTransferred); any other reads as a direction to come by.
        values.TryAdd("directionTransferred", null);
        var address = VerificationAddress(verificationCode);
        values["verificationCode"] = verificationCode;
        values["verificationAddress"] = address;
        values["verificationQr"] = qr;
        return renderer.Render(kind, language, values);
    }
}
