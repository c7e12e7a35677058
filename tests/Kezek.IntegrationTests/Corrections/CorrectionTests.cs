using Kezek.Core.Iins;
using Kezek.IntegrationTests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Kezek.IntegrationTests.Corrections;

/// <summary>
/// Operators' corrections of an application, each signed with the operator's SIGN key and with a reason: a wrongly
/// withdrawn or removed application back in the queue at its original place.
/// </summary>
public abstract class CorrectionTests(KezekFactory kezek) : KezekTest(kezek)
{
    private const string Selection = "application { number status state queueNumber queuedAt history { action actorRole fromStatus toStatus reason signedXml } }";

    private async Task<GraphQLResponse> RestoreAsync(Queues queue, string number, string reason = "Снято ошибочно: заявитель не подавал заявку",
        TestPerson? signer = null, string? token = null)
    {
        token ??= queue.Operator;
        var input = new Dictionary<string, string> { ["applicationNumber"] = number, ["reason"] = reason };
        var signed = GraphQLClient.Sign(signer ?? People.Operator, "restoreToQueue", await queue.Api.NonceAsync(token), input);
        return await queue.Api.PostAsync($"mutation($input: RestoreToQueueInput!, $x: String!) {{ restoreToQueue(input: $input, signedXml: $x) {{ {Selection} }} }}",
            new { input = input.ToDictionary(p => p.Key, p => (object)p.Value), x = signed }, token);
    }

    private Task<(int History, int Staff, int Notifications)> WrittenAsync() =>
        Kezek.WithDbAsync(async db => (await db.HistoryEntries.CountAsync(), await db.StaffActions.CountAsync(),
            await db.Notifications.CountAsync()));

    private async Task<GraphQLResponse> CorrectChildAsync(Queues queue, string number, string reason = "Фамилия исправлена в реестре ЗАГС",
        TestPerson? signer = null, string? token = null)
    {
        token ??= queue.Operator;
        var input = new Dictionary<string, string> { ["applicationNumber"] = number, ["reason"] = reason };
        var signed = GraphQLClient.Sign(signer ?? People.Operator, "correctChildFromRegistry", await queue.Api.NonceAsync(token), input);
        return await queue.Api.PostAsync(
            "mutation($input: CorrectChildFromRegistryInput!, $x: String!) { correctChildFromRegistry(input: $input, signedXml: $x) { application { queueNumber child { iin fullName birthDate } history { action actorRole reason signedXml } } } }",
            new { input = input.ToDictionary(p => p.Key, p => (object)p.Value), x = signed }, token);
    }

    [Fact]
    public async Task The_operator_takes_the_childs_name_again_from_the_civil_registry_and_nothing_else_moves()
    {
        var queue = await new Queues(Kezek).WithChildrenAsync(2);
        var number = queue.Numbers[1];
        var child = Queues.ChildIins(2, new DateOnly(2022, 1, 1))[1];
        var before = await queue.ApplicationAsync(number);

        // Nothing changed in the registry yet: nothing to correct, nothing written.
        var written = await WrittenAsync();
        Assert.Equal("CHILD_UNCHANGED", (await CorrectChildAsync(queue, number)).ErrorCode);
        Assert.Equal(written, await WrittenAsync());

        var corrected = "ҚОҢЫРБАЕВА ӘСЕЛ ӨРІК ШАҺАРҒАЛИҚЫЗЫ";
        await queue.Api.ImportCivilRegistryAsync("childIin,childFullName,childBirthDate,parentIin,parentFullName,relation\n"
            + $"{child},{corrected},{Iin.Parse(child).Value.BirthDate:yyyy-MM-dd},{TestPeople.MotherIin},АХМЕТОВА АЙГЕРІМ СЕРІКҚЫЗЫ,MOTHER");
        written = await WrittenAsync();
        Assert.Equal("FORBIDDEN", (await CorrectChildAsync(queue, number, signer: People.Mother, token: queue.Mother)).ErrorCode);
        Assert.Equal("REASON_REQUIRED", (await CorrectChildAsync(queue, number, reason: "")).ErrorCode);
        Assert.Equal(written, await WrittenAsync());

        var application = (await CorrectChildAsync(queue, number)).Ok().GetProperty("correctChildFromRegistry").GetProperty("application");
        Assert.Equal(corrected, application.GetProperty("child").GetProperty("fullName").GetString());
        Assert.Equal(child, application.GetProperty("child").GetProperty("iin").GetString());
        Assert.Equal(before.GetProperty("queueNumber").GetInt32(), application.GetProperty("queueNumber").GetInt32());
        var entry = application.GetProperty("history").EnumerateArray().Last();
        Assert.Equal("ChildCorrected", entry.GetProperty("action").GetString());
        Assert.Equal("Operator", entry.GetProperty("actorRole").GetString());
        Assert.Contains("Фамилия исправлена в реестре ЗАГС", entry.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains(corrected, entry.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains("<name>correctChildFromRegistry</name>", entry.GetProperty("signedXml").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, await Kezek.WithDbAsync(db => db.StaffActions.CountAsync(a => a.Action == "ChildCorrected")));
        Assert.Equal("CHILD_UNCHANGED", (await CorrectChildAsync(queue, number)).ErrorCode);
    }

    [Fact]
    public async Task A_withdrawn_application_is_restored_by_the_operator_at_its_original_place_and_refusals_write_nothing()
    {
        var queue = await new Queues(Kezek).WithChildrenAsync(3);
        var number = queue.Numbers[1];
        var before = await queue.ApplicationAsync(number);
        Assert.Equal(2, before.GetProperty("queueNumber").GetInt32());
        var queuedAt = before.GetProperty("queuedAt").GetString();
        (await queue.WithdrawAsync(number)).Ok();
        Assert.Equal(2, (await queue.ApplicationAsync(queue.Numbers[2])).GetProperty("queueNumber").GetInt32());

        // The same child registered again meanwhile: the old application may not come back beside the live one.
        var admin = await queue.Api.SignInAsync(People.Administrator);
        (await queue.Api.PostAsync("mutation($iin: String!, $region: String!) { grantRole(iin: $iin, role: OPERATOR, region: $region) { id } }",
            new { iin = TestPeople.AstanaOperatorIin, region = "astana" }, admin)).Ok();
        var astana = await queue.Api.SignInAsync(People.AstanaOperator);
        var child = Queues.ChildIins(3, new DateOnly(2022, 1, 1))[1];
        var again = (await queue.Api.RegisterAsync(People.Mother, queue.Mother, GraphQLClient.RegistrationInput(child, "almaty"))).Ok()
            .GetProperty("registerApplication").GetProperty("application").GetProperty("number").GetString()!;
        var written = await WrittenAsync();
        Assert.Equal("DUPLICATE_APPLICATION", (await RestoreAsync(queue, number)).ErrorCode);
        Assert.Equal("APPLICATION_NOT_FOUND", (await RestoreAsync(queue, number, signer: People.AstanaOperator, token: astana)).ErrorCode);
        Assert.Equal("FORBIDDEN", (await RestoreAsync(queue, number, signer: People.Mother, token: queue.Mother)).ErrorCode);
        Assert.Equal("SIGNER_MISMATCH", (await RestoreAsync(queue, number, signer: People.AstanaOperator)).ErrorCode);
        Assert.Equal("REASON_REQUIRED", (await RestoreAsync(queue, number, reason: " ")).ErrorCode);
        Assert.Equal("ACTION_NOT_AVAILABLE", (await RestoreAsync(queue, queue.Numbers[0])).ErrorCode);
        Assert.Equal(written, await WrittenAsync());
        Assert.Equal("WITHDRAWN", (await queue.ApplicationAsync(number)).GetProperty("status").GetString());

        // The new application given up, the old one comes back where it stood.
        (await queue.WithdrawAsync(again)).Ok();
        var restored = (await RestoreAsync(queue, number)).Ok().GetProperty("restoreToQueue").GetProperty("application");
        Assert.Equal("QUEUED", restored.GetProperty("status").GetString());
        Assert.Equal("Queued", restored.GetProperty("state").GetString());
        Assert.Equal(2, restored.GetProperty("queueNumber").GetInt32());
        Assert.Equal(queuedAt, restored.GetProperty("queuedAt").GetString());
        Assert.Equal(3, (await queue.ApplicationAsync(queue.Numbers[2])).GetProperty("queueNumber").GetInt32());
        var entry = restored.GetProperty("history").EnumerateArray().Last();
        Assert.Equal("OperatorRestore", entry.GetProperty("action").GetString());
        Assert.Equal("Operator", entry.GetProperty("actorRole").GetString());
        Assert.Equal("WITHDRAWN", entry.GetProperty("fromStatus").GetString());
        Assert.Equal("Снято ошибочно: заявитель не подавал заявку", entry.GetProperty("reason").GetString());
        Assert.Contains("<name>restoreToQueue</name>", entry.GetProperty("signedXml").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, await Kezek.WithDbAsync(db => db.StaffActions.CountAsync(a => a.Action == "OperatorRestore")));
        Assert.NotEqual(0, await Kezek.WithDbAsync(db => db.Notifications.CountAsync(n => n.Template == "restored-to-queue")));

        // Live again: a second restore is refused.
        Assert.Equal("ACTION_NOT_AVAILABLE", (await RestoreAsync(queue, number)).ErrorCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class CorrectionsOnSqlite(SqliteKezek kezek) : CorrectionTests(kezek);

[Collection(PostgresCollection.Name)]
public sealed class CorrectionsOnPostgres(PostgresKezek kezek) : CorrectionTests(kezek);
