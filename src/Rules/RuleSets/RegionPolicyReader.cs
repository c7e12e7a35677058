using Kezek.Core.Notifications;

namespace Kezek.Rules.RuleSets;

/// <summary>Reads a region's typed values (<see cref="RegionPolicy"/>) from the values the schema check passed.</summary>
public static class RegionPolicyReader
{
    public static RegionPolicy Read(string region, IReadOnlyDictionary<string, object> values)
    {
        string Text(string name) => (string)values[name];
        int Number(string name) => (int)values[name];

        return new RegionPolicy
        {
            Region = region,
            TimeZoneId = Text("timeZone"),
            NumberPrefix = Text("numberPrefix"),
            Lifecycle = Text("lifecycle"),
            MinAgeMonths = Number("minAgeMonths"),
            MaxAgeMonths = Number("maxAgeMonths"),
            DaysToChoose = Number("daysToChoose"),
            DaysToAttend = Number("daysToAttend"),
            StopListDays = Number("stopListDays"),
            ExpirationsBeforeRemoval = Number("expirationsBeforeRemoval"),
            ExtensionsAllowed = Number("extensionsAllowed"),
            ExtensionMaxDays = Number("extensionMaxDays"),
            RevokeWindowHours = Number("revokeWindowHours"),
            ReminderHoursBeforeExpiry = Number("reminderHoursBeforeExpiry"),
            VoucherConfirmDays = Number("voucherConfirmDays"),
            VoucherRestoreDays = Number("voucherRestoreDays"),
            VoucherContractDays = Number("voucherContractDays"),
            NotificationChannels = Channels(Text("notificationChannels"))
                ?? throw new InvalidOperationException($"{region}: the channels were not checked before they were read."),
            QueueOrder = QueueOrdering.Parse(Text("queueOrder"))
                ?? throw new InvalidOperationException($"{region}: the queue order was not checked before it was read."),
            KeepQueuedAtOnMove = (bool)values["keepQueuedAtOnMove"],
            MaxRankedKindergartens = (int)values["maxRankedKindergartens"],
            Allocation = Text("allocation"),
            WindowMinutes = Number("windowMinutes"),
            IntakePriority = Kezek.Core.Allocation.IntakePriority.Parse(Text("intakePriority")).Priority
                ?? throw new InvalidOperationException($"{region}: the intake priority was not checked before it was read."),
        };
    }

    /// <summary>"email, sms" → [email, sms]; null when a name is not a channel.</summary>
    public static IReadOnlyList<Channel>? Channels(string text)
    {
        var channels = new List<Channel>();
        foreach (var code in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Channel.TryParse(code, out var channel))
                return null;
            channels.Add(channel);
        }

        return channels;
    }
}
