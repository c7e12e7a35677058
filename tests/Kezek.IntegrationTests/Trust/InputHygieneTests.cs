using Kezek.Core.Iins;
using Kezek.IntegrationTests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Kezek.IntegrationTests.Trust;

/// <summary>
/// What people type is stored only as printable text: a reason, an address or a name with a control character or a
/// text-direction override (U+202E makes «…exe.txt» read «…txt.exe») is refused with the field named; the civil
/// registry refuses a birth after today and a person as their own parent, by line.
/// </summary>
public abstract class InputHygieneTests(KezekFactory kezek) : KezekTest(kezek)
{
    // Control characters cannot travel in a signed XML document at all (XML 1.0 forbids them); the address is not signed.
    public static TheoryData<string> Unprintable => ["Переезд \u202Eтxт.exe", "Пере\u200Bезд", "Переезд\u2066"];

    [Theory]
    [MemberData(nameof(Unprintable))]
    public async Task Reasons_and_addresses_refuse_control_and_direction_characters_and_nothing_is_written(string text)
    {
        var queue = await new Queues(Kezek).WithChildrenAsync(1);
        var history = await Kezek.WithDbAsync(db => db.HistoryEntries.CountAsync());

        var withdrawn = await queue.WithdrawAsync(queue.Numbers[0], text);
        var address = await queue.Api.PostAsync(
            "mutation($i: ApplicantContactsInput!) { updateApplicantContacts(input: $i) { application { number } } }",
            new { i = new { applicationNumber = queue.Numbers[0], address = "Алматы, " + text } }, queue.Mother, "kk");

        Assert.Equal("TEXT_CHARACTERS_INVALID", withdrawn.ErrorCode);
        Assert.Equal("TEXT_CHARACTERS_INVALID", address.ErrorCode);
        Assert.Contains("address", address.ErrorMessage, StringComparison.Ordinal);
        var control = await queue.Api.PostAsync(
            "mutation($i: ApplicantContactsInput!) { updateApplicantContacts(input: $i) { application { number } } }",
            new { i = new { applicationNumber = queue.Numbers[0], address = "Алматы,\u0007 Самал-2" } }, queue.Mother);
        Assert.Equal("TEXT_CHARACTERS_INVALID", control.ErrorCode);
        Assert.Equal(history, await Kezek.WithDbAsync(db => db.HistoryEntries.CountAsync()));
        Assert.Equal("QUEUED", (await queue.ApplicationAsync(queue.Numbers[0])).GetProperty("status").GetString());
        // A reason over several lines is ordinary text.
        (await queue.WithdrawAsync(queue.Numbers[0], "Переезд.\nВ другой город.")).Ok();
    }

    [Fact]
    public async Task A_NUL_character_is_bad_input_on_every_database_never_an_internal_error()
    {
        var response = await Kezek.Api().PostAsync("query($r: String!) { kindergartens(region: $r) { id } }", new { r = "x\u0000y" });

        // PostgreSQL cannot store a NUL in text; SQLite can, and finds no such region.
        Assert.Equal(Kezek.Provider == global::Kezek.Infrastructure.Persistence.DatabaseProvider.PostgreSql ? "TEXT_CHARACTERS_INVALID" : "UNKNOWN_REGION",
            response.ErrorCode);
    }

    [Theory]
    [InlineData("220315670018,АХМЕТОВА ӘЛИЯ,2022-03-15,220315670018,АХМЕТОВА ӘЛИЯ,MOTHER", "parentIin")]
    [InlineData("{future},БОЛАШАҚ БАЛА,2026-10-15,900514410214,АХМЕТОВА АЙГЕРІМ,MOTHER", "childBirthDate")]
    [InlineData("220315670018,=cmd|' /C calc'!A0,2022-03-15,900514410214,АХМЕТОВА АЙГЕРІМ,MOTHER", "childFullName")]
    [InlineData("220315670018,АХМЕТОВА \u202EӘЛИЯ,2022-03-15,900514410214,АХМЕТОВА АЙГЕРІМ,MOTHER", "childFullName")]
    [InlineData("220315670018,АХМЕТОВА ӘЛИЯ,2022-03-15,900514410214,АХМЕТОВА\u0000 АЙГЕРІМ,MOTHER", "parentFullName")]
    public async Task The_civil_registry_refuses_impossible_lines_by_number(string line, string field)
    {
        var api = Kezek.Api();
        var admin = await api.SignInAsync(People.Administrator);
        var csv = "childIin,childFullName,childBirthDate,parentIin,parentFullName,relation\n"
                  + "230701571020,АХМЕТОВ НҰРСҰЛТАН,2023-07-01,900514410214,АХМЕТОВА АЙГЕРІМ,MOTHER\n"
                  // Born after the test's today (2026-09-01): a valid IIN of a day to come.
                  + line.Replace("{future}", Iin.Create(new DateOnly(2026, 10, 15), Sex.Female, 1234).Value, StringComparison.Ordinal);

        var refused = await api.PostAsync("mutation($csv: String!) { importCivilRegistry(csv: $csv) { added } }", new { csv }, admin, "ru");

        Assert.Equal("CIVIL_REGISTRY_IMPORT_INVALID", refused.ErrorCode);
        Assert.Contains("строке 3", refused.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains(field, refused.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(0, await Kezek.WithDbAsync(db => db.CivilRegistryRecords.CountAsync()));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class InputHygieneOnSqlite(SqliteKezek kezek) : InputHygieneTests(kezek);

[Collection(PostgresCollection.Name)]
public sealed class InputHygieneOnPostgres(PostgresKezek kezek) : InputHygieneTests(kezek);
