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
/// <remarks><see cref="Choices"/>: the only values a text value may take, when they are few (a form offers a choice); null for free text.</remarks>
public sealed record RuleValueDefinition(string Name, RuleValueKind Kind, int? Min, int? Max, string? Default, IReadOnlyList<string>? Choices = null);

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
            IReadOnlyList<string>? choices = value.Key switch
            {
                "allocation" => [.. RuleSetSchema.Allocations.Order(StringComparer.Ordinal)],
                "lifecycle" => [.. RuleSetSchema.Lifecycles.Order(StringComparer.Ordinal)],
                _ => null,
            };
            return new RuleValueDefinition(value.Key, kind, range.Name is null ? null : range.Min, range.Name is null ? null : range.Max, fallback, choices);
        }),
    ];
}
