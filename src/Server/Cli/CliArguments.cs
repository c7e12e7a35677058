namespace Kezek.Server.Cli;

/// <summary>
/// A command line as the CLI reads it: words (the command and its arguments), options with a value (<c>--as 123</c> or
/// <c>--as=123</c>) and flags (<c>--help</c>, <c>--script</c>, …, which take no value).
/// </summary>
internal sealed class CliArguments
{
    private static readonly HashSet<string> FlagNames =
        new(["--help", "-h", "--script", "--all-dead", "--include-revoked", "--replace"], StringComparer.Ordinal);

    public List<string> Words { get; } = [];

    public Dictionary<string, string> Options { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Flags { get; } = new(StringComparer.Ordinal);

    /// <summary>An option given without its value (e.g. <c>--as</c> last): a usage error.</summary>
    public string? Incomplete { get; private set; }

    public bool WantsHelp => Flags.Contains("--help") || Flags.Contains("-h");

    public string? Word(int index) => index < Words.Count ? Words[index] : null;

    public string? Option(string name) => Options.GetValueOrDefault(name);

    public bool Flag(string name) => Flags.Contains(name);

    /// <summary>Every option and flag given, by name.</summary>
    public IEnumerable<string> Given => Options.Keys.Concat(Flags);

    public static CliArguments Parse(IReadOnlyList<string> args)
    {
        var parsed = new CliArguments();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (FlagNames.Contains(arg))
                parsed.Flags.Add(arg);
            else if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2)
            {
                var equals = arg.IndexOf('=', StringComparison.Ordinal);
                if (equals > 0)
                    parsed.Options[arg[..equals]] = arg[(equals + 1)..];
                else if (i + 1 < args.Count)
                    parsed.Options[arg] = args[++i];
                else
                    parsed.Incomplete = arg;
            }
            else
                parsed.Words.Add(arg);
        }

        return parsed;
    }
}
