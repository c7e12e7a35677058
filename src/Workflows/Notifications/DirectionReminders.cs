using Kezek.Core.Applications;
using Kezek.Rules.RuleSets;
using Kezek.Workflows.Lifecycle;
using Kezek.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.Notifications;

/// <summary>
/// "Направление скоро истечёт": once per direction, the region's <c>reminderHoursBeforeExpiry</c> before it expires,
/// the family is told (SPEC §6). The reminder is claimed with a conditional update in the same transaction as its
/// outbox rows, so that instances sweeping at once remind once.
/// </summary>
public sealed class DirectionReminders(IKezekDb db, RuleSetCatalog rules, ApplicationLifecycle lifecycle, Transactions transactions,
    TimeProvider clock)
{
    public async Task<int> RemindAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // The longest lead any rule set in force gives: directions further from expiry are not read.
        var longestLead = rules.All.Max(r => r.RuleSet.Policy.ReminderHoursBeforeExpiry);
        if (longestLead == 0)
            return 0;
        var horizon = now + TimeSpan.FromHours(longestLead);
        var soon = await db.Directions.AsNoTracking()
            .Where(d => d.Status == DirectionStatus.Issued && d.RemindedAt == null && d.ExpiresAt > now && d.ExpiresAt <= horizon)
            .Join(db.Applications, d => d.ApplicationId, a => a.Id, (d, a) => new { d.Id, d.ExpiresAt, a.RegionCode })
            .ToListAsync(cancellationToken);
        var reminded = 0;
        foreach (var direction in soon)
        {
            var policy = rules.For(direction.RegionCode).RuleSet.Policy;
            if (policy.ReminderHoursBeforeExpiry == 0 || direction.ExpiresAt - TimeSpan.FromHours(policy.ReminderHoursBeforeExpiry) > now)
                continue;
            var done = await transactions.RunAsync<bool>(async token =>
            {
                var claimed = await db.Directions.Where(d => d.Id == direction.Id && d.RemindedAt == null && d.Status == DirectionStatus.Issued)
                    .ExecuteUpdateAsync(s => s.SetProperty(d => d.RemindedAt, now), token);
                if (claimed == 0)
                    return false; // another instance reminded, or the direction ended meanwhile
                var application = await lifecycle.ForChange.AsNoTracking().SingleAsync(a => a.Directions.Any(d => d.Id == direction.Id), token);
                await Outbox.WriteAsync(db, application, ["direction-expiring"], policy, application.Directions.Single(d => d.Id == direction.Id), null, now,
                    token);
                await db.SaveChangesAsync(token);
                return true;
            }, cancellationToken);
            if (done.IsSuccess && done.Value)
                reminded++;
        }

        return reminded;
    }
}
