using System.Globalization;
using System.Text.Json;
using Kezek.IntegrationTests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Kezek.IntegrationTests.Applications;

/// <summary>
/// What a portal shows on the application's card (seeds 000, 002, 004): the end of the revoke window and the latest
/// extension, the last change, the applicant's address and additional contacts, attach's success message.
/// </summary>
public abstract class PortalFieldsTests(KezekFactory kezek) : KezekTest(kezek)
{
    private static DateTimeOffset At(JsonElement element, string name) =>
        DateTimeOffset.Parse(element.GetProperty(name).GetString()!, CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_direction_shows_its_revoke_window_and_latest_extension_and_the_application_its_last_change()
    {
        var queue = await new Queues(Kezek).WithChildrenAsync(1);
        var number = queue.Numbers[0];
        const string Card = "query($n: String!) { application(number: $n) { createdAt lastChangedAt directions { issuedAt expiresAt revokableUntil extendableUntil } } }";
        var registered = (await queue.Api.PostAsync(Card, new { n = number }, queue.Mother)).Ok().GetProperty("application");
        Assert.Equal(registered.GetProperty("createdAt").GetString(), registered.GetProperty("lastChangedAt").GetString());

        await queue.PublishAsync(1, mode: "FREE_CHOICE");
        await queue.AdvanceClockAsync(TimeSpan.FromHours(2));
        Queues.DirectionId(await queue.ChooseAsync(number, await queue.FreePlaceIdAsync(mode: "FREE_CHOICE")));
        var card = (await queue.Api.PostAsync(Card, new { n = number }, queue.Mother)).Ok().GetProperty("application");
        var direction = card.GetProperty("directions")[0];
        // Issued Tuesday 1 Sep 11:01 Almaty time: revocable for 24 hours, attend by the 5th working day, extend by up to 30 days.
        Assert.Equal(At(direction, "issuedAt").AddHours(24), At(direction, "revokableUntil"));
        Assert.Equal("2026-09-02T11:01:00+05:00", direction.GetProperty("revokableUntil").GetString());
        Assert.Equal("2026-09-09T00:00:00+05:00", direction.GetProperty("expiresAt").GetString());
        Assert.Equal(At(direction, "expiresAt").AddDays(30), At(direction, "extendableUntil"));
        Assert.Equal(direction.GetProperty("issuedAt").GetString(), card.GetProperty("lastChangedAt").GetString());
        Assert.True(At(card, "lastChangedAt") > At(card, "createdAt"));
    }

    [Fact]
    public async Task The_applicant_edits_the_address_and_additional_contacts_and_a_stranger_cannot()
    {
        var queue = await new Queues(Kezek).WithChildrenAsync(1);
        var number = queue.Numbers[0];
        const string Update = """
            mutation($i: ApplicantContactsInput!) { updateApplicantContacts(input: $i) {
              application { lastChangedAt applicant { address additionalPhone additionalEmail } history { action } } } }
            """;
        var input = new { applicationNumber = number, address = "Алматы, Самал-2, 58, кв. 12", additionalPhone = "8 701 765 43 21", additionalEmail = "dauren@example.kz" };

        var stranger = await queue.Api.SignInAsync(People.Stranger);
        Assert.Equal("APPLICATION_NOT_FOUND", (await queue.Api.PostAsync(Update, new { i = input }, stranger)).ErrorCode);
        Assert.Equal("APPLICATION_NOT_FOUND", (await queue.Api.PostAsync(Update, new { i = input }, queue.Operator)).ErrorCode);
        Assert.Equal("UNAUTHENTICATED", (await queue.Api.PostAsync(Update, new { i = input })).ErrorCode);
        Assert.Equal("INVALID_PHONE", (await queue.Api.PostAsync(Update, new { i = input with { additionalPhone = "12345" } }, queue.Mother)).ErrorCode);
        Assert.Equal("INVALID_EMAIL", (await queue.Api.PostAsync(Update, new { i = input with { additionalEmail = "not-an-email" } }, queue.Mother)).ErrorCode);
        var tooLong = await queue.Api.PostAsync(Update, new { i = input with { address = new string('а', 501) } }, queue.Mother, "ru");
        Assert.Equal("INVALID_INPUT", tooLong.ErrorCode);
        Assert.Contains("address", tooLong.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(0, await Kezek.WithDbAsync(db => db.Applications.CountAsync(a => a.Applicant.Address != null)));

        await queue.AdvanceClockAsync(TimeSpan.FromMinutes(5));
        var updated = (await queue.Api.PostAsync(Update, new { i = input }, queue.Mother)).Ok().GetProperty("updateApplicantContacts").GetProperty("application");
        var applicant = updated.GetProperty("applicant");
        Assert.Equal("Алматы, Самал-2, 58, кв. 12", applicant.GetProperty("address").GetString());
        Assert.Equal("+77017654321", applicant.GetProperty("additionalPhone").GetString());
        Assert.Equal("dauren@example.kz", applicant.GetProperty("additionalEmail").GetString());
        Assert.Equal("ContactsUpdated", updated.GetProperty("history").EnumerateArray().Last().GetProperty("action").GetString());
        Assert.Equal(Kezek.Clock.GetUtcNow(), At(updated, "lastChangedAt"));

        // An empty value clears one.
        var cleared = (await queue.Api.PostAsync(Update, new { i = input with { additionalEmail = "" } }, queue.Mother)).Ok()
            .GetProperty("updateApplicantContacts").GetProperty("application").GetProperty("applicant");
        Assert.Equal(JsonValueKind.Null, cleared.GetProperty("additionalEmail").ValueKind);
        Assert.Equal("+77017654321", cleared.GetProperty("additionalPhone").GetString());
    }

    [Fact]
    public async Task Public_statistics_count_notified_directions_enrolments_in_a_period_and_free_seats_per_kindergarten()
    {
        var queue = await new Queues(Kezek).WithChildrenAsync(4);
        await queue.PublishAsync(2);
        await queue.PublishAsync(1, mode: "FREE_CHOICE", kindergarten: Queues.OtherKindergartenId);
        var direction = Queues.DirectionId(await queue.ChooseAsync(queue.Numbers[0], await queue.FreePlaceIdAsync(mode: "QUEUE")));
        (await queue.EnrollAsync(direction)).Ok();

        const string Statistics = """
            query($y: Int, $from: Date, $to: Date) { statistics(region: "almaty", groupYear: $y) { total general
              byGroupYear { groupYear total general }
              activity(from: $from, to: $to) { notified directionsIssued enrolled expired freeSeats { kindergarten { id } freeSeats } } } }
            """;
        var day = (await queue.Api.PostAsync(Statistics, new { y = 2022, from = "2026-09-01", to = "2026-09-01" })).Ok().GetProperty("statistics");
        Assert.Equal(3, day.GetProperty("total").GetInt32());
        var activity = day.GetProperty("activity");
        Assert.Equal(1, activity.GetProperty("notified").GetInt32());
        Assert.Equal(1, activity.GetProperty("directionsIssued").GetInt32());
        Assert.Equal(1, activity.GetProperty("enrolled").GetInt32());
        Assert.Equal(0, activity.GetProperty("expired").GetInt32());
        var byYear = Assert.Single(day.GetProperty("byGroupYear").EnumerateArray());
        Assert.Equal((2022, 3, 3), (byYear.GetProperty("groupYear").GetInt32(), byYear.GetProperty("total").GetInt32(), byYear.GetProperty("general").GetInt32()));
        var seats = activity.GetProperty("freeSeats").EnumerateArray()
            .ToDictionary(s => s.GetProperty("kindergarten").GetProperty("id").GetString()!, s => s.GetProperty("freeSeats").GetInt32());
        Assert.Equal(1, seats[Queues.KindergartenId.ToString()]);
        Assert.Equal(1, seats[Queues.OtherKindergartenId.ToString()]);

        var later = (await queue.Api.PostAsync(Statistics, new { y = (int?)null, from = "2026-09-02", to = "9999-12-31" })).Ok()
            .GetProperty("statistics").GetProperty("activity");
        Assert.Equal(0, later.GetProperty("directionsIssued").GetInt32());
        Assert.Equal(0, later.GetProperty("enrolled").GetInt32());
        var open = (await queue.Api.PostAsync(Statistics, new { y = 2023 })).Ok().GetProperty("statistics").GetProperty("activity");
        Assert.Equal(0, open.GetProperty("notified").GetInt32());
        Assert.Equal(0, open.GetProperty("directionsIssued").GetInt32());
        Assert.Empty(open.GetProperty("freeSeats").EnumerateArray());
        Assert.Equal("UNKNOWN_REGION", (await queue.Api.PostAsync("{ statistics(region: \"nowhere\") { activity { notified } } }")).ErrorCode);

        // The second takes the other queue seat and lets its direction expire: counted on the day it expired.
        Queues.DirectionId(await queue.ChooseAsync(queue.Numbers[1], await queue.FreePlaceIdAsync(mode: "QUEUE")));
        await queue.AdvanceClockAsync(TimeSpan.FromDays(30));
        await queue.SweepAsync();
        var expired = (await queue.Api.PostAsync(Statistics, new { y = (int?)null, from = "2026-09-02", to = "9999-12-31" })).Ok()
            .GetProperty("statistics").GetProperty("activity");
        Assert.Equal(1, expired.GetProperty("expired").GetInt32());
        Assert.Equal(0, expired.GetProperty("enrolled").GetInt32());
    }

    [Theory]
    [InlineData("ru", "Родство подтвердилось, данные успешно обновлены.")]
    [InlineData("kk", "Туыстық расталды, деректер сәтті жаңартылды.")]
    public async Task Attaching_answers_that_the_kinship_was_confirmed_in_the_readers_language(string language, string message)
    {
        var api = Kezek.Api();
        await api.ImportCivilRegistryAsync(TestPeople.CivilRegistryCsv);
        var mother = await api.SignInAsync(People.Mother);
        var number = (await api.RegisterAsync(People.Mother, mother, GraphQLClient.RegistrationInput(TestPeople.ChildIin))).Ok()
            .GetProperty("registerApplication").GetProperty("application").GetProperty("number").GetString()!;
        var father = await api.SignInAsync(People.Father);
        const string Attach = "mutation { attachApplication(childIin: \"220315670018\") { message application { number } } }";
        var attached = (await api.PostAsync(Attach, token: father, language: language)).Ok().GetProperty("attachApplication");
        Assert.Equal(message, attached.GetProperty("message").GetString());
        Assert.Equal(number, attached.GetProperty("application").GetProperty("number").GetString());

        // The father, now attached, may edit the contacts too.
        var edited = (await api.PostAsync("mutation($n: String!) { updateApplicantContacts(input: {applicationNumber: $n, address: \"Астана\"}) { application { applicant { address } } } }",
            new { n = number }, father)).Ok();
        Assert.Equal("Астана", edited.GetProperty("updateApplicantContacts").GetProperty("application").GetProperty("applicant").GetProperty("address").GetString());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class PortalFieldsOnSqlite(SqliteKezek kezek) : PortalFieldsTests(kezek);

[Collection(PostgresCollection.Name)]
public sealed class PortalFieldsOnPostgres(PostgresKezek kezek) : PortalFieldsTests(kezek);
