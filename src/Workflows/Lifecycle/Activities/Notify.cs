using System.Text.RegularExpressions;

namespace Kezek.Workflows.Lifecycle.Activities;

/// <summary><c>notify</c> (argument: the template, e.g. "turn-came"): tells the family by the region's channels, through the outbox.</summary>
public sealed partial class Notify : IActivity
{
    public string Name => "notify";

    public bool InBulk => true;

    public string? CheckArgument(string? argument) =>
        argument is not null && TemplateName().IsMatch(argument) ? null : "the template's name, in lower-case words joined by \"-\".";

    public Task<Core.Results.Error?> RunAsync(ActivityContext context, string? argument, CancellationToken cancellationToken)
    {
        context.Notifications.Add(argument!);
        return Task.FromResult<Core.Results.Error?>(null);
    }

    [GeneratedRegex("^[a-z]+(-[a-z]+)*$")]
    private static partial Regex TemplateName();
}
