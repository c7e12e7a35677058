using Kezek.Core.Lifecycle;
using Kezek.Core.Notifications;
using Kezek.IntegrationTests.Hosting;
using Kezek.Workflows.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kezek.IntegrationTests.Studio;

/// <summary>What Kezek Studio reads and does besides rule sets and workflows: the values' meaning, the palette, live counts, the outbox.</summary>
public abstract class StudioApiTests(KezekFactory kezek) : KezekTest(kezek)
{
    [Fact]
    public async Task The_values_palette_and_live_counts_are_served_in_the_readers_language()
    {
        var queue = await new Queues(Kezek).WithChildrenAsync(2);
        (await queue.WithdrawAsync(queue.Numbers[1])).Ok();

        var values = (await queue.Api.PostAsync("{ ruleValues { name kind min max default description } }", language: "kk")).Ok()
            .GetProperty("ruleValues").EnumerateArray().ToDictionary(v => v.GetProperty("name").GetString()!);
        // Every value the validator knows, each with its words.
        Assert.Equal(global::Kezek.Rules.RuleSets.RuleSetSchema.Values.Keys.Order(StringComparer.Ordinal), values.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("5", values["maxRankedKindergartens"].GetProperty("default").GetString());
        Assert.Equal((5, 1440), (values["windowMinutes"].GetProperty("min").GetInt32(), values["windowMinutes"].GetProperty("max").GetInt32()));
        Assert.Equal("WHOLE_NUMBER", values["daysToChoose"].GetProperty("kind").GetString());
        Assert.Equal(1, values["daysToChoose"].GetProperty("min").GetInt32());
        Assert.Equal(60, values["daysToChoose"].GetProperty("max").GetInt32());
        Assert.StartsWith("Кезек келгенде", values["daysToChoose"].GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("YES_NO", values["keepQueuedAtOnMove"].GetProperty("kind").GetString());
        Assert.Equal("false", values["keepQueuedAtOnMove"].GetProperty("default").GetString());

        var parts = (await queue.Api.PostAsync(
            "{ workflowParts { triggers { name title firedBy } guards timerDeadlines activities { name argument } notificationEvents statuses } }",
            language: "ru")).Ok().GetProperty("workflowParts");
        var choose = parts.GetProperty("triggers").EnumerateArray().Single(t => t.GetProperty("name").GetString() == "Choose");
        Assert.Equal("FAMILY", choose.GetProperty("firedBy").GetString());
        Assert.Equal("Выбор детского сада", choose.GetProperty("title").GetString());
        Assert.Contains(parts.GetProperty("triggers").EnumerateArray(), t => t.GetProperty("name").GetString() == "Expire" && t.GetProperty("firedBy").GetString() == "TIMER");
        Assert.Contains("RevokeAllowed", parts.GetProperty("guards").EnumerateArray().Select(g => g.GetString()));
        Assert.Contains("direction.ExpiresAt", parts.GetProperty("timerDeadlines").EnumerateArray().Select(g => g.GetString()));
        var activities = parts.GetProperty("activities").EnumerateArray().ToDictionary(a => a.GetProperty("name").GetString()!);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, activities["releaseSeat"].GetProperty("argument").ValueKind);
        Assert.Contains("Enrolled", activities["endDirection"].GetProperty("argument").GetString(), StringComparison.Ordinal);
        Assert.Contains("turn-came", parts.GetProperty("notificationEvents").EnumerateArray().Select(e => e.GetString()));

        const string Counts = "query($w: String!) { applicationsByState(workflow: $w) { region state status count } }";
        Assert.Equal("FORBIDDEN", (await queue.Api.PostAsync(Counts, new { w = "direction" }, queue.Mother)).ErrorCode);
        Assert.Equal("UNKNOWN_LIFECYCLE", (await queue.Api.PostAsync(Counts, new { w = "lottery" }, queue.Operator)).ErrorCode);
        var counts = (await queue.Api.PostAsync(Counts, new { w = "direction" }, queue.Operator)).Ok().GetProperty("applicationsByState")
            .EnumerateArray().Where(c => c.GetProperty("region").GetString() == "almaty")
            .ToDictionary(c => c.GetProperty("state").GetString()!, c => c.GetProperty("count").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["Queued"] = 1, ["Withdrawn"] = 1 }, counts);

        var admin = await queue.Api.SignInAsync(People.Administrator);
        var history = (await queue.Api.PostAsync("{ workflowHistory(name: \"direction\") { version reason } }", token: admin)).Ok()
            .GetProperty("workflowHistory");
        Assert.Equal(1, history[0].GetProperty("version").GetInt32());
        Assert.Equal("FORBIDDEN", (await queue.Api.PostAsync("{ workflowHistory(name: \"direction\") { version } }", token: queue.Operator)).ErrorCode);
    }

    [Fact]
    public async Task The_json_schemas_of_rule_sets_and_lifecycles_are_served_to_anyone_as_the_repository_has_them()
    {
        var answer = (await Kezek.Api().PostAsync("{ ruleSetJsonSchema workflowJsonSchema }")).Ok();
        var root = Api.SchemaTests.RepositoryRoot();
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(root, "rules", "schema", "region-rules.schema.json")),
            answer.GetProperty("ruleSetJsonSchema").GetString());
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(root, "workflows", "schema", "workflow.schema.json")),
            answer.GetProperty("workflowJsonSchema").GetString());
        using var workflow = System.Text.Json.JsonDocument.Parse(answer.GetProperty("workflowJsonSchema").GetString()!);
        Assert.Equal("Queued", workflow.RootElement.GetProperty("properties").GetProperty("initial").GetProperty("const").GetString());
    }

    [Fact]
    public async Task An_administrator_sees_who_holds_what_and_previews_a_registry_import_that_writes_nothing()
    {
        var api = Kezek.Api();
        var admin = await api.SignInAsync(People.Administrator);
        (await api.PostAsync("mutation { grantRole(iin: \"850630441203\", role: OPERATOR, region: \"almaty\") { id } }", token: admin)).Ok();
        var astana = (await api.PostAsync("mutation { grantRole(iin: \"870404460016\", role: OPERATOR, region: \"astana\") { id } }", token: admin)).Ok()
            .GetProperty("grantRole").GetProperty("id").GetString();
        (await api.PostAsync("mutation($id: ID!) { revokeRole(grantId: $id) { id } }", new { id = astana }, admin)).Ok();
        const string Grants = "query($r: String, $all: Boolean) { roleGrants(region: $r, includeRevoked: $all) { iin role region revokedAt } }";

        var current = (await api.PostAsync(Grants, new { r = (string?)null, all = false }, admin)).Ok().GetProperty("roleGrants");
        Assert.Equal(["850630441203"], current.EnumerateArray().Where(g => g.GetProperty("role").GetString() == "OPERATOR").Select(g => g.GetProperty("iin").GetString()));
        var revoked = (await api.PostAsync(Grants, new { r = "astana", all = true }, admin)).Ok().GetProperty("roleGrants");
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, Assert.Single(revoked.EnumerateArray()).GetProperty("revokedAt").ValueKind);
        Assert.Equal("FORBIDDEN", (await api.PostAsync(Grants, new { r = (string?)null, all = false }, await api.SignInAsync(People.Operator))).ErrorCode);

        const string Import = "mutation($csv: String!, $p: Boolean) { importCivilRegistry(csv: $csv, preview: $p) { added updated removed } }";
        var preview = (await api.PostAsync(Import, new { csv = TestPeople.CivilRegistryCsv, p = true }, admin)).Ok().GetProperty("importCivilRegistry");
        Assert.Equal(4, preview.GetProperty("added").GetInt32());
        Assert.Equal(0, await Kezek.WithDbAsync(db => db.CivilRegistryRecords.CountAsync()));
        Assert.Equal(0, await Kezek.WithDbAsync(db => db.StaffActions.CountAsync(a => a.Action == "ImportCivilRegistry")));
        Assert.Equal("CIVIL_REGISTRY_IMPORT_INVALID",
            (await api.PostAsync(Import, new { csv = TestPeople.CivilRegistryCsv + "\nx,y,z,1,2,MOTHER", p = true }, admin)).ErrorCode);
        Assert.Equal(4, (await api.PostAsync(Import, new { csv = TestPeople.CivilRegistryCsv, p = false }, admin)).Ok()
            .GetProperty("importCivilRegistry").GetProperty("added").GetInt32());
    }

    [Fact]
    public async Task An_operator_lists_the_outbox_retries_a_dead_letter_that_then_arrives_once_and_discards_another()
    {
        using var smtp = new SmtpCatcher(Kezek.SmtpPort);
        var queue = await new Queues(Kezek).WithChildrenAsync(2);
        // Both registrations' e-mails died (the SMTP server was misconfigured): they wait for an operator.
        await Kezek.WithDbAsync(db => db.Notifications.Where(n => n.Template == "registered" && n.Channel == Channel.Email)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, NotificationStatus.Dead).SetProperty(n => n.Attempts, 8)
                .SetProperty(n => n.LastError, "535 authentication failed")));
        const string List = "query($s: NotificationStatus) { outbox(status: $s, first: 10) { counts { status count } items { id applicationNumber event channel status attempts lastError createdAt } hasNextPage } }";

        Assert.Equal("FORBIDDEN", (await queue.Api.PostAsync(List, new { s = "DEAD" }, queue.Mother)).ErrorCode);
        var outbox = (await queue.Api.PostAsync(List, new { s = "DEAD" }, queue.Operator)).Ok().GetProperty("outbox");
        var dead = outbox.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, dead.Count);
        Assert.All(dead, d => Assert.Equal("535 authentication failed", d.GetProperty("lastError").GetString()));
        Assert.Contains(outbox.GetProperty("counts").EnumerateArray(), c => c.GetProperty("status").GetString() == "DEAD" && c.GetProperty("count").GetInt32() == 2);
        Assert.EndsWith("+05:00", dead[0].GetProperty("createdAt").GetString(), StringComparison.Ordinal);

        // Another region's operator finds nothing of Almaty's.
        var admin = await queue.Api.SignInAsync(People.Administrator);
        (await queue.Api.PostAsync("mutation { grantRole(iin: \"870404460016\", role: OPERATOR, region: \"astana\") { id } }", token: admin)).Ok();
        var astana = await queue.Api.SignInAsync(People.AstanaOperator);
        Assert.Empty((await queue.Api.PostAsync(List, new { s = "DEAD" }, astana)).Ok().GetProperty("outbox").GetProperty("items").EnumerateArray());
        const string Retry = "mutation($id: ID!, $r: String!) { retryNotification(id: $id, reason: $r) { status attempts } }";
        const string Discard = "mutation($id: ID!, $r: String!) { discardNotification(id: $id, reason: $r) { status } }";
        var first = dead[0].GetProperty("id").GetString();
        var second = dead[1].GetProperty("id").GetString();
        Assert.Equal("NOTIFICATION_NOT_FOUND", (await queue.Api.PostAsync(Retry, new { id = first, r = "SMTP исправлен" }, astana)).ErrorCode);
        Assert.Equal("REASON_REQUIRED", (await queue.Api.PostAsync(Retry, new { id = first, r = " " }, queue.Operator)).ErrorCode);

        var retried = (await queue.Api.PostAsync(Retry, new { id = first, r = "SMTP исправлен" }, queue.Operator)).Ok().GetProperty("retryNotification");
        Assert.Equal("PENDING", retried.GetProperty("status").GetString());
        Assert.Equal(0, retried.GetProperty("attempts").GetInt32());
        Assert.Equal("ACTION_NOT_AVAILABLE", (await queue.Api.PostAsync(Retry, new { id = first, r = "ещё раз" }, queue.Operator)).ErrorCode);
        Assert.Equal("DISCARDED", (await queue.Api.PostAsync(Discard, new { id = second, r = "Адрес ошибочный" }, queue.Operator)).Ok()
            .GetProperty("discardNotification").GetProperty("status").GetString());

        await smtp.StartAsync();
        using (var scope = Kezek.Services.CreateScope())
        {
            var dispatcher = scope.ServiceProvider.GetRequiredService<OutboxDispatcher>();
            await dispatcher.DispatchAsync(CancellationToken.None);
            await dispatcher.DispatchAsync(CancellationToken.None);
        }

        Assert.Single(smtp.Messages(), m => m.Subject == "Заявление зарегистрировано");
        Assert.Equal(NotificationStatus.Discarded, await Kezek.WithDbAsync(db => db.Notifications.Where(n => n.Id == long.Parse(second!, System.Globalization.CultureInfo.InvariantCulture)).Select(n => n.Status).SingleAsync()));
        Assert.Equal(2, await Kezek.WithDbAsync(db => db.StaffActions.CountAsync(a => a.Action == ManageOutbox.RetryAction || a.Action == ManageOutbox.DiscardAction)));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class StudioApiOnSqlite(SqliteKezek kezek) : StudioApiTests(kezek);

[Collection(PostgresCollection.Name)]
public sealed class StudioApiOnPostgres(PostgresKezek kezek) : StudioApiTests(kezek);
