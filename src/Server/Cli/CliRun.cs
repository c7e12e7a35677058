using Kezek.Core.Identity;
using Kezek.Core.Iins;
using Kezek.Core.Results;
using Kezek.Core.Words;
using Kezek.Identity.Sessions;

namespace Kezek.Server.Cli;

/// <summary>One run of a command: its arguments, the services of its scope, the operator's language and the two outputs.</summary>
internal sealed class CliRun(IServiceProvider services, CliArguments arguments, Language language, TextWriter output, TextWriter error,
    CancellationToken cancellationToken)
{
    public const string AsVariable = "KEZEK_CLI_AS";

    private readonly IWordCatalog _words = services.GetRequiredService<IWordCatalog>();

    public IServiceProvider Services => services;

    public CliArguments Arguments => arguments;

    public Language Language => language;

    public IWordCatalog Words => _words;

    public TextWriter Output => output;

    public CancellationToken CancellationToken => cancellationToken;

    public T Get<T>()
        where T : notnull => services.GetRequiredService<T>();

    /// <summary>A text of the catalog's <c>cli</c> section with its placeholders filled.</summary>
    public string Word(string key, params (string Name, object Value)[] values) => Text(_words, language, key, values);

    public static string Text(IWordCatalog words, Language language, string key, params (string Name, object Value)[] values)
    {
        var text = words.Find(WordSection.Cli, key, language) ?? key;
        foreach (var (name, value) in values)
            text = text.Replace("{" + name + "}", Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        return text;
    }

    public void Say(string key, params (string Name, object Value)[] values) => output.WriteLine(Word(key, values));

    /// <summary>A refusal of a use case, in the operator's words (exit 1).</summary>
    public int Refuse(Error problem)
    {
        error.WriteLine(_words.Message(problem.Code, language, problem.Arguments) ?? problem.Code);
        return CliExit.Refused;
    }

    /// <summary>Refused input that is not a use case's (a file that is not there, a number out of range): exit 1.</summary>
    public int Refuse(string key, params (string Name, object Value)[] values)
    {
        error.WriteLine(Word(key, values));
        return CliExit.Refused;
    }

    /// <summary>A usage error (exit 2).</summary>
    public int Usage(string key, params (string Name, object Value)[] values)
    {
        error.WriteLine(Word(key, values));
        return CliExit.Usage;
    }

    public int Missing(string what) => Usage("missing", ("what", what));

    /// <summary>
    /// The staff member the command acts for: <c>--as IIN</c> (or <c>KEZEK_CLI_AS</c>), with the roles granted to that IIN now;
    /// the use case then decides as it does for the portal, and its audit row names that IIN. Null (a usage error written) when
    /// none is given or the IIN is malformed.
    /// </summary>
    public async Task<Viewer?> ActorAsync()
    {
        var given = arguments.Option("--as") ?? Environment.GetEnvironmentVariable(AsVariable);
        if (string.IsNullOrWhiteSpace(given))
        {
            Usage("asRequired");
            return null;
        }

        var iin = Iin.Parse(given.Trim());
        if (!iin.IsSuccess)
        {
            error.WriteLine(_words.Message(iin.Error!.Code, language, iin.Error.Arguments) ?? iin.Error.Code);
            return null;
        }

        return await Get<Viewers>().ForCommandLineAsync(iin.Value.Value, "cli:" + Environment.UserName, cancellationToken);
    }
}
