using Kezek.Rules.RuleSets;

namespace Kezek.Workflows.RuleSets;

/// <summary>The kind of a rule value, as a form edits it.</summary>
public enum RuleValueKind
{
    WholeNumber,
    Text,
    YesNo,
}

/// <summary>One value every region's rule set defines: its kind, the range the validator accepts, and its default if it has one.</summary>
public sealed record RuleValueDefinition(string Name, RuleValueKind Kind, int? Min, int? Max, string? Default);

/// <summary>The values a rule set defines (<see cref="RuleSetSchema"/>), for the studio's form of named values.</summary>
public static class ListRuleValues
{
    public static IReadOnlyList<RuleValueDefinition> All() =>
    [
        .. RuleSetSchema.Values.Select(value =>
        {
            var range = RuleSetSchema.Ranges.FirstOrDefault(r => r.Name == value.Key);
            var kind = value.Value == typeof(int) ? RuleValueKind.WholeNumber : value.Value == typeof(bool) ? RuleValueKind.YesNo : RuleValueKind.Text;
            var fallback = RuleSetSchema.Defaults.TryGetValue(value.Key, out var given)
                ? given is bool yes ? (yes ? "true" : "false") : Convert.ToString(given, System.Globalization.CultureInfo.InvariantCulture)
                : null;
            return new RuleValueDefinition(value.Key, kind, range.Name is null ? null : range.Min, range.Name is null ? null : range.Max, fallback);
        }),
    ];
}
