using System.Text.Json;
using Kezek.Core.Applications;
using Kezek.Core.Notifications;
using Kezek.IntegrationTests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Kezek.IntegrationTests.Applications;

/// <summary>The foundation's story over GraphQL with real signatures: sign in, register, journal, attach, public search.</summary>
public abstract class RegistrationFlowTests(KezekFactory kezek) : KezekTest(kezek)
{
    [Fact]
    public async Task A_parent_registers_the_other_parent_attaches_and_the_public_finds_the_queue_number()
    {
        var api = Kezek.Api();
        await api.ImportCivilRegistryAsync(TestPeople.CivilRegistryCsv);

        // The mother signs in with her AUTH key and registers her child with her SIGN key.
        var mother = await api.SignInAsync(People.Mother);
        var registered = (await api.RegisterAsync(People.Mother, mother, GraphQLClient.RegistrationInput(TestPeople.ChildIin))).Ok()
            .GetProperty("registerApplication").GetProperty("application");

        var number = registered.GetProperty("number").GetString()!;
        Assert.Equal("ALM.2026.000001.1", number);
        Assert.Equal("QUEUED", registered.GetProperty("status").GetString());
        Assert.Equal(2022, registered.GetProperty("groupYear").GetInt32());
        Assert.Equal(1, registered.GetProperty("queueNumber").GetInt32());
        Assert.Equal(1, registered.GetProperty("benefitQueueNumber").GetInt32());
        Assert.Equal("2026-09-01T09:00:00+05:00", registered.GetProperty("createdAt").GetString());
        Assert.Equal(TestPeople.ChildName, registered.GetProperty("child").GetProperty("fullName").GetString());
        Assert.Equal("2022-03-15", registered.GetProperty("child").GetProperty("birthDate").GetString());
        Assert.Equal("+77011234567", registered.GetProperty("applicant").GetProperty("phone").GetString());
        var history = registered.GetProperty("history")[0];
        Assert.Equal("Registered", history.GetProperty("action").GetString());
        Assert.Equal(TestPeople.MotherIin, history.GetProperty("actorIin").GetString());
        Assert.Equal("QUEUED", history.GetProperty("toStatus").GetString());
        Assert.Contains("<name>registerApplication</name>", history.GetProperty("signedXml").GetString(), StringComparison.Ordinal);

        // The journal shows it to her, with its queue numbers.
        var journal = (await api.PostAsync("{ applications { totalCount nodes { number queueNumber status } } }", token: mother)).Ok();
        Assert.Equal(1, journal.GetProperty("applications").GetProperty("totalCount").GetInt32());
        Assert.Equal(number, journal.GetProperty("applications").GetProperty("nodes")[0].GetProperty("number").GetString());

        // The father does not see it until he attaches it to his IIN; the registry confirms the kinship.
        var father = await api.SignInAsync(People.Father);
        Assert.Equal(0, (await api.PostAsync("{ applications { totalCount } }", token: father)).Ok()
            .GetProperty("applications").GetProperty("totalCount").GetInt32());
        var attached = (await api.PostAsync("mutation($iin: String!) { attachApplication(childIin: $iin) { application { number parents { iin relation } history { action actorIin } } } }",
            new { iin = TestPeople.ChildIin }, father)).Ok().GetProperty("attachApplication").GetProperty("application");
        Assert.Equal(number, attached.GetProperty("number").GetString());
        Assert.Equal("FATHER", attached.GetProperty("parents")[0].GetProperty("relation").GetString());
        Assert.Equal("Attached", attached.GetProperty("history")[1].GetProperty("action").GetString());
        var fathersView = (await api.PostAsync("query($n: String!) { application(number: $n) { number queueNumber child { iin } } }",
            new { n = number }, father)).Ok();
        Assert.Equal(TestPeople.ChildIin, fathersView.GetProperty("application").GetProperty("child").GetProperty("iin").GetString());

        // Both parents hear of it in their cabinets; e-mail and SMS go to the applicant's contacts.
        var attachedNotes = await Kezek.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.Template == "attached").ToListAsync());
        Assert.Equal([TestPeople.FatherIin, TestPeople.MotherIin], attachedNotes.Where(n => n.Channel == Channel.Cabinet).Select(n => n.RecipientIin).Order());
        Assert.Equal(TestPeople.MotherIin, attachedNotes.Single(n => n.Channel == Channel.Email).RecipientIin);

        // Attaching twice says so.
        Assert.Equal("ALREADY_ATTACHED", (await api.PostAsync("mutation { attachApplication(childIin: \"220315670018\") { application { number } } }",
            token: father)).ErrorCode);

        // Anyone can look up the queue number, by IIN or by name and birth date, and sees nothing personal.
        foreach (var search in new[]
                 {
                     "{ queuePosition(region: \"almaty\", childIin: \"220315670018\") { applicationNumber childName queueNumber benefitQueueNumber groupYear } }",
                     "{ queuePosition(region: \"almaty\", childFullName: \"ахметова әлия дәуренқызы\", childBirthDate: \"2022-03-15\") { applicationNumber childName queueNumber benefitQueueNumber groupYear } }",
                 })
        {
            var found = await api.PostAsync(search);
            var position = found.Ok().GetProperty("queuePosition")[0];
            Assert.Equal(number, position.GetProperty("applicationNumber").GetString());
            Assert.Equal("А*** Ә*** Д***", position.GetProperty("childName").GetString());
            Assert.Equal(1, position.GetProperty("queueNumber").GetInt32());
            Assert.DoesNotContain("АХМЕТОВА", found.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(TestPeople.MotherIin, found.Text, StringComparison.Ordinal);
        }

        var statistics = (await api.PostAsync("{ statistics(region: \"almaty\", groupYear: 2022) { total general priority outOfTurn } }")).Ok();
        Assert.Equal(1, statistics.GetProperty("statistics").GetProperty("total").GetInt32());
        Assert.Equal(1, statistics.GetProperty("statistics").GetProperty("general").GetInt32());
    }

    [Fact]
    public async Task Queue_numbers_follow_benefit_order_and_registration_time()
    {
        var api = Kezek.Api();
        var children = Enumerable.Range(0, 4).Select(i => Core.Iins.Iin.Create(new DateOnly(2022, 1, 5).AddDays(i), Core.Iins.Sex.Male, 100 + i).Value).ToList();
        await api.ImportCivilRegistryAsync("childIin,childFullName,childBirthDate,parentIin,parentFullName,relation\n" + string.Join('\n',
            children.Select((c, i) => $"{c},РЕБЁНОК {i},{new DateOnly(2022, 1, 5).AddDays(i):yyyy-MM-dd},{TestPeople.MotherIin},АХМЕТОВА АЙГЕРІМ,MOTHER")));
        var mother = await api.SignInAsync(People.Mother);
        foreach (var child in children)
        {
            (await api.RegisterAsync(People.Mother, mother, GraphQLClient.RegistrationInput(child))).Ok();
            Kezek.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        // An operator's confirmation of a benefit is a later capability; here the rank is set as it would set it.
        await Kezek.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE \"Applications\" SET \"Benefit\" = 'Priority', \"QueueRank\" = 1 WHERE \"ChildIin\" = {0}", children[2]));

        var numbers = new List<(int Queue, int Benefit)>();
        foreach (var child in children)
        {
            var position = (await api.PostAsync("query($iin: String!) { queuePosition(region: \"almaty\", childIin: $iin) { queueNumber benefitQueueNumber } }",
                new { iin = child })).Ok().GetProperty("queuePosition")[0];
            numbers.Add((position.GetProperty("queueNumber").GetInt32(), position.GetProperty("benefitQueueNumber").GetInt32()));
        }

        Assert.Equal([(2, 1), (3, 2), (1, 1), (4, 3)], numbers);
    }

    [Fact]
    public async Task A_child_is_queued_once_per_region_and_numbers_run_on()
    {
        var api = Kezek.Api();
        await api.ImportCivilRegistryAsync(TestPeople.CivilRegistryCsv);
        var mother = await api.SignInAsync(People.Mother);

        (await api.RegisterAsync(People.Mother, mother, GraphQLClient.RegistrationInput(TestPeople.ChildIin))).Ok();
        var again = await api.RegisterAsync(People.Mother, mother, GraphQLClient.RegistrationInput(TestPeople.ChildIin));
        var otherRegion = (await api.RegisterAsync(People.Mother, mother, GraphQLClient.RegistrationInput(TestPeople.ChildIin, region: "astana"))).Ok();
        var second = (await api.RegisterAsync(People.Mother, mother, GraphQLClient.RegistrationInput(TestPeople.SecondChildIin))).Ok();

        Assert.Equal("DUPLICATE_APPLICATION", again.ErrorCode);
        Assert.Equal(JsonValueKind.Null, again.Data.ValueKind);
        Assert.Equal("AST.2026.000001.1", otherRegion.GetProperty("registerApplication").GetProperty("application").GetProperty("number").GetString());
        Assert.Equal("ALM.2026.000002.1", second.GetProperty("registerApplication").GetProperty("application").GetProperty("number").GetString());
        Assert.Equal(3, await Kezek.WithDbAsync(db => db.Applications.CountAsync()));
    }

    [Fact]
    public async Task Regions_that_share_a_number_prefix_never_hand_out_the_same_number()
    {
        // Aktobe and a new region both run the default rule set, so both number with its prefix ("UO").
        await Kezek.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "INSERT INTO \"Regions\" (\"Code\", \"NameRu\", \"NameKk\", \"NameEn\", \"TurnSequence\") VALUES ('kostanay', 'г. Костанай', 'Қостанай қ.', 'Kostanay', 0)"));
        try
        {
            await RegisterInTwoRegionsAsync();
        }
        finally
        {
            // The region table outlives each test's data: leave it as the migrations made it.
            await Kezek.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM \"Regions\" WHERE \"Code\" = 'kostanay'"));
        }
    }

    private async Task RegisterInTwoRegionsAsync()
    {
        var api = Kezek.Api();
        await api.ImportCivilRegistryAsync(TestPeople.CivilRegistryCsv);
        var mother = await api.SignInAsync(People.Mother);

        string NumberOf(GraphQLResponse response) =>
            response.Ok().GetProperty("registerApplication").GetProperty("application").GetProperty("number").GetString()!;
        var inAktobe = NumberOf(await api.RegisterAsync(People.Mother, mother, GraphQLClient.RegistrationInput(TestPeople.ChildIin, region: "aktobe")));
        var inKostanay = NumberOf(await api.RegisterAsync(People.Mother, mother, GraphQLClient.RegistrationInput(TestPeople.ChildIin, region: "kostanay")));
        var secondInKostanay = NumberOf(await api.RegisterAsync(People.Mother, mother, GraphQLClient.RegistrationInput(TestPeople.SecondChildIin, region: "kostanay")));
        var secondInAktobe = NumberOf(await api.RegisterAsync(People.Mother, mother, GraphQLClient.RegistrationInput(TestPeople.SecondChildIin, region: "aktobe")));

        Assert.Equal(["UO.2026.000001.1", "UO.2026.000002.1", "UO.2026.000003.1", "UO.2026.000004.1"], [inAktobe, inKostanay, secondInKostanay, secondInAktobe]);
    }

    [Theory]
    [InlineData("220315670019", "INVALID_IIN")]
    [InlineData("220820672038", "NOT_LEGAL_REPRESENTATIVE")]
    [InlineData("210101500015", "NOT_LEGAL_REPRESENTATIVE")] // no such child: the same answer, nothing learned
    public async Task Registration_refuses_a_child_the_registry_does_not_link_to_the_signer(string childIin, string code)
    {
        var api = Kezek.Api();
        await api.ImportCivilRegistryAsync(TestPeople.CivilRegistryCsv);
        var mother = await api.SignInAsync(People.Mother);

        var response = await api.RegisterAsync(People.Mother, mother, GraphQLClient.RegistrationInput(childIin));

        Assert.Equal(code, response.ErrorCode);
        Assert.Equal(0, await Kezek.WithDbAsync(db => db.Applications.CountAsync()));
    }

    [Fact]
    public async Task Only_children_younger_than_school_age_are_queued()
    {
        // A child not yet born never reaches the registry (the import refuses a birth after today: InputHygieneTests).
        var api = Kezek.Api();
        var schoolChild = Core.Iins.Iin.Create(new DateOnly(2019, 8, 31), Core.Iins.Sex.Male, 1).Value;
        var youngest = Core.Iins.Iin.Create(new DateOnly(2026, 9, 1), Core.Iins.Sex.Male, 1).Value;
        await api.ImportCivilRegistryAsync("childIin,childFullName,childBirthDate,parentIin,parentFullName,relation\n"
            + $"{schoolChild},ШКОЛЬНИК,2019-08-31,{TestPeople.MotherIin},АХМЕТОВА АЙГЕРІМ,MOTHER\n"
            + $"{youngest},НОВОРОЖДЁННЫЙ,2026-09-01,{TestPeople.MotherIin},АХМЕТОВА АЙГЕРІМ,MOTHER");
        var mother = await api.SignInAsync(People.Mother);

        Assert.Equal("CHILD_AGE_OUT_OF_RANGE", (await api.RegisterAsync(People.Mother, mother, GraphQLClient.RegistrationInput(schoolChild))).ErrorCode);
        (await api.RegisterAsync(People.Mother, mother, GraphQLClient.RegistrationInput(youngest))).Ok();
    }

    [Fact]
    public async Task A_refused_registration_keeps_its_nonce_so_the_parent_can_correct_and_sign_again()
    {
        var api = Kezek.Api();
        await api.ImportCivilRegistryAsync(TestPeople.CivilRegistryCsv);
        var mother = await api.SignInAsync(People.Mother);
        var nonce = await api.NonceAsync(mother);
        var wrong = GraphQLClient.RegistrationInput(TestPeople.ChildIin, phone: "12345");
        var right = GraphQLClient.RegistrationInput(TestPeople.ChildIin);

        var refused = await api.RegisterAsync(mother, wrong, GraphQLClient.Sign(People.Mother, "registerApplication", nonce, wrong));
        var accepted = await api.RegisterAsync(mother, right, GraphQLClient.Sign(People.Mother, "registerApplication", nonce, right));

        Assert.Equal("INVALID_PHONE", refused.ErrorCode);
        accepted.Ok();
        Assert.Equal("NONCE_INVALID", (await api.RegisterAsync(mother, right, GraphQLClient.Sign(People.Mother, "registerApplication", nonce, right))).ErrorCode);
    }

    [Theory]
    [InlineData("email", "not-an-email", "INVALID_EMAIL")]
    [InlineData("phone", "12345", "INVALID_PHONE")]
    [InlineData("region", "taraz", "UNKNOWN_REGION")]
    public async Task Registration_refuses_bad_contact_data_and_writes_nothing(string field, string value, string code)
    {
        var api = Kezek.Api();
        await api.ImportCivilRegistryAsync(TestPeople.CivilRegistryCsv);
        var mother = await api.SignInAsync(People.Mother);
        var input = GraphQLClient.RegistrationInput(TestPeople.ChildIin);
        input[field] = value;

        var response = await api.RegisterAsync(People.Mother, mother, input);

        Assert.Equal(code, response.ErrorCode);
        Assert.Equal(0, await Kezek.WithDbAsync(db => db.Applications.CountAsync()));
        Assert.Equal(0, await Kezek.WithDbAsync(db => db.NumberSequences.CountAsync()));
    }

    [Fact]
    public async Task Concurrent_attachments_by_the_same_parent_attach_once()
    {
        var api = Kezek.Api();
        await api.ImportCivilRegistryAsync(TestPeople.CivilRegistryCsv);
        var mother = await api.SignInAsync(People.Mother);
        (await api.RegisterAsync(People.Mother, mother, GraphQLClient.RegistrationInput(TestPeople.ChildIin))).Ok();
        var father = await api.SignInAsync(People.Father);

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Kezek.Api().PostAsync(
            "mutation { attachApplication(childIin: \"220315670018\") { application { number } } }", token: father)));

        Assert.Single(results, r => !r.HasErrors);
        Assert.All(results.Where(r => r.HasErrors), r => Assert.Equal("ALREADY_ATTACHED", r.ErrorCode));
        Assert.Equal(1, await Kezek.WithDbAsync(db => db.ApplicationParents.CountAsync()));
        Assert.Equal(2, await Kezek.WithDbAsync(db => db.HistoryEntries.CountAsync()));
    }

    [Fact]
    public async Task Concurrent_registrations_of_one_child_queue_it_once_and_of_many_children_number_them_without_gaps()
    {
        var api = Kezek.Api();
        var children = Enumerable.Range(0, 24).Select(i => Core.Iins.Iin.Create(new DateOnly(2021, 2, 1).AddDays(i), Core.Iins.Sex.Female, 300 + i).Value).ToList();
        await api.ImportCivilRegistryAsync(TestPeople.CivilRegistryCsv + "\n" + string.Join('\n',
            children.Select((c, i) => $"{c},РЕБЁНОК {i},{new DateOnly(2021, 2, 1).AddDays(i):yyyy-MM-dd},{TestPeople.MotherIin},АХМЕТОВА АЙГЕРІМ,MOTHER")));
        var mother = await api.SignInAsync(People.Mother);

        // Sign everything first so that the requests themselves race.
        async Task<(IReadOnlyDictionary<string, string> Input, string Signed)> Prepare(string child)
        {
            var input = GraphQLClient.RegistrationInput(child);
            return (input, GraphQLClient.Sign(People.Mother, "registerApplication", await api.NonceAsync(mother), input));
        }

        var sameChild = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Prepare(TestPeople.ChildIin)));
        var sameResults = await Task.WhenAll(sameChild.Select(p => Kezek.Api().RegisterAsync(mother, p.Input, p.Signed)));
        Assert.Single(sameResults, r => !r.HasErrors);
        Assert.All(sameResults.Where(r => r.HasErrors), r => Assert.Equal("DUPLICATE_APPLICATION", r.ErrorCode));

        var manyChildren = await Task.WhenAll(children.Select(Prepare));
        var manyResults = await Task.WhenAll(manyChildren.Select(p => Kezek.Api().RegisterAsync(mother, p.Input, p.Signed)));
        Assert.All(manyResults, r => Assert.False(r.HasErrors, r.Text));
        var sequences = manyResults.Select(r => ApplicationNumber.Parse(r.Data.GetProperty("registerApplication")
            .GetProperty("application").GetProperty("number").GetString()).Value.Sequence).Order().ToList();
        Assert.Equal(Enumerable.Range(2, children.Count), sequences);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class RegistrationFlowOnSqlite(SqliteKezek kezek) : RegistrationFlowTests(kezek);

[Collection(PostgresCollection.Name)]
public sealed class RegistrationFlowOnPostgres(PostgresKezek kezek) : RegistrationFlowTests(kezek);
