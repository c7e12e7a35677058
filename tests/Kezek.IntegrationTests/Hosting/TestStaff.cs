using Kezek.Core.Iins;
using Kezek.Identity.Demo;
using Kezek.Identity.Signatures;

namespace Kezek.IntegrationTests.Hosting;

/// <summary>An employee of a kindergarten (its BIN in the certificate), granted the staff role by an administrator.</summary>
public static class TestStaff
{
    public static readonly string Iin = Core.Iins.Iin.Create(new DateOnly(1988, 4, 12), Sex.Female, 4321).Value;

    /// <summary>Grants the role and signs the employee in; the bearer token.</summary>
    public static async Task<string> SignInAsync(KezekFactory kezek, GraphQLClient api, string bin = Queues.KindergartenBin)
    {
        var admin = await api.SignInAsync(kezek.People.Administrator);
        (await api.PostAsync("mutation($iin: String!, $bin: String!) { grantRole(iin: $iin, role: KINDERGARTEN_STAFF, bin: $bin) { id } }",
            new { iin = Iin, bin }, admin)).Ok();
        using var key = kezek.Authority.IssueAuthentication(new DemoPerson(Iin, "ТӘЖІБАЕВА", "ҚАРЛЫҒАШ", null, bin, "ЯСЛИ-САД"),
            kezek.Clock.GetUtcNow().AddDays(-1), kezek.Clock.GetUtcNow().AddYears(1));
        return (await api.SignInAsync(XmlSigner.Sign(ActionDocument.Login(await api.NonceAsync()), key))).Ok()
            .GetProperty("signIn").GetProperty("token").GetString()!;
    }
}
