namespace Kezek.Core.Results;

/// <summary>Every expected failure's code, in one place, so that each has a message in every language.</summary>
public static class ErrorCodes
{
    public const string InvalidIin = "INVALID_IIN";
    public const string InvalidApplicationNumber = "INVALID_APPLICATION_NUMBER";
    public const string InvalidGroupYear = "INVALID_GROUP_YEAR";
    public const string GroupNotOffered = "GROUP_NOT_OFFERED";
    public const string TooManyRankedKindergartens = "TOO_MANY_RANKED_KINDERGARTENS";
    public const string KindergartenNotInRegion = "KINDERGARTEN_NOT_IN_REGION";
    public const string TransferNotAvailable = "TRANSFER_NOT_AVAILABLE";
    public const string TransferNotInLifecycle = "TRANSFER_NOT_IN_LIFECYCLE";
    public const string TransferToOwnKindergarten = "TRANSFER_TO_OWN_KINDERGARTEN";
    public const string TransferGroupNotOffered = "TRANSFER_GROUP_NOT_OFFERED";
    public const string InvalidEmail = "INVALID_EMAIL";
    public const string InvalidPhone = "INVALID_PHONE";
    public const string InvalidInput = "INVALID_INPUT";
    public const string InvalidCursor = "INVALID_CURSOR";
    public const string BirthDateMismatch = "BIRTH_DATE_MISMATCH";
    public const string UnknownRegion = "UNKNOWN_REGION";
    public const string UnknownLifecycle = "UNKNOWN_LIFECYCLE";
    public const string NotificationNotFound = "NOTIFICATION_NOT_FOUND";
    public const string ChildNotFound = "CHILD_NOT_FOUND";
    public const string ChildUnchanged = "CHILD_UNCHANGED";
    public const string ChildAgeOutOfRange = "CHILD_AGE_OUT_OF_RANGE";
    public const string IndividualCertificateRequired = "INDIVIDUAL_CERTIFICATE_REQUIRED";
    public const string UnknownKindergarten = "UNKNOWN_KINDERGARTEN";
    public const string InvalidBin = "INVALID_BIN";
    public const string DuplicateBin = "DUPLICATE_BIN";
    public const string DuplicateRegion = "DUPLICATE_REGION";
    public const string CoordinatesOutOfRange = "COORDINATES_OUT_OF_RANGE";
    public const string UnknownLanguage = "UNKNOWN_LANGUAGE";
    public const string TimeZoneMismatch = "TIME_ZONE_MISMATCH";
    public const string FormulaLikeValue = "FORMULA_LIKE_VALUE";
    public const string ReferenceImportInvalid = "REFERENCE_IMPORT_INVALID";
    public const string NotLegalRepresentative = "NOT_LEGAL_REPRESENTATIVE";
    public const string DuplicateApplication = "DUPLICATE_APPLICATION";
    public const string MoveConsentMissing = "MOVE_CONSENT_MISSING";
    public const string MoveToSameRegion = "MOVE_TO_SAME_REGION";
    public const string ApplicationNotFound = "APPLICATION_NOT_FOUND";
    public const string AllocationRunNotFound = "ALLOCATION_RUN_NOT_FOUND";
    public const string AlreadyAttached = "ALREADY_ATTACHED";
    public const string SearchCriteriaRequired = "SEARCH_CRITERIA_REQUIRED";
    public const string CivilRegistryImportInvalid = "CIVIL_REGISTRY_IMPORT_INVALID";
    public const string Unauthenticated = "UNAUTHENTICATED";
    public const string Forbidden = "FORBIDDEN";
    public const string SignatureInvalid = "SIGNATURE_INVALID";
    public const string CertificateUntrusted = "CERTIFICATE_UNTRUSTED";
    public const string CertificateExpired = "CERTIFICATE_EXPIRED";
    public const string CertificateKeyUsage = "CERTIFICATE_KEY_USAGE";

    /// <summary>The certification centre revoked the signer's certificate (its OCSP responder or CRL says so).</summary>
    public const string CertificateRevoked = "CERTIFICATE_REVOKED";

    /// <summary>Neither the OCSP responder nor a valid CRL answered: the signature is refused until one does.</summary>
    public const string CertificateRevocationUnknown = "CERTIFICATE_REVOCATION_UNKNOWN";
    public const string NonceInvalid = "NONCE_INVALID";
    public const string SignerMismatch = "SIGNER_MISMATCH";
    public const string ActionMismatch = "ACTION_MISMATCH";
    public const string RoleScopeInvalid = "ROLE_SCOPE_INVALID";
    public const string ConcurrentChange = "CONCURRENT_CHANGE";
    public const string RuleSetInvalid = "RULE_SET_INVALID";
    public const string WorkflowInvalid = "WORKFLOW_INVALID";
    public const string PlaceNotFound = "PLACE_NOT_FOUND";
    public const string PlaceGroupMismatch = "PLACE_GROUP_MISMATCH";
    public const string NoFreePlace = "NO_FREE_PLACE";
    public const string LanguageNotTaught = "LANGUAGE_NOT_TAUGHT";
    public const string DirectionNotFound = "DIRECTION_NOT_FOUND";
    public const string ReasonRequired = "REASON_REQUIRED";
    public const string TextCharactersInvalid = "TEXT_CHARACTERS_INVALID";
    public const string ExtensionTooLong = "EXTENSION_TOO_LONG";
    public const string ExtensionNotLater = "EXTENSION_NOT_LATER";
    public const string ActionNotAvailable = "ACTION_NOT_AVAILABLE";
    public const string DeadlinePassed = "DEADLINE_PASSED";
    public const string ChildAgeNotInGroup = "CHILD_AGE_NOT_IN_GROUP";
    public const string StopListed = "STOP_LISTED";
    public const string TurnNotCome = "TURN_NOT_COME";
    public const string NoFreePlaces = "NO_FREE_PLACES";
    public const string RevokeWindowPassed = "REVOKE_WINDOW_PASSED";
    public const string ExtensionUsed = "EXTENSION_USED";
    public const string RestoreUsed = "RESTORE_USED";
    public const string BenefitDocumentRequired = "BENEFIT_DOCUMENT_REQUIRED";
    public const string BenefitNotClaimed = "BENEFIT_NOT_CLAIMED";
    public const string BenefitValidUntilPassed = "BENEFIT_VALID_UNTIL_PASSED";
    public const string ExportTooLarge = "EXPORT_TOO_LARGE";
}
