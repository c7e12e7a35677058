using Kezek.Rules.RuleSets;

namespace Kezek.Workflows.Lifecycle.Activities;

/// <summary><c>putOnStopList</c>: no direction until the region's StopListEnd.</summary>
public sealed class PutOnStopList : ActivityWithoutArgument
{
    public override string Name => "putOnStopList";

    public override bool InBulk => true;

    public override async Task<Core.Results.Error?> RunAsync(ActivityContext context, string? argument, CancellationToken cancellationToken)
    {
        var until = await context.Rules.DeadlineAsync(RuleSetSchema.Rules.StopListEnd, context.Facts);
        context.Application.PutOnStopList(until.UtcDateTime);
        return null;
    }
}

/// <summary><c>takeOffStopList</c>: the stop-list ends.</summary>
public sealed class TakeOffStopList : ActivityWithoutArgument
{
    public override string Name => "takeOffStopList";

    public override bool InBulk => true;

    public override Task<Core.Results.Error?> RunAsync(ActivityContext context, string? argument, CancellationToken cancellationToken)
    {
        context.Application.TakeOffStopList();
        context.OfferTurns = true; // back in line: a queue seat nobody could take may be this application's turn
        return Task.FromResult<Core.Results.Error?>(null);
    }
}

/// <summary><c>countExpiry</c>: one more direction of this application expired unused.</summary>
public sealed class CountExpiry : ActivityWithoutArgument
{
    public override string Name => "countExpiry";

    public override bool InBulk => true;

    public override Task<Core.Results.Error?> RunAsync(ActivityContext context, string? argument, CancellationToken cancellationToken)
    {
        context.Application.CountExpiry();
        return Task.FromResult<Core.Results.Error?>(null);
    }
}

/// <summary><c>markRestored</c>: the one restoration of an inactive application is used.</summary>
public sealed class MarkRestored : ActivityWithoutArgument
{
    public override string Name => "markRestored";

    public override bool InBulk => true;

    public override Task<Core.Results.Error?> RunAsync(ActivityContext context, string? argument, CancellationToken cancellationToken)
    {
        context.Application.MarkRestored();
        context.OfferTurns = true;
        return Task.FromResult<Core.Results.Error?>(null);
    }
}
