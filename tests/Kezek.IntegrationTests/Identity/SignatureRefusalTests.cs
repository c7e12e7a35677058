using System.Security.Cryptography.Xml;
using System.Xml;
using Kezek.Identity.Demo;
using Kezek.Identity.Signatures;
using Kezek.IntegrationTests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Kezek.IntegrationTests.Identity;

/// <summary>Every signature check fails closed, over HTTP, and a refused request writes nothing.</summary>
public abstract class SignatureRefusalTests(KezekFactory kezek) : KezekTest(kezek)
{
    private async Task<(GraphQLClient Api, string Mother)> PrepareAsync()
    {
        var api = Kezek.Api();
        await api.ImportCivilRegistryAsync(TestPeople.CivilRegistryCsv);
        return (api, await api.SignInAsync(People.Mother));
    }

    private Task<int> ApplicationCountAsync() => Kezek.WithDbAsync(db => db.Applications.CountAsync());

    [Fact]
    public async Task A_replayed_login_is_refused()
    {
        var api = Kezek.Api();
        var signed = XmlSigner.Sign(ActionDocument.Login(await api.NonceAsync()), People.Mother.Auth);

        Assert.False((await api.SignInAsync(signed)).HasErrors);
        Assert.Equal("NONCE_INVALID", (await api.SignInAsync(signed)).ErrorCode);
    }

    [Fact]
    public async Task A_replayed_action_is_refused_and_registers_nothing_twice()
    {
        var (api, mother) = await PrepareAsync();
        var input = GraphQLClient.RegistrationInput(TestPeople.ChildIin);
        var signed = GraphQLClient.Sign(People.Mother, "registerApplication", await api.NonceAsync(mother), input);

        Assert.False((await api.RegisterAsync(mother, input, signed)).HasErrors);
        Kezek.Clock.Advance(TimeSpan.FromSeconds(5));
        var replay = await api.RegisterAsync(mother, GraphQLClient.RegistrationInput(TestPeople.ChildIin, region: "astana"), signed);

        Assert.Equal("ACTION_MISMATCH", replay.ErrorCode);
        Assert.Equal("NONCE_INVALID", (await api.RegisterAsync(mother, input, signed)).ErrorCode);
        Assert.Equal(1, await ApplicationCountAsync());
    }

    [Fact]
    public async Task An_action_signed_by_someone_else_is_refused()
    {
        var (api, mother) = await PrepareAsync();
        var input = GraphQLClient.RegistrationInput(TestPeople.ChildIin);
        var signedByStranger = GraphQLClient.Sign(People.Stranger, "registerApplication", await api.NonceAsync(mother), input);

        Assert.Equal("SIGNER_MISMATCH", (await api.RegisterAsync(mother, input, signedByStranger)).ErrorCode);
        Assert.Equal(0, await ApplicationCountAsync());
    }

    [Fact]
    public async Task A_signed_document_that_differs_from_the_input_is_refused()
    {
        var (api, mother) = await PrepareAsync();
        var input = GraphQLClient.RegistrationInput(TestPeople.ChildIin);
        var otherChild = GraphQLClient.RegistrationInput(TestPeople.SecondChildIin);
        var withExtra = new Dictionary<string, string>(input) { ["comment"] = "x" };
        var withoutPhone = new Dictionary<string, string>(input);
        withoutPhone.Remove("phone");

        foreach (var (name, fields) in new[]
                 {
                     ("registerApplication", (IReadOnlyDictionary<string, string>)otherChild),
                     ("registerApplication", withExtra),
                     ("registerApplication", withoutPhone),
                     ("withdrawApplication", input),
                 })
        {
            var signed = GraphQLClient.Sign(People.Mother, name, await api.NonceAsync(mother), fields);
            Assert.Equal("ACTION_MISMATCH", (await api.RegisterAsync(mother, input, signed)).ErrorCode);
        }

        Assert.Equal(0, await ApplicationCountAsync());
    }

    [Fact]
    public async Task Nonces_are_bound_to_their_purpose_their_person_and_their_lifetime()
    {
        var (api, mother) = await PrepareAsync();
        var father = await api.SignInAsync(People.Father);
        var input = GraphQLClient.RegistrationInput(TestPeople.ChildIin);

        var loginNonce = await api.NonceAsync();
        Assert.Equal("NONCE_INVALID", (await api.RegisterAsync(mother, input,
            GraphQLClient.Sign(People.Mother, "registerApplication", loginNonce, input))).ErrorCode);

        var fathersNonce = await api.NonceAsync(father);
        Assert.Equal("NONCE_INVALID", (await api.RegisterAsync(mother, input,
            GraphQLClient.Sign(People.Mother, "registerApplication", fathersNonce, input))).ErrorCode);

        var staleNonce = await api.NonceAsync(mother);
        Kezek.Clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal("NONCE_INVALID", (await api.RegisterAsync(mother, input,
            GraphQLClient.Sign(People.Mother, "registerApplication", staleNonce, input))).ErrorCode);

        var actionNonce = await api.NonceAsync(mother);
        Assert.Equal("NONCE_INVALID", (await api.SignInAsync(XmlSigner.Sign(ActionDocument.Login(actionNonce), People.Father.Auth))).ErrorCode);
        Assert.Equal(0, await ApplicationCountAsync());
    }

    [Fact]
    public async Task Keys_are_used_for_their_purpose_only()
    {
        var (api, mother) = await PrepareAsync();
        var input = GraphQLClient.RegistrationInput(TestPeople.ChildIin);

        var loginWithSignKey = await api.SignInAsync(XmlSigner.Sign(ActionDocument.Login(await api.NonceAsync()), People.Mother.Sign));
        var actionWithAuthKey = await api.RegisterAsync(mother, input, XmlSigner.Sign(
            ActionDocument.Action("registerApplication", await api.NonceAsync(mother), input.Select(f => new ActionField(f.Key, f.Value))),
            People.Mother.Auth));

        Assert.Equal("CERTIFICATE_KEY_USAGE", loginWithSignKey.ErrorCode);
        Assert.Equal("CERTIFICATE_KEY_USAGE", actionWithAuthKey.ErrorCode);
        Assert.Equal(0, await ApplicationCountAsync());
    }

    [Fact]
    public async Task A_parent_acts_with_a_personal_certificate_not_an_organisations()
    {
        var (api, mother) = await PrepareAsync();
        var employee = People.Mother.Person with { Bin = "160140012345", Organization = "ТОО «РАБОТА»" };
        using var employeeAuth = Kezek.Authority.IssueAuthentication(employee, KezekFactory.Start.AddDays(-1), KezekFactory.Start.AddYears(1));
        using var employeeSign = Kezek.Authority.IssueSigning(employee, KezekFactory.Start.AddDays(-1), KezekFactory.Start.AddYears(1));
        var input = GraphQLClient.RegistrationInput(TestPeople.ChildIin);

        var signedWithOrganisationKey = XmlSigner.Sign(ActionDocument.Action("registerApplication", await api.NonceAsync(mother),
            input.Select(f => new ActionField(f.Key, f.Value))), employeeSign);
        Assert.Equal("INDIVIDUAL_CERTIFICATE_REQUIRED", (await api.RegisterAsync(mother, input, signedWithOrganisationKey)).ErrorCode);

        var asEmployee = (await api.SignInAsync(XmlSigner.Sign(ActionDocument.Login(await api.NonceAsync()), employeeAuth))).Ok()
            .GetProperty("signIn").GetProperty("token").GetString()!;
        Assert.Equal("FORBIDDEN", (await api.RegisterAsync(asEmployee, input, "<x/>")).ErrorCode);
        Assert.Equal(0, await ApplicationCountAsync());
    }

    [Fact]
    public async Task Untrusted_expired_tampered_and_wrapped_logins_are_refused()
    {
        var api = Kezek.Api();
        using var rogue = DemoCertificateAuthority.Create("KEZEK INTEGRATION TEST CA", KezekFactory.Start.AddYears(-1), KezekFactory.Start.AddYears(5));
        var rogueKey = rogue.IssueAuthentication(People.Mother.Person, KezekFactory.Start.AddDays(-1), KezekFactory.Start.AddYears(1));
        Assert.Equal("CERTIFICATE_UNTRUSTED", (await api.SignInAsync(XmlSigner.Sign(ActionDocument.Login(await api.NonceAsync()), rogueKey))).ErrorCode);

        var tampered = XmlSigner.Sign(ActionDocument.Login(await api.NonceAsync()), People.Mother.Auth);
        var document = new XmlDocument { PreserveWhitespace = true };
        document.LoadXml(tampered);
        var nonce = document.GetElementsByTagName("nonce", ActionDocument.Namespace)[0]!;
        nonce.InnerText = await api.NonceAsync();
        Assert.Equal("SIGNATURE_INVALID", (await api.SignInAsync(document.OuterXml)).ErrorCode);

        var genuine = new XmlDocument { PreserveWhitespace = true };
        genuine.LoadXml(XmlSigner.Sign(ActionDocument.Login(await api.NonceAsync()), People.Mother.Auth));
        var wrapper = new XmlDocument { PreserveWhitespace = true };
        wrapper.LoadXml(ActionDocument.Login(await api.NonceAsync()));
        var hidden = wrapper.CreateElement("hidden", "urn:other");
        hidden.AppendChild(wrapper.ImportNode(genuine.DocumentElement!, true));
        wrapper.DocumentElement!.AppendChild(hidden);
        Assert.Equal("SIGNATURE_INVALID", (await api.SignInAsync(wrapper.OuterXml)).ErrorCode);

        var later = XmlSigner.Sign(ActionDocument.Login(await api.NonceAsync()), People.Mother.Auth);
        Kezek.Clock.Advance(TimeSpan.FromDays(366));
        Assert.Equal("CERTIFICATE_EXPIRED", (await api.SignInAsync(later)).ErrorCode);

        Assert.Equal(0, await Kezek.WithDbAsync(db => db.Sessions.CountAsync()));
        Assert.Equal(SignedXml.XmlDsigNamespaceUrl, genuine.DocumentElement!.LastChild!.NamespaceURI);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SignatureRefusalsOnSqlite(SqliteKezek kezek) : SignatureRefusalTests(kezek);

[Collection(PostgresCollection.Name)]
public sealed class SignatureRefusalsOnPostgres(PostgresKezek kezek) : SignatureRefusalTests(kezek);
