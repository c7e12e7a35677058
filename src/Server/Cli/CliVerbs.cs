using System.Globalization;
using Kezek.Core.Identity;
using Kezek.Core.Lifecycle;
using Kezek.Core.Regions;
using Kezek.Core.Results;
using Kezek.Core.Words;
using Kezek.Infrastructure.Persistence;
using Kezek.Rules.RuleSets;
using Kezek.Server.Demo.Country;
using Kezek.Workflows.CivilRegistry;
using Kezek.Workflows.Documents;
using Kezek.Workflows.Notifications;
using Kezek.Workflows.Regions;
using Kezek.Workflows.RuleSets;
using Kezek.Workflows.Roles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Options;

namespace Kezek.Server.Cli;

/// <summary>The CLI's commands but the rule sets' and lifecycles' (<see cref="CliArtefacts"/>): each maps its arguments to one use case.</summary>
internal static class CliVerbs
{
    public static async Task<int> MigrateAsync(CliRun run)
    {
        var db = run.Get<KezekDbContext>();
        if (run.Arguments.Flag("--script"))
        {
            var migrator = db.GetService<IMigrator>();
            // SQLite cannot make an idempotent script (EF Core's limit): the plain one, from an empty database.
            var options = db.Database.IsSqlite() ? MigrationsSqlGenerationOptions.Default : MigrationsSqlGenerationOptions.Idempotent;
            run.Output.Write(migrator.GenerateScript(options: options));
            return CliExit.Done;
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(run.CancellationToken)).ToList();
        await DatabaseStartup.MigrateAsync(db, run.CancellationToken);
        var last = db.Database.GetMigrations().LastOrDefault() ?? "";
        if (pending.Count == 0)
            run.Say("upToDate", ("migration", last));
        else
            run.Say("migrated", ("count", pending.Count), ("migration", last));
        return CliExit.Done;
    }

    public static Task<int> ImportRegionsAsync(CliRun run) =>
        ImportAsync(run, (csv, viewer) => run.Get<ImportReferenceHandler>().HandleAsync(new ImportRegions(csv, viewer), run.CancellationToken));

    public static Task<int> ImportKindergartensAsync(CliRun run) =>
        ImportAsync(run, (csv, viewer) => run.Get<ImportReferenceHandler>().HandleAsync(new ImportKindergartens(csv, viewer), run.CancellationToken));

    private static async Task<int> ImportAsync(CliRun run, Func<string, Viewer, Task<Result<ReferenceImported>>> import)
    {
        if (await CsvOf(run) is not { } csv)
            return run.Arguments.Word(2) is null ? CliExit.Usage : CliExit.Refused;
        if (await run.ActorAsync() is not { } viewer)
            return CliExit.Usage;
        var imported = await import(csv, viewer);
        if (!imported.IsSuccess)
            return run.Refuse(imported.Error!);
        run.Say("imported", ("lines", imported.Value.Lines), ("created", imported.Value.Created), ("updated", imported.Value.Updated));
        return CliExit.Done;
    }

    public static async Task<int> ImportCivilRegistryAsync(CliRun run)
    {
        if (await CsvOf(run) is not { } csv)
            return run.Arguments.Word(2) is null ? CliExit.Usage : CliExit.Refused;
        if (await run.ActorAsync() is not { } viewer)
            return CliExit.Usage;
        var imported = await run.Get<ImportCivilRegistryHandler>().HandleAsync(new ImportCivilRegistry(csv, viewer), run.CancellationToken);
        if (!imported.IsSuccess)
            return run.Refuse(imported.Error!);
        var value = imported.Value;
        run.Say("registryImported", ("added", value.Added), ("updated", value.Updated), ("removed", value.Removed), ("detached", value.Detached));
        return CliExit.Done;
    }

    /// <summary>The file named by the command's third word; null (said why) when it is not given or not there.</summary>
    private static async Task<string?> CsvOf(CliRun run)
    {
        if (run.Arguments.Word(2) is not { } path)
        {
            run.Missing("<file.csv>");
            return null;
        }

        if (!File.Exists(path))
        {
            run.Refuse("fileMissing", ("path", path));
            return null;
        }

        return await File.ReadAllTextAsync(path, run.CancellationToken);
    }

    public static async Task<int> GrantRoleAsync(CliRun run)
    {
        if (run.Arguments.Option("--iin") is not { } iin)
            return run.Missing("--iin <IIN>");
        if (run.Arguments.Option("--role") is not { } roleText)
            return run.Missing("--role <role>");
        if (!Enum.TryParse<Role>(roleText, ignoreCase: true, out var role) || !Enum.IsDefined(role))
            return run.Usage("badValue", ("option", "--role"), ("value", roleText));
        if (await run.ActorAsync() is not { } viewer)
            return CliExit.Usage;
        var granted = await run.Get<RoleGrants>().GrantAsync(new GrantRole(iin, role, run.Arguments.Option("--region"), run.Arguments.Option("--bin"), viewer),
            run.CancellationToken);
        if (!granted.IsSuccess)
            return run.Refuse(granted.Error!);
        run.Say("granted", ("id", granted.Value.Id), ("role", granted.Value.Role), ("scope", granted.Value.RegionCode ?? granted.Value.Bin ?? ""));
        return CliExit.Done;
    }

    public static async Task<int> RevokeRoleAsync(CliRun run)
    {
        if (run.Arguments.Word(2) is not { } idText)
            return run.Missing("<grant id>");
        if (!Guid.TryParse(idText, out var id))
            return run.Usage("badValue", ("option", "<grant id>"), ("value", idText));
        if (await run.ActorAsync() is not { } viewer)
            return CliExit.Usage;
        var revoked = await run.Get<RoleGrants>().RevokeAsync(new RevokeRole(id, viewer), run.CancellationToken);
        if (!revoked.IsSuccess)
            return run.Refuse(revoked.Error!);
        run.Say("revoked", ("id", revoked.Value.Id));
        return CliExit.Done;
    }

    public static async Task<int> ListRolesAsync(CliRun run)
    {
        Role? role = null;
        if (run.Arguments.Option("--role") is { } roleText)
        {
            if (!Enum.TryParse<Role>(roleText, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
                return run.Usage("badValue", ("option", "--role"), ("value", roleText));
            role = parsed;
        }

        if (await run.ActorAsync() is not { } viewer)
            return CliExit.Usage;
        var grants = await run.Get<ListRoleGrantsHandler>().HandleAsync(new ListRoleGrants(viewer, run.Arguments.Option("--iin"), role,
            run.Arguments.Option("--region"), run.Arguments.Flag("--include-revoked")), run.CancellationToken);
        if (!grants.IsSuccess)
            return run.Refuse(grants.Error!);
        if (grants.Value.Count == 0)
            run.Say("noGrants");
        // Times of grants belong to no one region: Kazakhstan's time.
        foreach (var grant in grants.Value)
        {
            run.Output.WriteLine(string.Join('\t', grant.Id, grant.Iin, grant.Role, grant.RegionCode ?? grant.Bin ?? "-",
                Shown(KazakhstanTime.ToLocal(grant.GrantedAt)), grant.RevokedAt is { } revoked ? "revoked " + Shown(KazakhstanTime.ToLocal(revoked)) : "active"));
        }

        return CliExit.Done;
    }

    public static async Task<int> VerifyDocumentAsync(CliRun run)
    {
        if (run.Arguments.Word(1) is not { } code)
            return run.Missing("<code>");
        var document = await run.Get<DocumentAccess>().VerifyAsync(code, run.CancellationToken);
        if (document is null)
            return run.Refuse("documentNotFound");
        // In the zone of the application's region, as the verification page shows it.
        await run.Get<RuleSetVersions>().RefreshAsync(run.CancellationToken);
        var region = await run.Get<KezekDbContext>().Applications.Where(a => a.Id == document.ApplicationId).Select(a => a.RegionCode)
            .SingleAsync(run.CancellationToken);
        var issuedAt = run.Get<RuleSetCatalog>().For(region).RuleSet.Policy.ToLocal(document.IssuedAt);
        run.Say("documentFound", ("title", run.Words.DocumentTitle(document.Kind, run.Language)), ("issuedAt", Shown(issuedAt)));
        return CliExit.Done;
    }

    public static async Task<int> OutboxStatusAsync(CliRun run)
    {
        if (await run.ActorAsync() is not { } viewer)
            return CliExit.Usage;
        var page = await run.Get<ManageOutbox>().ListAsync(viewer, NotificationStatus.Dead, run.Arguments.Option("--region"), ManageOutbox.MaxPageSize, null,
            run.CancellationToken);
        if (!page.IsSuccess)
            return run.Refuse(page.Error!);
        run.Say("outboxCounts");
        foreach (var status in Enum.GetValues<NotificationStatus>())
            run.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {status,-12} {page.Value.Counts.GetValueOrDefault(status),8}"));
        if (page.Value.Items.Count == 0)
        {
            run.Say("noDeadLetters");
            return CliExit.Done;
        }

        run.Say("deadLetters");
        foreach (var item in page.Value.Items)
        {
            run.Output.WriteLine(string.Join('\t', item.Id.ToString(CultureInfo.InvariantCulture), item.ApplicationNumber, item.Region, item.Template,
                item.Channel, item.Attempts.ToString(CultureInfo.InvariantCulture), item.LastError ?? ""));
        }

        return CliExit.Done;
    }

    public static async Task<int> OutboxRetryAsync(CliRun run)
    {
        var all = run.Arguments.Flag("--all-dead");
        long id = 0;
        if (!all && run.Arguments.Word(2) is not { } idText)
            return run.Missing("<id> | --all-dead");
        if (!all && !long.TryParse(run.Arguments.Word(2), NumberStyles.None, CultureInfo.InvariantCulture, out id))
            return run.Usage("badValue", ("option", "<id>"), ("value", run.Arguments.Word(2)!));
        if (await run.ActorAsync() is not { } viewer)
            return CliExit.Usage;
        var reason = run.Arguments.Option("--reason") is { Length: > 0 } given ? given : "kezek outbox retry (cli:" + Environment.UserName + ")";
        var outbox = run.Get<ManageOutbox>();
        if (!all)
            return Retried(run, await outbox.RetryAsync(id, reason, viewer, run.CancellationToken));
        while (true)
        {
            // A retried letter leaves the dead ones: each round reads the dead letters that remain.
            var page = await outbox.ListAsync(viewer, NotificationStatus.Dead, null, ManageOutbox.MaxPageSize, null, run.CancellationToken);
            if (!page.IsSuccess)
                return run.Refuse(page.Error!);
            if (page.Value.Items.Count == 0)
                return CliExit.Done;
            foreach (var item in page.Value.Items)
            {
                if (Retried(run, await outbox.RetryAsync(item.Id, reason, viewer, run.CancellationToken)) != CliExit.Done)
                    return CliExit.Refused;
            }
        }
    }

    private static int Retried(CliRun run, Result<OutboxItem> retried)
    {
        if (!retried.IsSuccess)
            return run.Refuse(retried.Error!);
        run.Say("retried", ("id", retried.Value.Id));
        return CliExit.Done;
    }

    public static async Task<int> DemoDataAsync(CliRun run)
    {
        if (run.Arguments.Option("--applications") is not { } count)
            return run.Missing("--applications <N>");
        if (!int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var applications))
            return run.Usage("badValue", ("option", "--applications"), ("value", count));
        var seedText = run.Arguments.Option("--seed") ?? "42";
        if (!int.TryParse(seedText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seed))
            return run.Usage("badValue", ("option", "--seed"), ("value", seedText));
        if (applications < CountryGeneration.MinimumApplications)
            return run.Refuse("demoMinimum", ("count", CountryGeneration.MinimumApplications));
        var provider = run.Get<IOptions<DatabaseOptions>>().Value.Provider;
        if (provider == DatabaseProvider.SqlServer)
            return run.Refuse("demoProvider");
        var connection = run.Get<KezekDbContext>().Database.GetConnectionString()!;
        var generated = await CountryGeneration.GenerateAsync(provider, connection, applications, seed, run.Arguments.Flag("--replace"),
            KezekConfiguration.ResolveRulesPath(run.Services), run.Output, run.CancellationToken);
        return generated.Written ? CliExit.Done : run.Refuse("demoExists", ("existing", string.Join(", ", generated.Existing)));
    }

    /// <summary>A time as people read it, with its offset: <c>2026-09-01 10:00 +05:00</c>.</summary>
    public static string Shown(DateTimeOffset time) => time.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);
}
