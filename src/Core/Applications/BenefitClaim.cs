using Kezek.Core.Results;

namespace Kezek.Core.Applications;

/// <summary>
/// The benefit an applicant claims at registration, with the document it rests on: a claim of a benefit names its
/// document (type and number), and a claim of none names no document. An operator confirms or rejects it later.
/// </summary>
public sealed record BenefitClaim
{
    public const int MaxDocumentTypeLength = 100;
    public const int MaxDocumentNumberLength = 64;

    private BenefitClaim(BenefitCategory category, string? documentType, string? documentNumber)
    {
        Category = category;
        DocumentType = documentType;
        DocumentNumber = documentNumber;
    }

    public static readonly BenefitClaim None = new(BenefitCategory.None, null, null);

    /// <summary>The claim an application holds (checked when it was made), carried to another application.</summary>
    internal static BenefitClaim Of(Application application) =>
        new(application.ClaimedBenefit, application.BenefitDocumentType, application.BenefitDocumentNumber);

    public BenefitCategory Category { get; }

    public string? DocumentType { get; }

    public string? DocumentNumber { get; }

    public static Result<BenefitClaim> Create(BenefitCategory category, string? documentType, string? documentNumber)
    {
        var type = string.IsNullOrWhiteSpace(documentType) ? null : documentType.Trim();
        var number = string.IsNullOrWhiteSpace(documentNumber) ? null : documentNumber.Trim();
        if (category == BenefitCategory.None)
        {
            if (type is not null)
                return Error.Of(ErrorCodes.InvalidInput, ("field", "benefitDocumentType"));
            return number is not null ? Error.Of(ErrorCodes.InvalidInput, ("field", "benefitDocumentNumber")) : None;
        }

        if (type is null || number is null)
            return Error.Of(ErrorCodes.BenefitDocumentRequired);
        if (FreeText.Refusal(type, "benefitDocumentType", multiline: false) is { } unprintableType)
            return unprintableType;
        if (FreeText.Refusal(number, "benefitDocumentNumber", multiline: false) is { } unprintableNumber)
            return unprintableNumber;
        if (type.Length > MaxDocumentTypeLength)
            return Error.Of(ErrorCodes.InvalidInput, ("field", "benefitDocumentType"));
        if (number.Length > MaxDocumentNumberLength)
            return Error.Of(ErrorCodes.InvalidInput, ("field", "benefitDocumentNumber"));
        return new BenefitClaim(category, type, number);
    }
}
