using System.Reflection;
using System.Text.RegularExpressions;
using Kezek.Core.Applications;

namespace Kezek.UnitTests.Architecture;

/// <summary>An application moves only by its region's workflow: guards, timers and notifications always run.</summary>
public sealed partial class LifecycleOwnershipTests
{
    [Theory]
    [InlineData(typeof(Application), "Transition")]
    [InlineData(typeof(Application), "SetDeadline")]
    [InlineData(typeof(Application), "IssueDirection")]
    [InlineData(typeof(Application), "PutOnStopList")]
    [InlineData(typeof(Application), "CountExpiry")]
    [InlineData(typeof(Application), "JoinWaitingList")]
    [InlineData(typeof(Application), "MarkRestored")]
    [InlineData(typeof(Direction), "End")]
    [InlineData(typeof(Direction), "Extend")]
    public void State_changes_are_not_public(Type entity, string method) =>
        Assert.Null(entity.GetMethod(method, BindingFlags.Public | BindingFlags.Instance));

    [Fact]
    public void Only_the_lifecycle_engine_fires_a_transition()
    {
        var callers = Repository.SourceFiles("src")
            .Where(path => TransitionCall().IsMatch(File.ReadAllText(path)))
            .Select(Repository.Relative)
            .ToList();

        // The engine: one transition at a time and the bulk runner beside it both begin a transition in one place.
        Assert.Equal(["src/Workflows/Lifecycle/ApplicationLifecycle.cs"], callers.Order(StringComparer.Ordinal));
    }

    [GeneratedRegex(@"\.Transition\(")]
    private static partial Regex TransitionCall();
}
