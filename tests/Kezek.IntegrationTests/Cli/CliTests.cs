using System.Text.Json.Nodes;
using Kezek.Core.Lifecycle;
using Kezek.IntegrationTests.Hosting;
using Kezek.Server.Cli;
using Microsoft.EntityFrameworkCore;

namespace Kezek.IntegrationTests.Cli;

/// <summary>
/// The admin CLI's commands run in-process on the test host's services (the same registrations the server process builds):
/// the same use cases as the GraphQL API, refusals in the operator's language with exit 1, usage errors with exit 2, and the
/// audit rows naming the administrator given by <c>--as</c>.
/// </summary>
public abstract class CliTests(KezekFactory kezek) : KezekTest(kezek)
{
    private const string Header = "region,bin,nameRu,nameKk,addressRu,addressKk,latitude,longitude,languages,ownership,groups";
    private const string Balapan = "almaty,160140012345,Ясли-сад № 1 «Балапан»,№ 1 «Балапан» бөбекжай-бақшасы,\"г. Алматы, мкр. Самал-2, 58\",\"Алматы қ., Самал-2 ш.а., 58\",43.2335,76.9540,kk ru,state,2022:kk:25;2022:ru:25";
    private const string Akbota = "astana,170240045674,Ясли-сад № 45 «Ақбота»,№ 45 «Ақбота» бөбекжай-бақшасы,\"г. Астана, ул. Кенесары, 52\",\"Астана қ., Кенесары к-сі, 52\",51.1680,71.4300,kk ru,state,2022:kk:25";

    private readonly string _folder = Directory.CreateTempSubdirectory("kezek-cli-").FullName;

    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await KezekCli.RunAsync(Kezek.Services, args, output, error, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }

    private string File(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task Kindergartens_are_imported_all_or_nothing_as_the_administrator_given_and_audited()
    {
        var good = File("good.csv", $"{Header}\n{Balapan}\n{Akbota}\n");
        var (code, output, _) = await RunAsync("import", "kindergartens", good, "--as", TestPeople.AdministratorIin, "--lang", "en");
        Assert.Equal(CliExit.Done, code);
        Assert.Contains("Loaded 2 lines: 2 created, 0 changed.", output, StringComparison.Ordinal);
        Assert.Equal(2, await Kezek.WithDbAsync(db => db.Kindergartens.CountAsync()));
        Assert.True(await Kezek.WithDbAsync(db => db.StaffActions.AnyAsync(a => a.ActorIin == TestPeople.AdministratorIin)));

        // A bad line: its line, field and problem in the operator's language; nothing written.
        var bad = File("bad.csv", $"{Header}\n{Balapan.Replace("Балапан»,№", "Балапан-2»,№", StringComparison.Ordinal)}\n{Akbota.Replace("51.1680", "north", StringComparison.Ordinal)}\n");
        (code, _, var error) = await RunAsync("import", "kindergartens", bad, "--as", TestPeople.AdministratorIin, "--lang", "ru");
        Assert.Equal(CliExit.Refused, code);
        Assert.Contains("строка 3", error, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("latitude", error, StringComparison.Ordinal);
        Assert.Equal(2, await Kezek.WithDbAsync(db => db.Kindergartens.CountAsync()));
        Assert.False(await Kezek.WithDbAsync(db => db.Kindergartens.AnyAsync(k => k.NameRu.Contains("Балапан-2"))));

        // Who may not: a person with no staff role (refused, 1); no --as (usage, 2); a file that is not there (1).
        Assert.Equal(CliExit.Refused, (await RunAsync("import", "kindergartens", good, "--as", TestPeople.StrangerIin)).Code);
        Assert.Equal(CliExit.Usage, (await RunAsync("import", "kindergartens", good)).Code);
        Assert.Equal(CliExit.Refused, (await RunAsync("import", "kindergartens", Path.Combine(_folder, "none.csv"), "--as", TestPeople.AdministratorIin)).Code);
        Assert.Equal(CliExit.Usage, (await RunAsync("import", "kindergartens", good, "--as", TestPeople.AdministratorIin, "--frob", "1")).Code);
    }

    [Fact]
    public async Task Regions_and_the_civil_registry_are_imported_through_the_same_use_cases()
    {
        var regions = File("regions.csv", "code,nameRu,nameKk,nameEn,timeZone,supportPhone,supportEmail,supportHoursRu,supportHoursKk\n" +
            "almaty,г. Алматы,Алматы қ.,Almaty,,+7 727 000 00 00,,,\n");
        var (code, output, _) = await RunAsync("import", "regions", regions, "--as", TestPeople.AdministratorIin, "--lang", "en");
        Assert.Equal(CliExit.Done, code);
        Assert.Contains("Loaded 1 lines", output, StringComparison.Ordinal);

        var registry = File("registry.csv", TestPeople.CivilRegistryCsv);
        (code, output, _) = await RunAsync("import", "civil-registry", registry, "--as", TestPeople.AdministratorIin, "--lang", "kk");
        Assert.Equal(CliExit.Done, code);
        Assert.Contains("қосылды 4", output, StringComparison.Ordinal);
        Assert.Equal(CliExit.Refused, (await RunAsync("import", "civil-registry", File("r.csv", TestPeople.CivilRegistryCsv + "\nx,y,z,1,2,MOTHER"),
            "--as", TestPeople.AdministratorIin)).Code);
        Assert.Equal(4, await Kezek.WithDbAsync(db => db.CivilRegistryRecords.CountAsync()));
    }

    [Fact]
    public async Task Roles_are_granted_listed_and_revoked_by_an_administrator_only()
    {
        var (code, output, _) = await RunAsync("roles", "grant", "--iin", TestPeople.OperatorIin, "--role", "operator", "--region", "almaty",
            "--as", TestPeople.AdministratorIin, "--lang", "en");
        Assert.Equal(CliExit.Done, code);
        var id = Guid.Parse(output.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);

        (code, output, _) = await RunAsync("roles", "list", "--role", "Operator", "--as", TestPeople.AdministratorIin);
        Assert.Equal(CliExit.Done, code);
        Assert.Contains(id.ToString(), output, StringComparison.Ordinal);

        // The operator now holds a role, but not the administrator's: refused.
        Assert.Equal(CliExit.Refused, (await RunAsync("roles", "grant", "--iin", TestPeople.StrangerIin, "--role", "Operator", "--region", "almaty",
            "--as", TestPeople.OperatorIin)).Code);
        Assert.Equal(CliExit.Refused, (await RunAsync("roles", "grant", "--iin", TestPeople.StrangerIin, "--role", "Operator", "--region", "nowhere",
            "--as", TestPeople.AdministratorIin)).Code);
        Assert.Equal(CliExit.Usage, (await RunAsync("roles", "grant", "--iin", TestPeople.StrangerIin, "--role", "King", "--as", TestPeople.AdministratorIin)).Code);
        Assert.Equal(CliExit.Usage, (await RunAsync("roles", "revoke", "not-a-guid", "--as", TestPeople.AdministratorIin)).Code);

        Assert.Equal(CliExit.Done, (await RunAsync("roles", "revoke", id.ToString(), "--as", TestPeople.AdministratorIin)).Code);
        Assert.False(await Kezek.WithDbAsync(db => db.RoleGrants.AnyAsync(g => g.Id == id && g.RevokedAt == null)));
        Assert.Contains(await Kezek.WithDbAsync(db => db.StaffActions.Select(a => a.Action).ToListAsync()), a => a == "GrantRole");
    }

    [Fact]
    public async Task Rule_sets_and_workflows_are_exported_and_imported_back_with_a_reason_and_invalid_ones_refused_with_their_problems()
    {
        var rules = Path.Combine(_folder, "rules");
        var (code, output, _) = await RunAsync("rules", "export", "--out", rules, "--lang", "en");
        Assert.Equal(CliExit.Done, code);
        Assert.Contains("almaty: version 1", output, StringComparison.Ordinal);
        var almaty = JsonNode.Parse(System.IO.File.ReadAllText(Path.Combine(rules, "almaty.json")))!.AsObject();
        almaty["GlobalParams"]!.AsArray().Single(p => p!["Name"]!.GetValue<string>() == "daysToChoose")!["Expression"] = "7";
        var changed = File("almaty.json", almaty.ToJsonString());

        Assert.Equal(CliExit.Usage, (await RunAsync("rules", "import", changed, "--as", TestPeople.AdministratorIin)).Code);
        (code, output, _) = await RunAsync("rules", "import", changed, "--reason", "Решение № 3", "--as", TestPeople.AdministratorIin, "--lang", "en");
        Assert.Equal(CliExit.Done, code);
        Assert.Contains("almaty: version 2 is in force.", output, StringComparison.Ordinal);

        almaty["GlobalParams"]!.AsArray().Single(p => p!["Name"]!.GetValue<string>() == "daysToChoose")!["Expression"] = "banana +";
        var invalid = File("almaty.json", almaty.ToJsonString());
        (code, output, _) = await RunAsync("rules", "import", invalid, "--reason", "x", "--as", TestPeople.AdministratorIin, "--lang", "en");
        Assert.Equal(CliExit.Refused, code);
        Assert.Contains("is not valid", output, StringComparison.Ordinal);
        Assert.Equal(2, await Kezek.WithDbAsync(db => db.RuleSetVersions.Where(v => v.RegionCode == "almaty").MaxAsync(v => v.Version)));
        Assert.Equal(CliExit.Refused, (await RunAsync("rules", "import", changed, "--reason", "x", "--as", TestPeople.StrangerIin)).Code);

        var workflows = Path.Combine(_folder, "workflows");
        (code, output, _) = await RunAsync("workflows", "export", "--out", workflows, "--lang", "en");
        Assert.Equal(CliExit.Done, code);
        Assert.True(System.IO.File.Exists(Path.Combine(workflows, "direction.json")));
        (code, output, _) = await RunAsync("workflows", "import", Path.Combine(workflows, "direction.json"), "--reason", "The same again",
            "--as", TestPeople.AdministratorIin, "--lang", "en");
        Assert.Equal(CliExit.Done, code);
        Assert.Contains("direction: version 2 is in force.", output, StringComparison.Ordinal);
        Assert.Equal(CliExit.Refused, (await RunAsync("workflows", "import", File("direction.json", "{ \"States\": 1 }"), "--reason", "x",
            "--as", TestPeople.AdministratorIin)).Code);
    }

    [Fact]
    public async Task A_document_is_verified_by_its_code_and_the_outbox_shows_and_retries_dead_letters()
    {
        await new Queues(Kezek).WithChildrenAsync(1);
        Assert.Equal(CliExit.Refused, (await RunAsync("verify-document", "AAAAAAAAAAAA")).Code);
        if (await Kezek.WithDbAsync(db => db.Documents.Select(d => d.VerificationCode).FirstOrDefaultAsync()) is { } documentCode)
        {
            var (verified, said, _) = await RunAsync("verify-document", documentCode, "--lang", "en");
            Assert.Equal(CliExit.Done, verified);
            Assert.Contains("Issued:", said, StringComparison.Ordinal);
        }

        await Kezek.WithDbAsync(db => db.Notifications.ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, NotificationStatus.Dead)
            .SetProperty(n => n.Attempts, 8).SetProperty(n => n.LastError, "535 authentication failed")));
        var (code, output, _) = await RunAsync("outbox", "status", "--as", TestPeople.AdministratorIin, "--lang", "en");
        Assert.Equal(CliExit.Done, code);
        Assert.Contains("535 authentication failed", output, StringComparison.Ordinal);
        Assert.Equal(CliExit.Refused, (await RunAsync("outbox", "status", "--as", TestPeople.StrangerIin)).Code);

        var id = await Kezek.WithDbAsync(db => db.Notifications.OrderBy(n => n.Id).Select(n => n.Id).FirstAsync());
        Assert.Equal(CliExit.Done, (await RunAsync("outbox", "retry", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--as", TestPeople.AdministratorIin)).Code);
        Assert.Equal(NotificationStatus.Pending, await Kezek.WithDbAsync(db => db.Notifications.Where(n => n.Id == id).Select(n => n.Status).SingleAsync()));
        Assert.Equal(CliExit.Done, (await RunAsync("outbox", "retry", "--all-dead", "--as", TestPeople.AdministratorIin)).Code);
        Assert.False(await Kezek.WithDbAsync(db => db.Notifications.AnyAsync(n => n.Status == NotificationStatus.Dead)));
        Assert.Equal(CliExit.Usage, (await RunAsync("outbox", "retry", "--as", TestPeople.AdministratorIin)).Code);
    }

    [Fact]
    public async Task Migrate_says_the_database_is_up_to_date_and_prints_the_script_and_help_and_usage_errors_have_their_codes()
    {
        var (code, output, _) = await RunAsync("migrate", "--lang", "en");
        Assert.Equal(CliExit.Done, code);
        Assert.Contains("up to date", output, StringComparison.Ordinal);
        (code, output, _) = await RunAsync("migrate", "--script");
        Assert.Equal(CliExit.Done, code);
        Assert.Contains("CREATE TABLE", output, StringComparison.Ordinal);

        (code, output, _) = await RunAsync("--help", "--lang", "kk");
        Assert.Equal(CliExit.Done, code);
        Assert.Contains("Шығу кодтары", output, StringComparison.Ordinal);
        Assert.DoesNotContain("verb.", output, StringComparison.Ordinal);
        Assert.Equal(CliExit.Usage, (await RunAsync("frobnicate")).Code);
        Assert.Equal(CliExit.Usage, (await RunAsync("roles")).Code);
        Assert.Equal(CliExit.Done, (await RunAsync("roles", "grant", "--help")).Code);
        Assert.Equal(CliExit.Usage, (await RunAsync("migrate", "--lang", "fr")).Code);
        Assert.Equal(CliExit.Usage, (await RunAsync("demo-data")).Code);
        Assert.Equal(CliExit.Refused, (await RunAsync("demo-data", "--applications", "5")).Code);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class CliOnSqlite(SqliteKezek kezek) : CliTests(kezek);

[Collection(PostgresCollection.Name)]
public sealed class CliOnPostgres(PostgresKezek kezek) : CliTests(kezek);
