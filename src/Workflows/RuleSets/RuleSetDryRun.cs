using System.Globalization;
using Kezek.Core.Applications;
using Kezek.Rules.Facts;
using Kezek.Rules.RuleSets;
using Kezek.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.RuleSets;

/// <summary>One application that a new rule set would treat differently.</summary>
public sealed record DryRunExample(string ApplicationNumber, string What, string Before, string After);

/// <summary>
/// A deadline a family would be given from now on, before and after the change: the step that starts now (a turn that comes, a
/// direction issued) ends at <see cref="Before"/> under the rule set in force and at <see cref="After"/> under the new one; the
/// applications now standing where they will next be given it.
/// </summary>
public sealed record DeadlineChange(string Rule, DateTimeOffset Before, DateTimeOffset After, int NextFor);

/// <summary>What a rule set would change for the region's live applications, if activated now.</summary>
public sealed record DryRunReport(
    RuleSetCheck Check,
    int LiveApplications,
    int QueueNumbersChanged,
    int EligibilityChanged,
    int RunningDeadlinesKept,
    IReadOnlyList<DryRunExample> Examples,
    IReadOnlyList<DeadlineChange> DeadlineChanges);

/// <summary>
/// Compares a candidate rule set with the one in force over the region's live applications: queue numbers
/// (by the ordering rule) and age eligibility today. Deadlines already given to parents are kept as given —
/// a later change never shortens them — so those applications are counted, not recomputed.
/// </summary>
public sealed class RuleSetDryRun(IKezekDb db, RuleSetCatalog catalog, RuleSetVersions versions, TimeProvider clock)
{
    public const int MaxExamples = 10;

    public async Task<DryRunReport> RunAsync(string region, string json, CancellationToken cancellationToken)
    {
        var validation = await versions.ValidateAsync(region, json, cancellationToken);
        var check = new RuleSetCheck(validation.Problems);
        if (validation.Candidate is not { } candidate)
            return new DryRunReport(check, 0, 0, 0, 0, [], []);
        var current = catalog.For(region).RuleSet;

        // The default rule set governs the regions without one of their own.
        var applications = db.Applications.AsNoTracking().Where(a => a.ActiveChildIin != null);
        var withOwnRules = catalog.All.Select(r => r.Name).ToList();
        applications = region == RuleSetCatalog.Default
            ? applications.Where(a => !withOwnRules.Contains(a.RegionCode))
            : applications.Where(a => a.RegionCode == region);
        var live = await applications
            .Select(a => new LiveApplication(a.Number, a.RegionCode, a.GroupYear, a.InQueue, a.QueueRank, a.QueuedAt, a.Id, a.Status,
                a.Child.BirthDate))
            .ToListAsync(cancellationToken);

        var examples = new List<DryRunExample>();
        var queueChanged = CompareQueueNumbers(live, current, candidate, examples);
        var eligibilityChanged = await CompareEligibilityAsync(live, current, candidate, examples, cancellationToken);
        var running = live.Count(a => a.Status is ApplicationStatus.Notified or ApplicationStatus.DirectionIssued or ApplicationStatus.Inactive);
        var deadlines = await CompareDeadlinesAsync(live, current, candidate);
        return new DryRunReport(check, live.Count, queueChanged, eligibilityChanged, running, examples.Take(MaxExamples).ToList(), deadlines);
    }

    /// <summary>
    /// Each deadline rule evaluated for a step starting now (a turn that comes now, a direction issued now) under both rule sets,
    /// in the region's time; those that differ, with how many live applications stand where they will next be given it.
    /// </summary>
    private async Task<IReadOnlyList<DeadlineChange>> CompareDeadlinesAsync(List<LiveApplication> live, CompiledRuleSet current,
        CompiledRuleSet candidate)
    {
        var now = clock.GetUtcNow();
        async Task<DateTimeOffset> At(CompiledRuleSet rules, string rule)
        {
            var facts = RuleFacts.At(now);
            var expires = await rules.DeadlineAsync(RuleSetSchema.Rules.AttendDeadline, facts with { Direction = new DirectionFacts(now, now, 0) });
            return TimeZoneInfo.ConvertTime(await rules.DeadlineAsync(rule, facts with { Direction = new DirectionFacts(now, expires, 0) }),
                candidate.Policy.TimeZone);
        }

        var queued = live.Count(a => a.InQueue && a.Status == ApplicationStatus.Queued);
        var notified = live.Count(a => a.Status == ApplicationStatus.Notified);
        var directed = live.Count(a => a.Status == ApplicationStatus.DirectionIssued);
        var changes = new List<DeadlineChange>();
        foreach (var rule in RuleSetSchema.Deadlines)
        {
            var (before, after) = (await At(current, rule), await At(candidate, rule));
            if (before != after)
                changes.Add(new DeadlineChange(rule, before, after, NextFor(rule)));
        }

        return changes;

        // Who is given each deadline next: the queue (a turn, a voucher), those choosing (a direction), those directed (the rest).
        int NextFor(string rule) => rule switch
        {
            RuleSetSchema.Rules.ChoiceDeadline or RuleSetSchema.Rules.VoucherConfirmDeadline => queued,
            RuleSetSchema.Rules.AttendDeadline or RuleSetSchema.Rules.RevokeLatest or RuleSetSchema.Rules.ContractDeadline => notified,
            _ => directed,
        };
    }

    private sealed record LiveApplication(string Number, string RegionCode, int GroupYear, bool InQueue, int QueueRank, DateTime QueuedAt,
        long Id, ApplicationStatus Status, DateOnly BirthDate);

    private static int CompareQueueNumbers(List<LiveApplication> live, CompiledRuleSet current, CompiledRuleSet candidate,
        List<DryRunExample> examples)
    {
        var before = current.Policy.QueueOrder;
        var after = candidate.Policy.QueueOrder;
        if (before == after)
            return 0;

        var changed = 0;
        foreach (var queue in live.Where(a => a.InQueue).GroupBy(a => (a.RegionCode, a.GroupYear)))
        {
            var byRank = queue.GroupBy(a => a.QueueRank)
                .ToDictionary(g => g.Key, g => g.OrderBy(a => a.QueuedAt).ThenBy(a => a.Id).ToList());
            int Count(int rank) => byRank.TryGetValue(rank, out var list) ? list.Count : 0;
            foreach (var (rank, list) in byRank)
            {
                for (var index = 0; index < list.Count; index++)
                {
                    var old = before.Position(rank, index, Count(0), Count(1), Count(2));
                    var @new = after.Position(rank, index, Count(0), Count(1), Count(2));
                    if (old == @new)
                        continue;
                    changed++;
                    examples.Add(new DryRunExample(list[index].Number, "queueNumber", Text(old), Text(@new)));
                }
            }
        }

        return changed;
    }

    private async Task<int> CompareEligibilityAsync(List<LiveApplication> live, CompiledRuleSet current, CompiledRuleSet candidate,
        List<DryRunExample> examples, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var changed = 0;
        foreach (var application in live)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var facts = RuleFacts.At(now) with { Child = new ChildFacts(application.BirthDate, application.GroupYear) };
            var old = await current.CheckAsync(RuleSetSchema.Rules.AgeFitsGroup, facts);
            var @new = await candidate.CheckAsync(RuleSetSchema.Rules.AgeFitsGroup, facts);
            if (old == @new)
                continue;
            changed++;
            examples.Add(new DryRunExample(application.Number, RuleSetSchema.Rules.AgeFitsGroup, Text(old), Text(@new)));
        }

        return changed;
    }

    private static string Text(object value) => Convert.ToString(value, CultureInfo.InvariantCulture)!.ToLowerInvariant();
}
