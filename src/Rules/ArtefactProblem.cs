namespace Kezek.Rules;

/// <summary>
/// One thing wrong with a versioned artefact (a region's rule set, a lifecycle definition), for the person who wrote it:
/// what is wrong (a code), where (e.g. <c>GlobalParams.daysToChoose</c>, <c>transitions[3]</c>) and why.
/// </summary>
public sealed record ArtefactProblem(string Code, string Where, string Message)
{
    public override string ToString() => $"{Code} at {Where}: {Message}";
}
