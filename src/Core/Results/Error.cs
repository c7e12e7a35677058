namespace Kezek.Core.Results;

/// <summary>
/// An expected failure: a machine-readable code (the GraphQL <c>extensions.code</c>) and the values
/// its message needs. The text itself is chosen by the API layer in the reader's language.
/// </summary>
public sealed record Error(string Code, IReadOnlyDictionary<string, string>? Arguments = null)
{
    public static Error Of(string code, params (string Name, string Value)[] arguments) =>
        new(code, arguments.Length == 0 ? null : arguments.ToDictionary(a => a.Name, a => a.Value));

    public override string ToString() => Arguments is null
        ? Code
        : $"{Code}({string.Join(", ", Arguments.Select(a => $"{a.Key}={a.Value}"))})";
}
