using System.Text.Json;
using Kezek.Core.Regions;
using Kezek.Identity.Signatures;
using Kezek.IntegrationTests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kezek.IntegrationTests.Identity;

/// <summary>Another family can neither read nor act on an application; staff see what their role and scope allow.</summary>
public abstract class AccessTests(KezekFactory kezek) : KezekTest(kezek)
{
    private const string ApplicationQuery = "query($n: String!) { application(number: $n) { number child { iin fullName } applicant { iin } history { signedXml } } }";

    private async Task<(GraphQLClient Api, string Number)> RegisteredAsync()
    {
        var api = Kezek.Api();
        await api.ImportCivilRegistryAsync(TestPeople.CivilRegistryCsv);
        var mother = await api.SignInAsync(People.Mother);
        var number = (await api.RegisterAsync(People.Mother, mother, GraphQLClient.RegistrationInput(TestPeople.ChildIin))).Ok()
            .GetProperty("registerApplication").GetProperty("application").GetProperty("number").GetString()!;
        return (api, number);
    }

    [Fact]
    public async Task Another_family_cannot_read_or_attach_the_application()
    {
        var (api, number) = await RegisteredAsync();
        var stranger = await api.SignInAsync(People.Stranger);

        var byNumber = await api.PostAsync(ApplicationQuery, new { n = number }, stranger);
        Assert.Equal(JsonValueKind.Null, byNumber.Ok().GetProperty("application").ValueKind);

        foreach (var filter in new object[] { new { number }, new { childIin = TestPeople.ChildIin }, new { childName = "ахметова" } })
        {
            var journal = (await api.PostAsync("query($f: ApplicationFilter) { applications(filter: $f) { totalCount nodes { number } } }",
                new { f = filter }, stranger)).Ok();
            Assert.Equal(0, journal.GetProperty("applications").GetProperty("totalCount").GetInt32());
        }

        var attach = await api.PostAsync("mutation($iin: String!) { attachApplication(childIin: $iin) { application { number child { fullName } } } }",
            new { iin = TestPeople.ChildIin }, stranger);
        Assert.Equal("NOT_LEGAL_REPRESENTATIVE", attach.ErrorCode);
        Assert.DoesNotContain("ӘЛИЯ", attach.Text, StringComparison.Ordinal);
        Assert.Equal(0, await Kezek.WithDbAsync(db => db.ApplicationParents.CountAsync()));
    }

    [Fact]
    public async Task An_attached_parent_whose_rights_ended_in_the_civil_registry_loses_access()
    {
        var (api, number) = await RegisteredAsync();
        var father = await api.SignInAsync(People.Father);
        (await api.PostAsync("mutation { attachApplication(childIin: \"220315670018\") { application { number } } }", token: father)).Ok();
        var admin = await api.SignInAsync(People.Administrator);
        var withoutFather = string.Join('\n', TestPeople.CivilRegistryCsv.Split('\n').Where(line => !line.Contains(TestPeople.FatherIin, StringComparison.Ordinal)));

        var imported = (await api.PostAsync("mutation($csv: String!) { importCivilRegistry(csv: $csv) { added updated removed detached } }",
            new { csv = withoutFather }, admin)).Ok().GetProperty("importCivilRegistry");

        Assert.Equal(1, imported.GetProperty("removed").GetInt32());
        Assert.Equal(1, imported.GetProperty("detached").GetInt32());
        Assert.Equal(JsonValueKind.Null, (await api.PostAsync(ApplicationQuery, new { n = number }, father)).Ok().GetProperty("application").ValueKind);
        var mother = await api.SignInAsync(People.Mother);
        var history = (await api.PostAsync("query($n: String!) { application(number: $n) { parents { iin } history { action actorRole reason } } }",
            new { n = number }, mother)).Ok().GetProperty("application");
        Assert.Equal(0, history.GetProperty("parents").GetArrayLength());
        var last = history.GetProperty("history").EnumerateArray().Last();
        Assert.Equal("Detached", last.GetProperty("action").GetString());
        Assert.Equal("Administrator", last.GetProperty("actorRole").GetString());
        Assert.Equal("NOT_LEGAL_REPRESENTATIVE", (await api.PostAsync("mutation { attachApplication(childIin: \"220315670018\") { application { number } } }",
            token: father)).ErrorCode);
    }

    [Fact]
    public async Task Anonymous_callers_get_only_the_public_fields()
    {
        var (api, number) = await RegisteredAsync();

        Assert.Equal("UNAUTHENTICATED", (await api.PostAsync(ApplicationQuery, new { n = number })).ErrorCode);
        Assert.Equal("UNAUTHENTICATED", (await api.PostAsync("{ applications { totalCount } }")).ErrorCode);
        Assert.Equal("UNAUTHENTICATED", (await api.PostAsync("mutation { attachApplication(childIin: \"220315670018\") { application { number } } }")).ErrorCode);
        Assert.Equal(JsonValueKind.Null, (await api.PostAsync("{ me { iin } }")).Ok().GetProperty("me").ValueKind);
        // A public field beside a private one does not open the private one.
        var mixed = await api.PostAsync("query($n: String!) { regions { code } application(number: $n) { number } }", new { n = number });
        Assert.Equal("UNAUTHENTICATED", mixed.ErrorCode);
        Assert.False(mixed.Json.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object);
    }

    [Fact]
    public async Task A_token_stops_working_when_its_session_ends()
    {
        var api = Kezek.Api();
        var token = await api.SignInAsync(People.Mother);
        Assert.Equal(TestPeople.MotherIin, (await api.PostAsync("{ me { iin } }", token: token)).Ok().GetProperty("me").GetProperty("iin").GetString());

        Kezek.Clock.Advance(TimeSpan.FromHours(8) + TimeSpan.FromMinutes(1));

        Assert.Equal(JsonValueKind.Null, (await api.PostAsync("{ me { iin } }", token: token)).Ok().GetProperty("me").ValueKind);
        Assert.Equal("UNAUTHENTICATED", (await api.PostAsync("{ applications { totalCount } }", token: token)).ErrorCode);
    }

    [Fact]
    public async Task Signing_out_ends_the_session_at_once()
    {
        var api = Kezek.Api();
        var token = await api.SignInAsync(People.Mother);

        Assert.True((await api.PostAsync("mutation { signOut }", token: token)).Ok().GetProperty("signOut").GetBoolean());
        Assert.Equal("UNAUTHENTICATED", (await api.PostAsync("mutation { signOut }", token: token)).ErrorCode);
        Assert.Equal(0, await Kezek.WithDbAsync(db => db.Sessions.CountAsync()));
    }

    [Fact]
    public async Task A_person_signs_out_everywhere_and_an_administrator_ends_a_lost_keys_sessions_with_a_reason()
    {
        var api = Kezek.Api();
        var phone = await api.SignInAsync(People.Mother);
        var laptop = await api.SignInAsync(People.Mother);
        var father = await api.SignInAsync(People.Father);

        Assert.Equal(2, (await api.PostAsync("mutation { signOutEverywhere }", token: laptop)).Ok().GetProperty("signOutEverywhere").GetInt32());
        Assert.Equal("UNAUTHENTICATED", (await api.PostAsync("mutation { signOut }", token: phone)).ErrorCode);
        Assert.Equal(TestPeople.FatherIin, (await api.PostAsync("{ me { iin } }", token: father)).Ok().GetProperty("me").GetProperty("iin").GetString());

        var admin = await api.SignInAsync(People.Administrator);
        const string End = "mutation($iin: String!, $reason: String!) { endSessions(iin: $iin, reason: $reason) }";
        Assert.Equal("FORBIDDEN", (await api.PostAsync(End, new { iin = TestPeople.FatherIin, reason = "Ключ утерян" }, father)).ErrorCode);
        Assert.Equal("REASON_REQUIRED", (await api.PostAsync(End, new { iin = TestPeople.FatherIin, reason = " " }, admin)).ErrorCode);
        Assert.Equal("INVALID_IIN", (await api.PostAsync(End, new { iin = "123", reason = "Ключ утерян" }, admin)).ErrorCode);
        Assert.Equal(1, (await api.PostAsync(End, new { iin = TestPeople.FatherIin, reason = "Ключ утерян, обращение № 17" }, admin)).Ok()
            .GetProperty("endSessions").GetInt32());
        Assert.Equal("UNAUTHENTICATED", (await api.PostAsync("mutation { signOut }", token: father)).ErrorCode);
        Assert.Equal(1, await Kezek.WithDbAsync(db => db.StaffActions.CountAsync(a => a.Action == "EndSessions" && a.Details.Contains("обращение № 17"))));
    }

    [Fact]
    public async Task Expired_nonces_are_deleted_at_once_and_sessions_a_day_later()
    {
        var api = Kezek.Api();
        await api.SignInAsync(People.Mother);
        await api.NonceAsync();
        var cleanup = Kezek.Services.GetRequiredService<Kezek.Identity.Sessions.ExpiredCredentials>();

        Assert.Equal(0, await cleanup.DeleteAsync(CancellationToken.None));
        Kezek.Clock.Advance(TimeSpan.FromMinutes(6));
        // The login nonce was spent and the other one has expired: both go within minutes; the session stays.
        Assert.Equal(2, await cleanup.DeleteAsync(CancellationToken.None));
        Assert.Equal(0, await Kezek.WithDbAsync(db => db.Nonces.CountAsync()));
        Assert.Equal(1, await Kezek.WithDbAsync(db => db.Sessions.CountAsync()));
        Kezek.Clock.Advance(TimeSpan.FromHours(8) + TimeSpan.FromDays(1));
        Assert.Equal(1, await cleanup.DeleteAsync(CancellationToken.None));
        Assert.Equal(0, await Kezek.WithDbAsync(db => db.Sessions.CountAsync()));
    }

    [Fact]
    public async Task Operators_see_their_region_only_and_roles_come_from_an_administrator()
    {
        var (api, number) = await RegisteredAsync();
        var admin = await api.SignInAsync(People.Administrator);
        var mother = await api.SignInAsync(People.Mother);

        // Only an administrator grants roles.
        Assert.Equal("FORBIDDEN", (await api.PostAsync("mutation { grantRole(iin: \"850630441203\", role: OPERATOR, region: \"almaty\") { id } }", token: mother)).ErrorCode);
        Assert.Equal("ROLE_SCOPE_INVALID", (await api.PostAsync("mutation { grantRole(iin: \"850630441203\", role: OPERATOR) { id } }", token: admin)).ErrorCode);
        Assert.Equal("ROLE_SCOPE_INVALID", (await api.PostAsync("mutation { grantRole(iin: \"850630441203\", role: KINDERGARTEN_STAFF, bin: \"12\") { id } }", token: admin)).ErrorCode);
        var grant = (await api.PostAsync("mutation { grantRole(iin: \"850630441203\", role: OPERATOR, region: \"almaty\") { id role region } }", token: admin)).Ok();
        (await api.PostAsync("mutation { grantRole(iin: \"870404460016\", role: OPERATOR, region: \"astana\") { id } }", token: admin)).Ok();

        var almatyOperator = await api.SignInAsync(People.Operator);
        var astanaOperator = await api.SignInAsync(People.AstanaOperator);
        Assert.Equal(number, (await api.PostAsync(ApplicationQuery, new { n = number }, almatyOperator)).Ok()
            .GetProperty("application").GetProperty("number").GetString());
        Assert.Equal(JsonValueKind.Null, (await api.PostAsync(ApplicationQuery, new { n = number }, astanaOperator)).Ok()
            .GetProperty("application").ValueKind);
        Assert.Equal(1, (await api.PostAsync("{ applications { totalCount } }", token: admin)).Ok()
            .GetProperty("applications").GetProperty("totalCount").GetInt32());

        // Revoking the role takes effect at once, and both staff actions are on record, with the operator's reads (issue 15).
        var grantId = grant.GetProperty("grantRole").GetProperty("id").GetString();
        (await api.PostAsync("mutation($id: ID!) { revokeRole(grantId: $id) { revokedAt } }", new { id = grantId }, admin)).Ok();
        Assert.Equal(JsonValueKind.Null, (await api.PostAsync(ApplicationQuery, new { n = number }, almatyOperator)).Ok()
            .GetProperty("application").ValueKind);
        var actions = await Kezek.WithDbAsync(db => db.StaffActions.OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal(["ImportCivilRegistry", "GrantRole", "GrantRole", "ReadApplication", "ReadJournal", "RevokeRole"], actions);
    }

    [Fact]
    public async Task A_kindergarten_role_counts_only_with_a_certificate_of_that_organisation()
    {
        var api = Kezek.Api();
        var admin = await api.SignInAsync(People.Administrator);
        Assert.Equal("UNKNOWN_KINDERGARTEN", (await api.PostAsync(
            "mutation { grantRole(iin: \"850630441203\", role: KINDERGARTEN_STAFF, bin: \"160140012345\") { id } }", token: admin)).ErrorCode);
        await Kezek.WithDbAsync(db =>
        {
            db.Kindergartens.Add(new Kindergarten(Guid.NewGuid(), "almaty", "160140012345", "Ясли-сад № 1", "№ 1 бөбекжай", "Алматы", "kk,ru", Ownership.State));
            return db.SaveChangesAsync();
        });
        (await api.PostAsync("mutation { grantRole(iin: \"850630441203\", role: KINDERGARTEN_STAFF, bin: \"160140012345\") { id } }", token: admin)).Ok();
        var employee = People.Operator.Person with { Bin = "160140012345", Organization = "ЯСЛИ-САД № 1" };
        using var employeeKey = Kezek.Authority.IssueAuthentication(employee, KezekFactory.Start.AddDays(-1), KezekFactory.Start.AddYears(1));

        var personal = (await api.SignInAsync(XmlSigner.Sign(ActionDocument.Login(await api.NonceAsync()), People.Operator.Auth))).Ok();
        var asEmployee = (await api.SignInAsync(XmlSigner.Sign(ActionDocument.Login(await api.NonceAsync()), employeeKey))).Ok();

        static List<string?> Roles(JsonElement signIn) => signIn.GetProperty("signIn").GetProperty("viewer").GetProperty("roles")
            .EnumerateArray().Select(r => r.GetProperty("role").GetString()).ToList();
        Assert.Equal(["APPLICANT"], Roles(personal));
        // With the organisation's certificate she acts as staff, not as a parent.
        Assert.Equal(["KINDERGARTEN_STAFF"], Roles(asEmployee));
        Assert.Equal("160140012345", asEmployee.GetProperty("signIn").GetProperty("viewer").GetProperty("bin").GetString());
    }

    [Fact]
    public async Task Only_administrators_import_the_civil_registry_and_a_bad_file_changes_nothing()
    {
        var api = Kezek.Api();
        var mother = await api.SignInAsync(People.Mother);
        var admin = await api.SignInAsync(People.Administrator);
        const string Mutation = "mutation($csv: String!) { importCivilRegistry(csv: $csv) { added updated } }";

        Assert.Equal("FORBIDDEN", (await api.PostAsync(Mutation, new { csv = TestPeople.CivilRegistryCsv }, mother)).ErrorCode);

        var bad = TestPeople.CivilRegistryCsv + "\n220315670018,X,2022-03-16,900514410214,Y,MOTHER";
        var refused = await api.PostAsync(Mutation, new { csv = bad }, admin, "ru");
        Assert.Equal("CIVIL_REGISTRY_IMPORT_INVALID", refused.ErrorCode);
        Assert.Contains("строке 6", refused.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(0, await Kezek.WithDbAsync(db => db.CivilRegistryRecords.CountAsync()));

        var imported = (await api.PostAsync(Mutation, new { csv = TestPeople.CivilRegistryCsv }, admin)).Ok().GetProperty("importCivilRegistry");
        Assert.Equal(4, imported.GetProperty("added").GetInt32());
        var again = (await api.PostAsync(Mutation, new { csv = TestPeople.CivilRegistryCsv }, admin)).Ok().GetProperty("importCivilRegistry");
        Assert.Equal(4, again.GetProperty("updated").GetInt32());
        Assert.Equal(4, await Kezek.WithDbAsync(db => db.CivilRegistryRecords.CountAsync()));
    }

    [Fact]
    public async Task Personal_data_never_reaches_the_logs()
    {
        Kezek.Logs.Lines.Clear();
        var (api, number) = await RegisteredAsync();
        var stranger = await api.SignInAsync(People.Stranger);
        await api.PostAsync(ApplicationQuery, new { n = number }, stranger);
        await api.Http.GetAsync($"/graphql?query={Uri.EscapeDataString("{ queuePosition(region: \"almaty\", childIin: \"220315670018\") { queueNumber } }")}");
        await api.PostAsync("mutation { attachApplication(childIin: \"220315670018\") { application { number } } }", token: stranger);
        var tampered = XmlSigner.Sign(ActionDocument.Login(await api.NonceAsync()), People.Stranger.Auth);
        await api.SignInAsync(tampered.Replace("<nonce>", "<nonce>x", StringComparison.Ordinal));

        Assert.Contains(Kezek.Logs.Lines, line => line.Contains("Signature refused", StringComparison.Ordinal));
        Assert.Contains(Kezek.Logs.Lines, line => line.Contains("SELECT", StringComparison.Ordinal));
        foreach (var secret in new[] { TestPeople.ChildIin, TestPeople.MotherIin, TestPeople.StrangerIin, "АХМЕТОВА", "ӘЛИЯ" })
            Assert.DoesNotContain(Kezek.Logs.Lines, line => line.Contains(secret, StringComparison.Ordinal));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AccessOnSqlite(SqliteKezek kezek) : AccessTests(kezek);

[Collection(PostgresCollection.Name)]
public sealed class AccessOnPostgres(PostgresKezek kezek) : AccessTests(kezek);
