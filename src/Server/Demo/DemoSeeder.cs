using Kezek.Core.Applications;
using Kezek.Core.CivilRegistry;
using Kezek.Core.Identity;
using Kezek.Core.Iins;
using Kezek.Core.Regions;
using Kezek.Core.Words;
using Kezek.Identity.Demo;
using Kezek.Identity.Signatures;
using Kezek.Workflows.Persistence;
using Kezek.Workflows.Places;
using Kezek.Workflows.Register;
using Kezek.Core.Places;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Server.Demo;

/// <summary>
/// Fills an empty Development database: kindergartens, the demo civil registry, staff roles, and a queue
/// of other families' applications (registered through the real use case with real signatures) so that
/// a new child gets a meaningful queue number.
/// </summary>
public sealed class DemoSeeder(IKezekDb db, RegisterApplicationHandler register, PublishPlacesHandler publish, TimeProvider clock,
    ILogger<DemoSeeder> logger)
{
    private const int QueuedFamilies = 8;

    private static readonly Guid Balapan = Guid.Parse("5f0c1d6e-0001-4a8e-9a51-000000000001");

    public async Task SeedAsync(DemoCertificateAuthority authority, CancellationToken cancellationToken)
    {
        if (await db.Kindergartens.AnyAsync(cancellationToken) || await db.CivilRegistryRecords.AnyAsync(cancellationToken))
            return;

        var now = clock.GetUtcNow().UtcDateTime;
        db.Kindergartens.AddRange(
            new Kindergarten(Balapan, "almaty", "160140012345",
                "Ясли-сад № 1 «Балапан»", "№ 1 «Балапан» бөбекжай-бақшасы", "г. Алматы, мкр. Самал-2, 58", "kk,ru", Ownership.State),
            new Kindergarten(Guid.Parse("5f0c1d6e-0001-4a8e-9a51-000000000002"), "almaty", "160140023456",
                "Детский сад № 27 «Айгөлек»", "№ 27 «Айгөлек» балабақшасы", "г. Алматы, ул. Жандосова, 140", "kk", Ownership.State),
            new Kindergarten(Guid.Parse("5f0c1d6e-0001-4a8e-9a51-000000000003"), "almaty", "160140034567",
                "Детский сад «Солнышко»", "«Күнсәуле» балабақшасы", "г. Алматы, пр. Абая, 10", "ru", Ownership.Private),
            new Kindergarten(Guid.Parse("5f0c1d6e-0002-4a8e-9a51-000000000001"), "astana", "170240045678",
                "Ясли-сад № 45 «Ақбота»", "№ 45 «Ақбота» бөбекжай-бақшасы", "г. Астана, ул. Кенесары, 52", "kk,ru", Ownership.State),
            new Kindergarten(Guid.Parse("5f0c1d6e-0003-4a8e-9a51-000000000001"), "aktobe", "180340056789",
                "Ясли-сад № 12 «Құлыншақ»", "№ 12 «Құлыншақ» бөбекжай-бақшасы", "г. Актобе, пр. Абилкайыр хана, 44", "kk,ru", Ownership.State));

        foreach (var child in DemoPeople.Children)
        {
            foreach (var (parent, relation) in child.Parents)
                db.CivilRegistryRecords.Add(new CivilRegistryRecord(child.Iin, child.FullName, child.BirthDate, parent.Iin,
                    parent.FullName, relation, now));
        }

        db.RoleGrants.Add(new RoleGrant(Guid.NewGuid(), DemoPeople.Operator.Iin, Role.Operator, "almaty", null, DemoPeople.Administrator.Iin, now));
        db.RoleGrants.Add(new RoleGrant(Guid.NewGuid(), DemoPeople.Staff.Iin, Role.KindergartenStaff, null, DemoPeople.Staff.Bin,
            DemoPeople.Administrator.Iin, now));

        var families = Enumerable.Range(0, QueuedFamilies).Select(Family).ToList();
        foreach (var (parent, child) in families)
            db.CivilRegistryRecords.Add(new CivilRegistryRecord(child.Iin, child.FullName, child.BirthDate, parent.Iin,
                parent.FullName, Relation.Mother, now));
        await db.SaveChangesAsync(cancellationToken);

        foreach (var (parent, child) in families)
        {
            using var key = authority.IssueSigning(parent, clock.GetUtcNow().AddDays(-1), clock.GetUtcNow().AddYears(1));
            var fields = new[]
            {
                new ActionField("region", "almaty"), new ActionField("childIin", child.Iin),
                new ActionField("benefitCategory", "NONE"), new ActionField("email", "demo@example.kz"),
                new ActionField("phone", "+77010000000"),
            };
            var signedXml = XmlSigner.Sign(ActionDocument.Action("registerApplication", "demo-seed", fields), key);
            var result = await register.HandleAsync(new RegisterApplication("almaty", child.Iin, BenefitCategory.None,
                "demo@example.kz", "+77010000000", new Actor(parent.Iin, parent.FullName, Role.Applicant),
                signedXml), cancellationToken);
            if (!result.IsSuccess)
                throw new InvalidOperationException($"Demo registration failed: {result.Error}");
        }

        // The operator publishes seats of 2022 in «Балапан»: three to the queue (the first three families are notified)
        // and two to free choice (anyone of 2022 in the queue may take one, as the README's walk-through does).
        var operatorViewer = new Viewer(DemoPeople.Operator.Iin, DemoPeople.Operator.FullName, null, [new HeldRole(Role.Operator, "almaty", null)]);
        foreach (var (count, mode) in new[] { (3, PlaceMode.Queue), (2, PlaceMode.FreeChoice) })
        {
            var published = await publish.HandleAsync(new PublishPlaces(Balapan, 2022, Language.Kk, count, mode, operatorViewer), cancellationToken);
            if (!published.IsSuccess)
                throw new InvalidOperationException($"Demo seats were not published: {published.Error}");
        }

        logger.LogInformation("Seeded the demo: 5 kindergartens, {Families} queued applications and 5 seats in almaty", QueuedFamilies);
    }

    private static (DemoPerson Parent, DemoPeople.DemoChild Child) Family(int index)
    {
        var surnames = new[] { "СМАҒҰЛОВА", "ТӨЛЕУОВА", "ИСАЕВА", "ҚАЙРАТОВА", "ПЕТРОВА", "ӘБІЛОВА", "НҰРҒАЛИЕВА", "КИМ" };
        var parentIin = Iin.Create(new DateOnly(1991, 1, 1).AddDays(index * 37), Sex.Female, 8000 + index).Value;
        var childBirth = new DateOnly(2022, 1, 10).AddDays(index * 23);
        var childIin = Iin.Create(childBirth, index % 2 == 0 ? Sex.Female : Sex.Male, 9000 + index).Value;
        var parent = new DemoPerson(parentIin, surnames[index], "МАРИЯ", null);
        return (parent, new DemoPeople.DemoChild(childIin, $"{surnames[index]} АЙША", childBirth, []));
    }
}
