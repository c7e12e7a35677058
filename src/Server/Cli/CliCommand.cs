namespace Kezek.Server.Cli;

/// <summary>
/// One command of the CLI: its words (<c>roles grant</c>), its group (the first word, which names its description in the
/// word catalog's <c>cli</c> section as <c>verb.&lt;group&gt;</c>), its usage line, the options it takes besides the common
/// ones, and what it does.
/// </summary>
internal sealed record CliCommand(string[] Path, string Usage, string[] Options, Func<CliRun, Task<int>> Run)
{
    public string Group => Path[0];

    public bool Matches(CliArguments arguments) =>
        arguments.Words.Count >= Path.Length && Path.Select((word, i) => arguments.Words[i] == word).All(same => same);
}

/// <summary>The exit codes, as <c>kezek --help</c> and the README list them.</summary>
public static class CliExit
{
    public const int Done = 0;

    /// <summary>Refused or invalid input: nothing was changed.</summary>
    public const int Refused = 1;

    /// <summary>A command, argument or option that is unknown, missing or malformed.</summary>
    public const int Usage = 2;

    public const int DatabaseUnreachable = 3;
}
