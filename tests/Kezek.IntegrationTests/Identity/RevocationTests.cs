using Kezek.Identity.Signatures;
using Kezek.IntegrationTests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Kezek.IntegrationTests.Identity;

/// <summary>
/// Revocation over HTTP (issue 15): the test CA publishes a CRL that the server reads (revocation is required in tests as
/// in production); a revoked key neither signs in nor acts, no CRL at all refuses everyone, and the evidence is kept with
/// the history entry. The OCSP protocol itself is tested against a real openssl responder in Kezek.UnitTests.
/// </summary>
public abstract class RevocationTests(KezekFactory kezek) : KezekTest(kezek)
{
    [Fact]
    public async Task A_revoked_AUTH_key_cannot_sign_in()
    {
        var api = Kezek.Api();
        using var lost = Kezek.Authority.IssueAuthentication(People.Mother.Person, KezekFactory.Start.AddDays(-1), KezekFactory.Start.AddYears(1));
        Kezek.PublishCrl(lost.SerialNumber);
        try
        {
            var refused = await api.SignInAsync(XmlSigner.Sign(ActionDocument.Login(await api.NonceAsync()), lost));

            Assert.Equal("CERTIFICATE_REVOKED", refused.ErrorCode);
            Assert.Equal(0, await Kezek.WithDbAsync(db => db.Sessions.CountAsync()));
            // Her other key, not revoked, still signs in.
            Assert.False(string.IsNullOrEmpty(await api.SignInAsync(People.Mother)));
        }
        finally
        {
            Kezek.PublishCrl();
        }
    }

    [Fact]
    public async Task A_revoked_SIGN_key_cannot_act_and_nothing_is_written()
    {
        var api = Kezek.Api();
        await api.ImportCivilRegistryAsync(TestPeople.CivilRegistryCsv);
        var token = await api.SignInAsync(People.Mother);
        using var lost = Kezek.Authority.IssueSigning(People.Mother.Person, KezekFactory.Start.AddDays(-1), KezekFactory.Start.AddYears(1));
        Kezek.PublishCrl(lost.SerialNumber);
        try
        {
            var input = GraphQLClient.RegistrationInput(TestPeople.ChildIin);
            var signed = XmlSigner.Sign(ActionDocument.Action("registerApplication", await api.NonceAsync(token),
                input.Select(f => new ActionField(f.Key, f.Value))), lost);

            var refused = await api.RegisterAsync(token, input, signed);

            Assert.Equal("CERTIFICATE_REVOKED", refused.ErrorCode);
            Assert.Equal(0, await Kezek.WithDbAsync(db => db.Applications.CountAsync()));
        }
        finally
        {
            Kezek.PublishCrl();
        }
    }

    [Fact]
    public async Task Without_an_answer_from_OCSP_or_a_CRL_every_signature_is_refused()
    {
        var api = Kezek.Api();
        var away = Kezek.CrlPath + ".away";
        File.Move(Kezek.CrlPath, away);
        try
        {
            var refused = await api.SignInAsync(XmlSigner.Sign(ActionDocument.Login(await api.NonceAsync()), People.Mother.Auth));

            Assert.Equal("CERTIFICATE_REVOCATION_UNKNOWN", refused.ErrorCode);
            Assert.Equal(0, await Kezek.WithDbAsync(db => db.Sessions.CountAsync()));
        }
        finally
        {
            File.Move(away, Kezek.CrlPath);
            Kezek.PublishCrl();
        }
    }

    [Fact]
    public async Task The_signed_entry_keeps_the_CRL_that_showed_the_key_was_not_revoked()
    {
        var api = Kezek.Api();
        await api.ImportCivilRegistryAsync(TestPeople.CivilRegistryCsv);
        var token = await api.SignInAsync(People.Mother);

        var registered = (await api.RegisterAsync(People.Mother, token, GraphQLClient.RegistrationInput(TestPeople.ChildIin))).Ok();
        var number = registered.GetProperty("registerApplication").GetProperty("application").GetProperty("number").GetString()!;

        var history = (await api.PostAsync("query($n: String!) { application(number: $n) { history { action revocationEvidence } } }",
            new { n = number }, token)).Ok().GetProperty("application").GetProperty("history");
        var evidence = history[0].GetProperty("revocationEvidence").GetString();
        Assert.StartsWith("CRL ", evidence, StringComparison.Ordinal);
        Assert.Contains("CN=KEZEK INTEGRATION TEST CA", evidence, StringComparison.Ordinal);
        Assert.Equal(evidence, await Kezek.WithDbAsync(db => db.Applications.SelectMany(a => a.History).Select(h => h.RevocationEvidence).SingleAsync()));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class RevocationOnSqlite(SqliteKezek kezek) : RevocationTests(kezek);

[Collection(PostgresCollection.Name)]
public sealed class RevocationOnPostgres(PostgresKezek kezek) : RevocationTests(kezek);
