namespace Kezek.GraphQL.Http;

/// <summary>
/// How much one GraphQL request may ask (configuration <c>Kezek:Limits</c>): its body, and how many root fields and aliases
/// its document holds, so that an anonymous caller cannot make the server read, parse or answer without bound.
/// </summary>
public sealed class RequestLimits
{
    public const string Section = "Kezek:Limits";

    /// <summary>The body of anyone's request (64 KB): a registration, a signed action, a page's query.</summary>
    public int BodyBytes { get; set; } = 64 * 1024;

    /// <summary>The body of an administrator's or operator's request, who import CSV files (16 MB).</summary>
    public int FileImportBodyBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Root fields in one operation: a portal's page asks a handful, a flood of aliased look-ups asks hundreds.</summary>
    public int MaxRootFields { get; set; } = 12;

    /// <summary>Aliases in one document.</summary>
    public int MaxAliases { get; set; } = 30;
}
