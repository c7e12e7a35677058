using Kezek.Workflows.Places;

namespace Kezek.Workflows.Lifecycle.Activities;

/// <summary><c>releaseTurn</c>: a turn ended unused (missed, withdrawn, refused); one seat of the queue of the group year moves to free choice.</summary>
public sealed class ReleaseTurn : ActivityWithoutArgument
{
    public override string Name => "releaseTurn";

    public override bool InBulk => true;

    public override async Task<Core.Results.Error?> RunAsync(ActivityContext context, string? argument, CancellationToken cancellationToken)
    {
        if (context.Bulk is { } bulk)
        {
            bulk.MoveOneToFreeChoice(context.Application.RegionCode, context.Application.GroupYear);
            return null;
        }

        await Seats.MoveOneToFreeChoiceAsync(context.Db, context.Application.RegionCode, context.Application.GroupYear, cancellationToken);
        return null;
    }
}
