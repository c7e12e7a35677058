using Kezek.Core.Words;
using Kezek.GraphQL.Errors;
using Microsoft.Data.Sqlite;

namespace Kezek.Server.Cli;

/// <summary>
/// <c>kezek</c>, the admin CLI: the server binary with a command (<c>dotnet Kezek.Server.dll migrate</c>). Program.cs
/// recognises a command before it builds the host, builds the same host (every registration, nothing started), and runs
/// the command on its services instead of serving: the CLI goes through the same use cases, access policy and audit
/// as the GraphQL API (docs/decisions/0017-admin-cli.md).
/// </summary>
public sealed class KezekCli
{
    private static readonly IReadOnlyList<CliCommand> Commands =
    [
        new(["migrate"], "migrate [--script]", ["--script"], CliVerbs.MigrateAsync),
        new(["import", "regions"], "import regions <file.csv> --as <IIN>", [], CliVerbs.ImportRegionsAsync),
        new(["import", "kindergartens"], "import kindergartens <file.csv> --as <IIN>", [], CliVerbs.ImportKindergartensAsync),
        new(["import", "civil-registry"], "import civil-registry <file.csv> --as <IIN>", [], CliVerbs.ImportCivilRegistryAsync),
        new(["roles", "grant"], "roles grant --iin <IIN> --role Operator|PolicyOfficer|KindergartenStaff|Administrator [--region <code>|--bin <BIN>] --as <IIN>",
            ["--iin", "--role", "--region", "--bin"], CliVerbs.GrantRoleAsync),
        new(["roles", "revoke"], "roles revoke <grant id> --as <IIN>", [], CliVerbs.RevokeRoleAsync),
        new(["roles", "list"], "roles list [--iin <IIN>] [--role <role>] [--region <code>] [--include-revoked] --as <IIN>",
            ["--iin", "--role", "--region", "--include-revoked"], CliVerbs.ListRolesAsync),
        new(["rules", "export"], "rules export [--out <folder>]", ["--out"], CliArtefacts.ExportRuleSetsAsync),
        new(["rules", "import"], "rules import <file.json|folder> --reason <text> --as <IIN>", ["--reason"], CliArtefacts.ImportRuleSetsAsync),
        new(["workflows", "export"], "workflows export [--out <folder>]", ["--out"], CliArtefacts.ExportWorkflowsAsync),
        new(["workflows", "import"], "workflows import <file.json|folder> --reason <text> --as <IIN>", ["--reason"], CliArtefacts.ImportWorkflowsAsync),
        new(["verify-document"], "verify-document <code>", [], CliVerbs.VerifyDocumentAsync),
        new(["outbox", "status"], "outbox status [--region <code>] --as <IIN>", ["--region"], CliVerbs.OutboxStatusAsync),
        new(["outbox", "retry"], "outbox retry <id>|--all-dead [--reason <text>] --as <IIN>", ["--all-dead", "--reason"], CliVerbs.OutboxRetryAsync),
        new(["demo-data"], "demo-data --applications <N> [--seed <S>] [--replace]", ["--applications", "--seed", "--replace"], CliVerbs.DemoDataAsync),
    ];

    private static readonly string[] CommonOptions = ["--lang", "--as", "--help", "-h"];

    private readonly string[] _args;

    private KezekCli(string[] args) => _args = args;

    /// <summary>
    /// Program.cs, before the host is built: a command line that starts with a word (or <c>--help</c>) is the CLI's; the server
    /// itself takes options only (<c>--urls …</c>), so null: serve. An unknown word is then a usage error, never a server started. The host's
    /// logs then go to standard error, warnings and worse only, so that what a command prints (a script, an export) stays clean.
    /// </summary>
    public static KezekCli? Recognise(string[] args, IConfigurationBuilder configuration)
    {
        if (args.Length == 0 || (args[0].StartsWith('-') && args[0] is not ("--help" or "-h")))
            return null;
        configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Logging:Console:LogToStandardErrorThreshold"] = "Trace",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
            // A failed statement is the command's to report (exit 1 or 3); EF Core's own line about it (e.g. the migrations'
            // history table not there yet on a new database) would only alarm.
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "None",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
        });
        return new KezekCli(args);
    }

    /// <summary>Program.cs, once the host is built: runs the command on its services; the process exits with its code.</summary>
    public Task<int> RunAsync(IServiceProvider services) => RunAsync(services, _args, Console.Out, Console.Error, CancellationToken.None);

    /// <summary>Runs a command line on these services (the tests run it in-process on their host).</summary>
    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter error,
        CancellationToken cancellationToken)
    {
        var arguments = CliArguments.Parse(args);
        var words = services.GetRequiredService<IWordCatalog>();
        if (!LanguageOf(arguments.Option("--lang"), out var language))
        {
            error.WriteLine(CliRun.Text(words, language, "badValue", ("option", "--lang"), ("value", arguments.Option("--lang")!)));
            return CliExit.Usage;
        }

        if (arguments.Word(0) is null or "help")
        {
            WriteHelp(output, words, language, Commands);
            return arguments.Word(0) is null && !arguments.WantsHelp ? CliExit.Usage : CliExit.Done;
        }

        var command = Commands.Where(c => c.Matches(arguments)).MaxBy(c => c.Path.Length);
        var group = Commands.Where(c => c.Group == arguments.Word(0)).ToList();
        if (command is null)
        {
            if (group.Count == 0)
            {
                error.WriteLine(CliRun.Text(words, language, "unknownCommand", ("command", arguments.Word(0)!)));
                return CliExit.Usage;
            }

            // A group without its sub-command (kezek roles): its help; an error unless the help was asked for.
            WriteHelp(arguments.WantsHelp ? output : error, words, language, group);
            return arguments.WantsHelp ? CliExit.Done : CliExit.Usage;
        }

        if (arguments.WantsHelp)
        {
            WriteHelp(output, words, language, [command]);
            return CliExit.Done;
        }

        if (arguments.Given.FirstOrDefault(option => !CommonOptions.Contains(option) && !command.Options.Contains(option)) is { } unknown)
        {
            error.WriteLine(CliRun.Text(words, language, "unknownOption", ("option", unknown)));
            return CliExit.Usage;
        }

        if (arguments.Incomplete is { } incomplete)
        {
            error.WriteLine(CliRun.Text(words, language, "missing", ("what", incomplete + " <…>")));
            return CliExit.Usage;
        }

        using var scope = services.CreateScope();
        var run = new CliRun(scope.ServiceProvider, arguments, language, output, error, cancellationToken);
        try
        {
            return await command.Run(run);
        }
        catch (Exception exception) when (IsUnreachable(exception))
        {
            error.WriteLine(CliRun.Text(words, language, "databaseUnavailable", ("reason", exception.GetBaseException().Message)));
            return CliExit.DatabaseUnreachable;
        }
    }

    /// <summary>A database that cannot be reached (stopped, refused, the network), or an SQLite file that cannot be opened.</summary>
    private static bool IsUnreachable(Exception exception) =>
        DatabaseFailures.IsUnavailable(exception) || exception.GetBaseException() is SqliteException { SqliteErrorCode: 14 }
        || exception.GetBaseException() is System.Net.Sockets.SocketException;

    /// <summary><c>--lang</c>, else <c>KEZEK_LANG</c>, else the system's <c>LANG</c> when it is Kazakh, Russian or English, else Russian.</summary>
    private static bool LanguageOf(string? given, out Language language)
    {
        language = Language.Ru;
        if (given is not null)
            return Language.TryParse(given, out language) || Fallback(out language);
        foreach (var variable in new[] { "KEZEK_LANG", "LC_ALL", "LANG" })
        {
            if (Environment.GetEnvironmentVariable(variable) is { Length: >= 2 } value && Language.TryParse(value[..2], out language))
                return true;
        }

        language = Language.Ru;
        return true;
    }

    private static bool Fallback(out Language language)
    {
        language = Language.Ru;
        return false;
    }

    private static void WriteHelp(TextWriter output, IWordCatalog words, Language language, IReadOnlyList<CliCommand> commands)
    {
        string W(string key) => CliRun.Text(words, language, key);
        output.WriteLine(W("usage"));
        output.WriteLine();
        output.WriteLine(W("commands"));
        foreach (var group in commands.GroupBy(c => c.Group))
        {
            foreach (var command in group)
                output.WriteLine("  kezek " + command.Usage);
            output.WriteLine("      " + W("verb." + group.Key));
        }

        output.WriteLine();
        output.WriteLine(W("options"));
        output.WriteLine("  " + W("optionLang"));
        output.WriteLine("  " + W("optionAs"));
        output.WriteLine("  " + W("optionHelp"));
        output.WriteLine();
        output.WriteLine(W("exitCodes"));
        output.WriteLine(W("configuration"));
    }
}
