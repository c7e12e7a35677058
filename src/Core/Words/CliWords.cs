namespace Kezek.Core.Words;

/// <summary>
/// The keys of <see cref="WordSection.Cli"/>: the admin CLI's help, results and refusals (src/Server/Cli). A command's
/// description is <c>verb.&lt;its first word&gt;</c>.
/// </summary>
public static class CliWords
{
    public const string Usage = "usage";
    public const string Commands = "commands";
    public const string Options = "options";
    public const string OptionLang = "optionLang";
    public const string OptionAs = "optionAs";
    public const string OptionHelp = "optionHelp";
    public const string ExitCodes = "exitCodes";
    public const string Configuration = "configuration";
    public const string VerbMigrate = "verb.migrate";
    public const string VerbImport = "verb.import";
    public const string VerbRoles = "verb.roles";
    public const string VerbRules = "verb.rules";
    public const string VerbWorkflows = "verb.workflows";
    public const string VerbVerifyDocument = "verb.verify-document";
    public const string VerbOutbox = "verb.outbox";
    public const string VerbDemoData = "verb.demo-data";
    public const string UnknownCommand = "unknownCommand";
    public const string UnknownOption = "unknownOption";
    public const string Missing = "missing";
    public const string BadValue = "badValue";
    public const string AsRequired = "asRequired";
    public const string FileMissing = "fileMissing";
    public const string DatabaseUnavailable = "databaseUnavailable";
    public const string Migrated = "migrated";
    public const string UpToDate = "upToDate";
    public const string Imported = "imported";
    public const string RegistryImported = "registryImported";
    public const string Granted = "granted";
    public const string Revoked = "revoked";
    public const string NoGrants = "noGrants";
    public const string Exported = "exported";
    public const string InvalidArtefact = "invalidArtefact";
    public const string Activated = "activated";
    public const string DocumentFound = "documentFound";
    public const string DocumentNotFound = "documentNotFound";
    public const string OutboxCounts = "outboxCounts";
    public const string DeadLetters = "deadLetters";
    public const string NoDeadLetters = "noDeadLetters";
    public const string Retried = "retried";
    public const string DemoExists = "demoExists";
    public const string DemoProvider = "demoProvider";
    public const string DemoMinimum = "demoMinimum";
}
