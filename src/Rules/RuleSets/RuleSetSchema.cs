namespace Kezek.Rules.RuleSets;

/// <summary>What every region's rule set must define: its values and the rules the lifecycles name.</summary>
public static class RuleSetSchema
{
    public const int MaxBytes = 64 * 1024;
    public const int MaxRules = 100;
    public const int MaxExpressionLength = 2_000;

    /// <summary>How long one evaluation of a rule may take when a rule set is checked (on sample facts; a sound rule takes microseconds).</summary>
    public static readonly TimeSpan EvaluationBudget = TimeSpan.FromSeconds(1);

    /// <summary>The values (GlobalParams) and their types.</summary>
    public static readonly IReadOnlyDictionary<string, Type> Values = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        ["timeZone"] = typeof(string),
        ["numberPrefix"] = typeof(string),
        ["lifecycle"] = typeof(string),
        ["minAgeMonths"] = typeof(int),
        ["maxAgeMonths"] = typeof(int),
        ["daysToChoose"] = typeof(int),
        ["daysToAttend"] = typeof(int),
        ["stopListDays"] = typeof(int),
        ["expirationsBeforeRemoval"] = typeof(int),
        ["extensionsAllowed"] = typeof(int),
        ["extensionMaxDays"] = typeof(int),
        ["revokeWindowHours"] = typeof(int),
        ["reminderHoursBeforeExpiry"] = typeof(int),
        ["voucherConfirmDays"] = typeof(int),
        ["voucherRestoreDays"] = typeof(int),
        ["voucherContractDays"] = typeof(int),
        ["notificationChannels"] = typeof(string),
        ["queueOrder"] = typeof(string),
        ["keepQueuedAtOnMove"] = typeof(bool),
        ["maxRankedKindergartens"] = typeof(int),
        ["allocation"] = typeof(string),
        ["windowMinutes"] = typeof(int),
        ["intakePriority"] = typeof(string),
    };

    /// <summary>
    /// Values added after rule sets were already in force: a rule set without one (a version activated before) takes its
    /// default, so that every stored version stays valid. New values are added here, never as required.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, object> Defaults = new Dictionary<string, object>(StringComparer.Ordinal)
    {
        // An application moved here from another region keeps its queued-at time only where this region says so.
        ["keepQueuedAtOnMove"] = false,
        // A family ranks up to this many kindergartens for an allocation run (docs/allocation.md).
        ["maxRankedKindergartens"] = 5,
        // How queue seats find families: "first-come" (the turn, as before), "window" (a release window) or "deferred-acceptance" (the intake), docs/allocation.md.
        ["allocation"] = AllocationModes.FirstCome,
        // How long a release window stays open.
        ["windowMinutes"] = 30,
        // How kindergartens rank families in the annual intake ("deferred-acceptance"): criteria, first decides first.
        ["intakePriority"] = Kezek.Core.Allocation.IntakePriority.DefaultText,
    };

    /// <summary>The whole numbers' ranges, in the order they are checked: ages in months, the family's days, counts and days, hours, the voucher's days.</summary>
    public static readonly IReadOnlyList<(string Name, int Min, int Max)> Ranges =
    [
        ("minAgeMonths", 0, 120), ("maxAgeMonths", 1, 120),
        ("daysToChoose", 1, 60), ("daysToAttend", 1, 60), ("stopListDays", 0, 250),
        ("expirationsBeforeRemoval", 1, 10), ("extensionsAllowed", 0, 10), ("extensionMaxDays", 0, 365),
        ("revokeWindowHours", 0, 720), ("reminderHoursBeforeExpiry", 0, 240),
        ("voucherConfirmDays", 1, 60), ("maxRankedKindergartens", 1, 10), ("voucherRestoreDays", 0, 365), ("voucherContractDays", 1, 60),
        ("windowMinutes", 5, 1440),
    ];

    /// <summary>The lifecycles a region may run (workflows/&lt;name&gt;.json).</summary>
    public static readonly IReadOnlySet<string> Lifecycles = new HashSet<string>(StringComparer.Ordinal) { "direction", "voucher" };

    /// <summary>The allocation modes a region may run (docs/allocation.md).</summary>
    public static readonly IReadOnlySet<string> Allocations = new HashSet<string>(StringComparer.Ordinal) { AllocationModes.FirstCome, AllocationModes.Window, AllocationModes.DeferredAcceptance };

    /// <summary>The channels a region may notify families on.</summary>

    /// <summary>Guards: rules that answer yes or no.</summary>
    public static readonly IReadOnlyList<string> Guards =
    [
        Rules.AgeFitsGroup, Rules.NotInStopList, Rules.TurnHasCome, Rules.FreePlacesExist, Rules.RevokeAllowed,
        Rules.ExtensionAllowed, Rules.RemoveOnExpiry, Rules.RestoreAllowed,
    ];

    /// <summary>Deadlines: rules whose OutputExpression gives an instant.</summary>
    public static readonly IReadOnlyList<string> Deadlines =
    [
        Rules.ChoiceDeadline, Rules.AttendDeadline, Rules.StopListEnd, Rules.ExtensionLatest, Rules.RevokeLatest,
        Rules.VoucherConfirmDeadline, Rules.VoucherRestoreLatest, Rules.ContractDeadline,
    ];

    /// <summary>The names expressions read: the inputs of every evaluation.</summary>
    public static readonly IReadOnlyList<string> Inputs = ["now", "today", "child", "application", "direction", "places", "calendar"];

    public static class Rules
    {
        public const string AgeFitsGroup = nameof(AgeFitsGroup);
        public const string NotInStopList = nameof(NotInStopList);
        public const string TurnHasCome = nameof(TurnHasCome);
        public const string FreePlacesExist = nameof(FreePlacesExist);
        public const string RevokeAllowed = nameof(RevokeAllowed);
        public const string ExtensionAllowed = nameof(ExtensionAllowed);
        public const string RemoveOnExpiry = nameof(RemoveOnExpiry);
        public const string RestoreAllowed = nameof(RestoreAllowed);
        public const string ChoiceDeadline = nameof(ChoiceDeadline);
        public const string AttendDeadline = nameof(AttendDeadline);
        public const string StopListEnd = nameof(StopListEnd);
        public const string ExtensionLatest = nameof(ExtensionLatest);
        public const string RevokeLatest = nameof(RevokeLatest);
        public const string VoucherConfirmDeadline = nameof(VoucherConfirmDeadline);
        public const string VoucherRestoreLatest = nameof(VoucherRestoreLatest);
        public const string ContractDeadline = nameof(ContractDeadline);
    }
}

/// <summary>How a region's queue seats find families (the rule value <c>allocation</c>).</summary>
public static class AllocationModes
{
    /// <summary>The turn: notified families choose in queue order, as before.</summary>
    public const string FirstCome = "first-come";

    /// <summary>A release window: families rank during it, one serial-dictatorship run at its close.</summary>
    public const string Window = "window";

    /// <summary>
    /// The annual intake (комплектование): seats are gathered in a window as for <see cref="Window"/>; at its close families
    /// propose along their rankings and kindergartens keep them by the region's <c>intakePriority</c> (deferred acceptance).
    /// </summary>
    public const string DeferredAcceptance = "deferred-acceptance";
}
