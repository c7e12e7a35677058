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
using Kezek.Workflows.Regions;
using Kezek.Workflows.Register;
using Kezek.Core.Places;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Server.Demo;

/// <summary>
/// Fills an empty Development database: kindergartens, the demo civil registry, staff roles, and a queue
/// of other families' applications (registered through the real use case with real signatures) so that
/// a new child gets a meaningful queue number.
/// </summary>
public sealed class DemoSeeder(IKezekDb db, RegisterApplicationHandler register, PublishPlacesHandler publish, EditRegionHandler editRegion,
    ImportReferenceHandler import, TimeProvider clock,
    ILogger<DemoSeeder> logger)
{
    private const int QueuedFamilies = 8;

    /// <summary>Support contacts of the demo regions (Almaty's call-centre is the real 1308; the rest are examples).</summary>
    private static readonly RegionDraft[] Regions =
    [
        new("almaty", "г. Алматы", "Алматы қ.", "Almaty", "Asia/Almaty", "1308", "kezek@almaty.example.kz",
            "Пн–Пт 09:00–18:00, обед 13:00–14:00", "Дс–Жм 09:00–18:00, түскі үзіліс 13:00–14:00"),
        new("astana", "г. Астана", "Астана қ.", "Astana", "Asia/Almaty", "+7 7172 00 00 00", "kezek@astana.example.kz",
            "Пн–Пт 09:00–18:30", "Дс–Жм 09:00–18:30"),
    ];

    /// <summary>Kindergartens of Almaty, Astana and Aktobe with their map points, Kazakh and Russian names and addresses, and groups.</summary>
    private const string KindergartensCsv = """
        region,bin,nameRu,nameKk,addressRu,addressKk,latitude,longitude,languages,ownership,groups
        almaty,160140012345,Ясли-сад № 1 «Балапан»,№ 1 «Балапан» бөбекжай-бақшасы,"г. Алматы, мкр. Самал-2, 58","Алматы қ., Самал-2 ш.а., 58",43.2335,76.9540,kk ru,state,2022:kk:25;2022:ru:25;2021:kk:30;2021:ru:25;2020:kk:30
        almaty,160140023457,Детский сад № 27 «Айгөлек»,№ 27 «Айгөлек» балабақшасы,"г. Алматы, ул. Жандосова, 140","Алматы қ., Жандосов к-сі, 140",43.2203,76.8700,kk,state,2022:kk:25;2021:kk:30;2020:kk:30
        almaty,160140034564,Детский сад «Солнышко»,«Күнсәуле» балабақшасы,"г. Алматы, пр. Абая, 10","Алматы қ., Абай д-лы, 10",43.2430,76.9555,ru,private,2022:ru:15;2021:ru:15
        almaty,050840012348,Ясли-сад № 112 «Еркетай»,№ 112 «Еркетай» бөбекжай-бақшасы,"г. Алматы, мкр. Аксай-4, 75","Алматы қ., Ақсай-4 ш.а., 75",43.2260,76.8440,kk ru,state,2022:kk:20;2022:ru:20;2021:kk:25;2021:ru:25
        almaty,990640022115,Детский сад № 9 «Ақ желкен»,№ 9 «Ақ желкен» балабақшасы,"г. Алматы, ул. Толе би, 189","Алматы қ., Төле би к-сі, 189",43.2530,76.8970,kk,state,2021:kk:25;2020:kk:25
        astana,170240045674,Ясли-сад № 45 «Ақбота»,№ 45 «Ақбота» бөбекжай-бақшасы,"г. Астана, ул. Кенесары, 52","Астана қ., Кенесары к-сі, 52",51.1680,71.4300,kk ru,state,2022:kk:25;2022:ru:20;2021:kk:25
        astana,111240056780,Ясли-сад № 77 «Болашақ»,№ 77 «Болашақ» бөбекжай-бақшасы,"г. Астана, пр. Мангилик Ел, 30","Астана қ., Мәңгілік Ел д-лы, 30",51.0900,71.4180,kk ru,state,2022:kk:30;2021:kk:30;2021:ru:25
        astana,070340043214,Детский сад «Нұрлы бала»,«Нұрлы бала» балабақшасы,"г. Астана, ул. Сыганак, 25","Астана қ., Сығанақ к-сі, 25",51.1250,71.4320,ru,private,2022:ru:15
        aktobe,180340056784,Ясли-сад № 12 «Құлыншақ»,№ 12 «Құлыншақ» бөбекжай-бақшасы,"г. Актобе, пр. Абилкайыр хана, 44","Ақтөбе қ., Әбілқайыр хан д-лы, 44",50.2839,57.1670,kk ru,state,2022:kk:25;2021:kk:25
        """;

    public async Task SeedAsync(DemoCertificateAuthority authority, CancellationToken cancellationToken)
    {
        if (await db.Kindergartens.AnyAsync(cancellationToken) || await db.CivilRegistryRecords.AnyAsync(cancellationToken))
            return;

        var now = clock.GetUtcNow().UtcDateTime;
        // Reference data through the administrators' own use cases (checked and audited like theirs).
        var administrator = new Viewer(DemoPeople.Administrator.Iin, DemoPeople.Administrator.FullName, null,
            [new HeldRole(Role.Administrator, null, null)]);
        foreach (var region in Regions)
        {
            var edited = await editRegion.HandleAsync(new EditRegion(region, SaveMode.Update, administrator), cancellationToken);
            if (!edited.IsSuccess)
                throw new InvalidOperationException($"Demo region {region.Code} was not edited: {edited.Error}");
        }

        var imported = await import.HandleAsync(new ImportKindergartens(KindergartensCsv, administrator), cancellationToken);
        if (!imported.IsSuccess)
            throw new InvalidOperationException($"Demo kindergartens were not imported: {imported.Error}");
        var balapan = await db.Kindergartens.Where(k => k.Bin == DemoPeople.Staff.Bin).Select(k => k.Id).SingleAsync(cancellationToken);

        foreach (var child in DemoPeople.Children)
        {
            foreach (var (parent, relation) in child.Parents)
                db.CivilRegistryRecords.Add(new CivilRegistryRecord(child.Iin, child.FullName, child.BirthDate, parent.Iin,
                    parent.FullName, relation, now));
        }

        db.RoleGrants.Add(new RoleGrant(Guid.NewGuid(), DemoPeople.Operator.Iin, Role.Operator, "almaty", null, DemoPeople.Administrator.Iin, now));
        db.RoleGrants.Add(new RoleGrant(Guid.NewGuid(), DemoPeople.Staff.Iin, Role.KindergartenStaff, null, DemoPeople.Staff.Bin,
            DemoPeople.Administrator.Iin, now));
        db.RoleGrants.Add(new RoleGrant(Guid.NewGuid(), DemoPeople.Officer.Iin, Role.PolicyOfficer, "almaty", null,
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
            var published = await publish.HandleAsync(new PublishPlaces(balapan, 2022, Language.Kk, count, mode, operatorViewer), cancellationToken);
            if (!published.IsSuccess)
                throw new InvalidOperationException($"Demo seats were not published: {published.Error}");
        }

        logger.LogInformation("Seeded the demo: 9 kindergartens, {Families} queued applications and 5 seats in almaty", QueuedFamilies);
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
