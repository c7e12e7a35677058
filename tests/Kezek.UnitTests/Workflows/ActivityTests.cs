using Kezek.Core.Applications;
using Kezek.Core.Identity;
using Kezek.Core.Iins;
using Kezek.Rules.Facts;
using Kezek.UnitTests.Rules;
using Kezek.Workflows.Lifecycle;
using Kezek.Workflows.Lifecycle.Activities;

namespace Kezek.UnitTests.Workflows;

/// <summary>The activities that change only the application, each alone (the seat activities run on real databases in the integration tests).</summary>
public sealed class ActivityTests
{
    private static readonly DateTime Now = new(2026, 9, 12, 4, 0, 0, DateTimeKind.Utc); // Saturday 09:00 in Almaty

    private static async Task<ActivityContext> ContextAsync()
    {
        var child = Child.Create(Iin.Parse("220315670018").Value, "АХМЕТОВА ӘЛИЯ", new DateOnly(2022, 3, 15)).Value;
        var applicant = Applicant.Create(Iin.Parse("900514410214").Value, "АХМЕТОВА АЙГЕРІМ", "+77011234567", "a@example.kz").Value;
        var application = Application.Register(ApplicationNumber.Parse("ALM.2026.000001.1").Value, "almaty", child, applicant,
            BenefitClaim.None, Now.AddDays(-30), new Actor("900514410214", "АХМЕТОВА АЙГЕРІМ", Role.Applicant), "<signed/>");
        var rules = await RuleSetTests.CompileAsync("almaty");
        return new ActivityContext
        {
            Db = null!,
            Application = application,
            Rules = rules,
            Facts = RuleFacts.At(new DateTimeOffset(Now, TimeSpan.Zero)),
            Request = TransitionRequest.BySystem(),
            Now = Now,
            FromStatus = application.Status,
        };
    }

    [Fact]
    public async Task PutOnStopList_stops_until_the_end_of_the_tenth_working_day_and_TakeOffStopList_ends_it()
    {
        var context = await ContextAsync();
        Assert.Null(await new PutOnStopList().RunAsync(context, null, CancellationToken.None));
        // From Saturday 12 Sep: 14–18 and 21–25 Sep are the ten working days; the stop-list ends at midnight after the 25th.
        Assert.Equal(new DateTime(2026, 9, 25, 19, 0, 0, DateTimeKind.Utc), context.Application.StopListedUntil);
        Assert.Null(await new TakeOffStopList().RunAsync(context, null, CancellationToken.None));
        Assert.Null(context.Application.StopListedUntil);
    }

    [Fact]
    public async Task CountExpiry_MarkRestored_and_Notify_change_only_what_they_name()
    {
        var context = await ContextAsync();
        var version = context.Application.Version;
        await new CountExpiry().RunAsync(context, null, CancellationToken.None);
        await new CountExpiry().RunAsync(context, null, CancellationToken.None);
        await new MarkRestored().RunAsync(context, null, CancellationToken.None);
        await new Notify().RunAsync(context, "turn-came", CancellationToken.None);
        Assert.Equal(2, context.Application.Expirations);
        Assert.True(context.Application.Restored);
        Assert.Equal(["turn-came"], context.Notifications);
        Assert.NotEqual(version, context.Application.Version);
        Assert.Equal(ApplicationStatus.Queued, context.Application.Status);
    }

    [Fact]
    public async Task EndDirection_ends_the_direction_once_and_refuses_a_second_end()
    {
        var context = await ContextAsync();
        context.Direction = context.Application.IssueDirection(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Now, Now.AddDays(5), Now.AddDays(1), Now.AddDays(35));
        Assert.Null(await new EndDirection().RunAsync(context, "Revoked", CancellationToken.None));
        Assert.Equal(DirectionStatus.Revoked, context.Direction.Status);
        Assert.Equal(Now, context.Direction.EndedAt);
        Assert.Null(context.Application.CurrentDirection);
        await Assert.ThrowsAsync<InvalidOperationException>(() => new EndDirection().RunAsync(context, "Enrolled", CancellationToken.None));
    }

    [Theory]
    [InlineData("notify", null, false)]
    [InlineData("notify", "turn-came", true)]
    [InlineData("notify", "Turn Came", false)]
    [InlineData("endDirection", "Expired", true)]
    [InlineData("endDirection", "Issued", false)]
    [InlineData("releaseSeat", null, true)]
    [InlineData("releaseSeat", "all", false)]
    [InlineData("issueDirection", null, true)]
    [InlineData("extendDirection", null, true)]
    [InlineData("releaseTurn", null, true)]
    [InlineData("issueDocument", "Direction", true)]
    [InlineData("issueDocument", "1", false)]
    [InlineData("issueDocument", null, false)]
    public void Each_activity_checks_its_argument(string activity, string? argument, bool accepted) =>
        Assert.Equal(accepted, ActivityLibrary.Standard().Check(new ActivityStep(activity, argument)) is null);
}
