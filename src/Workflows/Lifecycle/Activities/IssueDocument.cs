using Kezek.Core.Documents;
using Kezek.Workflows.Documents;

namespace Kezek.Workflows.Lifecycle.Activities;

/// <summary><c>issueDocument</c> (argument: the kind, e.g. Direction): issues a document of the seeds' table with what it certifies now.</summary>
public sealed class IssueDocument : IActivity
{
    public string Name => "issueDocument";

    /// <summary>A document is its facts and their hash, rendered later by a worker: issuing one is a row. With the seat and its kindergarten read by the bulk run's caller, no statement.</summary>
    public bool InBulkWithClaimedSeat => true;

    public string? CheckArgument(string? argument) =>
        Enum.TryParse<DocumentKind>(argument, ignoreCase: false, out _) && !int.TryParse(argument, out _)
            ? null
            : $"one of {string.Join(", ", Enum.GetNames<DocumentKind>())}.";

    public async Task<Core.Results.Error?> RunAsync(ActivityContext context, string? argument, CancellationToken cancellationToken)
    {
        var kind = Enum.Parse<DocumentKind>(argument!);
        if (kind == DocumentKind.Direction && context.Direction is null)
            throw new InvalidOperationException("issueDocument Direction: the transition has no direction (issueDirection comes first).");
        await DocumentIssuer.IssueAsync(context.Db, context.Application, kind, kind == DocumentKind.Direction ? context.Direction : null,
            context.Rules.Policy, context.Now, cancellationToken,
            context.ClaimedSeat,
            context.Direction is { } of ? context.Kindergartens?.GetValueOrDefault(of.KindergartenId) : null);
        return null;
    }
}
