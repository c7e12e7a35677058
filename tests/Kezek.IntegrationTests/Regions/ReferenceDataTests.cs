using System.Text.Json;
using System.Text.Json.Nodes;
using Kezek.IntegrationTests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Kezek.IntegrationTests.Regions;

/// <summary>Regions and kindergartens as data: who may change them, the checks, the CSV import, and what portals show.</summary>
public abstract class ReferenceDataTests(KezekFactory kezek) : KezekTest(kezek)
{
    private const string Header = "region,bin,nameRu,nameKk,addressRu,addressKk,latitude,longitude,languages,ownership,groups";
    private const string Balapan = "almaty,160140012345,Ясли-сад № 1 «Балапан»,№ 1 «Балапан» бөбекжай-бақшасы,\"г. Алматы, мкр. Самал-2, 58\",\"Алматы қ., Самал-2 ш.а., 58\",43.2335,76.9540,kk ru,state,2022:kk:25;2022:ru:25";
    private const string Aigolek = "almaty,160140023457,Детский сад № 27 «Айгөлек»,№ 27 «Айгөлек» балабақшасы,\"г. Алматы, ул. Жандосова, 140\",\"Алматы қ., Жандосов к-сі, 140\",43.2203,76.8700,kk,state,2022:kk:25";
    private const string Solnyshko = "almaty,160140034564,Детский сад «Солнышко»,«Күнсәуле» балабақшасы,\"г. Алматы, пр. Абая, 10\",\"Алматы қ., Абай д-лы, 10\",43.2430,76.9555,ru,private,2022:ru:15";
    private const string Akbota = "astana,170240045674,Ясли-сад № 45 «Ақбота»,№ 45 «Ақбота» бөбекжай-бақшасы,\"г. Астана, ул. Кенесары, 52\",\"Астана қ., Кенесары к-сі, 52\",51.1680,71.4300,kk ru,state,2022:kk:25";

    private const string ImportKindergartens = "mutation($csv: String!) { importKindergartens(csv: $csv) { lines created updated } }";
    private const string CreateKindergarten = "mutation($input: CreateKindergartenInput!) { createKindergarten(input: $input) { kindergarten { id bin name address latitude longitude languages ownership groups { groupYear language capacity } } } }";
    private const string UpdateKindergarten = "mutation($input: UpdateKindergartenInput!) { updateKindergarten(input: $input) { kindergarten { id bin nameRu addressKk latitude groups { groupYear language capacity } } } }";
    private const string CreateRegion = "mutation($input: RegionInput!) { createRegion(input: $input) { region { code name timeZone support { phone email hours } } } }";
    private const string UpdateRegion = "mutation($input: RegionInput!) { updateRegion(input: $input) { region { code name support { phone email hours hoursKk } } } }";

    private static object KindergartenInput(string region = "almaty", string bin = "130540077884", double latitude = 43.2400, double longitude = 76.9100) => new
    {
        region,
        bin,
        nameRu = "Ясли-сад № 150 «Жұлдыз»",
        nameKk = "№ 150 «Жұлдыз» бөбекжай-бақшасы",
        addressRu = "г. Алматы, ул. Сатпаева, 30",
        addressKk = "Алматы қ., Сәтбаев к-сі, 30",
        latitude,
        longitude,
        languages = new[] { "KK", "RU" },
        ownership = "STATE",
        groups = new[] { new { groupYear = 2022, language = "KK", capacity = 25 }, new { groupYear = 2021, language = "RU", capacity = 20 } },
    };

    private static object RegionInput(string code = "kostanay", string? timeZone = null) => new
    {
        code,
        nameRu = "г. Костанай",
        nameKk = "Қостанай қ.",
        nameEn = "Kostanay",
        timeZone,
        supportPhone = "+7 7142 00 00 00",
        supportEmail = "kezek@kostanay.example.kz",
        supportHoursRu = "Пн–Пт 09:00–18:00",
        supportHoursKk = "Дс–Жм 09:00–18:00",
    };

    private async Task<(GraphQLClient Api, string Admin, string Operator, string Mother)> PeopleAsync()
    {
        var api = Kezek.Api();
        var admin = await api.SignInAsync(People.Administrator);
        (await api.PostAsync("mutation { grantRole(iin: \"850630441203\", role: OPERATOR, region: \"almaty\") { id } }", token: admin)).Ok();
        return (api, admin, await api.SignInAsync(People.Operator), await api.SignInAsync(People.Mother));
    }

    private Task<int> StaffActionsAsync(string action) => Kezek.WithDbAsync(db => db.StaffActions.CountAsync(a => a.Action == action));

    [Fact]
    public async Task Administrators_create_and_edit_regions_and_the_public_list_shows_their_support_contacts()
    {
        var (api, admin, @operator, mother) = await PeopleAsync();

        var created = (await api.PostAsync(CreateRegion, new { input = RegionInput(timeZone: "Asia/Almaty") }, admin, "kk")).Ok()
            .GetProperty("createRegion").GetProperty("region");
        Assert.Equal("Қостанай қ.", created.GetProperty("name").GetString());
        Assert.Equal("Asia/Almaty", created.GetProperty("timeZone").GetString()); // the default rule set's
        Assert.Equal("Дс–Жм 09:00–18:00", created.GetProperty("support").GetProperty("hours").GetString());

        var edited = new JsonObject { ["input"] = JsonNode.Parse(JsonSerializer.Serialize(RegionInput())) };
        edited["input"]!["supportPhone"] = "1308";
        edited["input"]!["supportHoursKk"] = null;
        var updated = (await api.PostAsync(UpdateRegion, edited, admin)).Ok().GetProperty("updateRegion").GetProperty("region");
        Assert.Equal("1308", updated.GetProperty("support").GetProperty("phone").GetString());
        Assert.Equal(JsonValueKind.Null, updated.GetProperty("support").GetProperty("hoursKk").ValueKind);
        Assert.Equal(1, await StaffActionsAsync("CreateRegion"));
        Assert.Equal(1, await StaffActionsAsync("UpdateRegion"));

        var regions = (await api.PostAsync("{ regions { code name support { phone hours } } }", language: "ru")).Ok().GetProperty("regions");
        var almaty = regions.EnumerateArray().Single(r => r.GetProperty("code").GetString() == "almaty");
        Assert.Equal("1308", almaty.GetProperty("support").GetProperty("phone").GetString());
        Assert.Contains(regions.EnumerateArray(), r => r.GetProperty("code").GetString() == "kostanay");

        Assert.Equal("DUPLICATE_REGION", (await api.PostAsync(CreateRegion, new { input = RegionInput() }, admin)).ErrorCode);
        var mismatch = await api.PostAsync(CreateRegion, new { input = RegionInput("pavlodar", "Asia/Qyzylorda") }, admin, "en");
        Assert.Equal("TIME_ZONE_MISMATCH", mismatch.ErrorCode);
        Assert.Contains("Asia/Almaty", mismatch.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal("INVALID_INPUT", (await api.PostAsync(CreateRegion, new { input = RegionInput("Bad Code") }, admin)).ErrorCode);
        Assert.Equal("UNKNOWN_REGION", (await api.PostAsync(UpdateRegion, new { input = RegionInput("pavlodar") }, admin)).ErrorCode);
        Assert.Equal("FORBIDDEN", (await api.PostAsync(CreateRegion, new { input = RegionInput("pavlodar") }, @operator)).ErrorCode);
        Assert.Equal("FORBIDDEN", (await api.PostAsync(UpdateRegion, new { input = RegionInput() }, mother)).ErrorCode);
        Assert.Equal("UNAUTHENTICATED", (await api.PostAsync(CreateRegion, new { input = RegionInput("pavlodar") })).ErrorCode);
        Assert.False(await Kezek.WithDbAsync(db => db.Regions.AnyAsync(r => r.Code == "pavlodar")));
    }

    [Fact]
    public async Task Operators_create_and_edit_kindergartens_of_their_own_region_only()
    {
        var (api, admin, @operator, mother) = await PeopleAsync();

        var created = (await api.PostAsync(CreateKindergarten, new { input = KindergartenInput() }, @operator, "kk")).Ok()
            .GetProperty("createKindergarten").GetProperty("kindergarten");
        Assert.Equal("№ 150 «Жұлдыз» бөбекжай-бақшасы", created.GetProperty("name").GetString());
        Assert.Equal("Алматы қ., Сәтбаев к-сі, 30", created.GetProperty("address").GetString());
        Assert.Equal(43.24, created.GetProperty("latitude").GetDouble(), 6);
        Assert.Equal(["kk", "ru"], created.GetProperty("languages").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal([(2022, "KK", 25), (2021, "RU", 20)], created.GetProperty("groups").EnumerateArray()
            .Select(g => (g.GetProperty("groupYear").GetInt32(), g.GetProperty("language").GetString(), g.GetProperty("capacity").GetInt32())));
        var id = created.GetProperty("id").GetString()!;

        var edit = JsonNode.Parse(JsonSerializer.Serialize(KindergartenInput()))!.AsObject();
        edit.Remove("region");
        edit.Remove("bin");
        edit["id"] = id;
        edit["nameRu"] = "Ясли-сад № 150 «Звёздочка»";
        edit["latitude"] = 43.25;
        edit["groups"] = new JsonArray(new JsonObject { ["groupYear"] = 2022, ["language"] = "KK", ["capacity"] = 30 });
        var updated = (await api.PostAsync(UpdateKindergarten, new { input = edit }, @operator)).Ok().GetProperty("updateKindergarten").GetProperty("kindergarten");
        Assert.Equal("Ясли-сад № 150 «Звёздочка»", updated.GetProperty("nameRu").GetString());
        Assert.Equal("130540077884", updated.GetProperty("bin").GetString());
        Assert.Equal(30, updated.GetProperty("groups")[0].GetProperty("capacity").GetInt32());
        Assert.Equal(1, updated.GetProperty("groups").GetArrayLength());
        var audit = await Kezek.WithDbAsync(db => db.StaffActions.Where(a => a.Action == "UpdateKindergarten").Select(a => a.Details).SingleAsync());
        Assert.Contains("changed=nameRu,latitude,groups", audit, StringComparison.Ordinal);

        // Another region's kindergarten: the operator may neither create nor edit it; the administrator may.
        Assert.Equal("FORBIDDEN", (await api.PostAsync(CreateKindergarten, new { input = KindergartenInput("astana", "190340087657", 51.1, 71.4) }, @operator)).ErrorCode);
        var astana = (await api.PostAsync(CreateKindergarten, new { input = KindergartenInput("astana", "190340087657", 51.1, 71.4) }, admin)).Ok()
            .GetProperty("createKindergarten").GetProperty("kindergarten").GetProperty("id").GetString()!;
        edit["id"] = astana;
        edit["latitude"] = 51.2;
        Assert.Equal("FORBIDDEN", (await api.PostAsync(UpdateKindergarten, new { input = edit }, @operator)).ErrorCode);
        Assert.Equal("FORBIDDEN", (await api.PostAsync(UpdateKindergarten, new { input = edit }, mother)).ErrorCode);
        Assert.Equal("FORBIDDEN", (await api.PostAsync(CreateKindergarten, new { input = KindergartenInput(bin: "020440065438") }, mother)).ErrorCode);
        Assert.Equal("UNAUTHENTICATED", (await api.PostAsync(CreateKindergarten, new { input = KindergartenInput(bin: "020440065438") })).ErrorCode);
        Assert.Equal(51.1, await Kezek.WithDbAsync(db => db.Kindergartens.Where(k => k.Bin == "190340087657").Select(k => k.Latitude).SingleAsync()));
        Assert.Equal(2, await StaffActionsAsync("CreateKindergarten"));
        Assert.Equal(1, await StaffActionsAsync("UpdateKindergarten"));
    }

    [Theory]
    [InlineData("bin", "130540077885", "INVALID_BIN", "ru", "БИН «130540077885» указан неверно")]
    [InlineData("bin", "160140012345", "DUPLICATE_BIN", "kk", "160140012345 БСН-і бар балабақша бұрыннан бар")]
    [InlineData("latitude", "60.1", "COORDINATES_OUT_OF_RANGE", "en", "outside Kazakhstan")]
    [InlineData("region", "pavlodar", "UNKNOWN_REGION", "kk", "«pavlodar» өңірі табылмады")]
    [InlineData("nameRu", "=HYPERLINK(\"x\")", "FORMULA_LIKE_VALUE", "ru", "не может начинаться с =")]
    public async Task Bad_kindergarten_input_is_refused_in_the_readers_language_and_nothing_is_written(string field, string value, string code,
        string language, string message)
    {
        var (api, admin, _, _) = await PeopleAsync();
        (await api.PostAsync(ImportKindergartens, new { csv = Header + "\n" + Balapan }, admin)).Ok();
        var input = JsonNode.Parse(JsonSerializer.Serialize(KindergartenInput()))!.AsObject();
        input[field] = field == "latitude" ? JsonValue.Create(double.Parse(value, System.Globalization.CultureInfo.InvariantCulture)) : value;

        var refused = await api.PostAsync(CreateKindergarten, new { input }, admin, language);

        Assert.Equal(code, refused.ErrorCode);
        Assert.Contains(message, refused.ErrorMessage, StringComparison.Ordinal);
        // The field it is about, so that a form shows the message next to it.
        Assert.Equal(field, refused.Json.GetProperty("errors")[0].GetProperty("extensions").GetProperty("field").GetString());
        Assert.Equal(1, await Kezek.WithDbAsync(db => db.Kindergartens.CountAsync()));
        Assert.Equal(1, await StaffActionsAsync("CreateKindergarten"));
    }

    [Fact]
    public async Task A_csv_file_of_kindergartens_is_loaded_whole_and_a_second_load_edits_them()
    {
        var (api, _, @operator, _) = await PeopleAsync();

        var imported = (await api.PostAsync(ImportKindergartens, new { csv = $"\uFEFF{Header}\r\n{Balapan}\r\n{Aigolek}\r\n\r\n{Solnyshko}\r\n" }, @operator))
            .Ok().GetProperty("importKindergartens");
        Assert.Equal((3, 3, 0), (imported.GetProperty("lines").GetInt32(), imported.GetProperty("created").GetInt32(), imported.GetProperty("updated").GetInt32()));
        Assert.Equal(3, await StaffActionsAsync("CreateKindergarten"));
        Assert.Equal(4, await Kezek.WithDbAsync(db => db.KindergartenGroups.CountAsync()));

        var again = (await api.PostAsync(ImportKindergartens, new { csv = $"{Header}\n{Balapan.Replace("2022:ru:25", "2022:ru:20", StringComparison.Ordinal)}\n{Aigolek}" }, @operator))
            .Ok().GetProperty("importKindergartens");
        Assert.Equal((2, 0, 1), (again.GetProperty("lines").GetInt32(), again.GetProperty("created").GetInt32(), again.GetProperty("updated").GetInt32()));
        Assert.Equal(20, await Kezek.WithDbAsync(db => db.KindergartenGroups.Where(g => g.Language == "ru" && g.GroupYear == 2022
            && db.Kindergartens.Any(k => k.Id == g.KindergartenId && k.Bin == "160140012345"))
            .Select(g => g.Capacity).SingleAsync()));

        // A line of another region: the operator is refused, and the file's other lines are not loaded.
        var refused = await api.PostAsync(ImportKindergartens, new { csv = $"{Header}\n{Akbota}" }, @operator);
        Assert.Equal("FORBIDDEN", refused.ErrorCode);
        Assert.Equal(3, await Kezek.WithDbAsync(db => db.Kindergartens.CountAsync()));
    }

    [Theory]
    [InlineData("almaty,130540077885,Ясли-сад,Бөбекжай,Адрес,Мекенжай,43.2,76.9,kk,state,", "bin", "INVALID_BIN")]
    [InlineData("almaty,130540077884,Ясли-сад,Бөбекжай,Адрес,Мекенжай,43.2,96.9,kk,state,", "longitude", "COORDINATES_OUT_OF_RANGE")]
    [InlineData("pavlodar,130540077884,Ясли-сад,Бөбекжай,Адрес,Мекенжай,52.3,76.9,kk,state,", "region", "UNKNOWN_REGION")]
    [InlineData("almaty,130540077884,@SUM(1+1),Бөбекжай,Адрес,Мекенжай,43.2,76.9,kk,state,", "nameRu", "FORMULA_LIKE_VALUE")]
    [InlineData("almaty,130540077884,Ясли-сад,Бөбекжай,-2+3,Мекенжай,43.2,76.9,kk,state,", "addressRu", "FORMULA_LIKE_VALUE")]
    [InlineData("almaty,130540077884,Ясли-сад,Бөбекжай,Адрес,Мекенжай,43.2,76.9,kk en,state,", "languages", "UNKNOWN_LANGUAGE")]
    [InlineData("almaty,160140023457,Ясли-сад,Бөбекжай,Адрес,Мекенжай,43.2,76.9,kk,state,", "bin", "DUPLICATE_BIN")]
    [InlineData("almaty,130540077884,Ясли-сад,Бөбекжай,Адрес,Мекенжай,43.2,76.9,kk,state,2022:kk:many", "groups", "INVALID_INPUT")]
    public async Task A_bad_line_refuses_the_whole_file_with_its_line_and_field(string line, string field, string problem)
    {
        var (api, admin, _, _) = await PeopleAsync();
        var csv = $"{Header}\n{Balapan}\n{Aigolek}\n{line}\n{Solnyshko}";

        var refused = await api.PostAsync(ImportKindergartens, new { csv }, admin, "ru");

        Assert.Equal("REFERENCE_IMPORT_INVALID", refused.ErrorCode);
        var data = refused.Json.GetProperty("errors")[0].GetProperty("extensions");
        Assert.Equal(("4", field, problem), (data.GetProperty("line").GetString(), data.GetProperty("field").GetString(), data.GetProperty("problem").GetString()));
        Assert.Contains($"строка 4, поле «{field}»", refused.ErrorMessage, StringComparison.Ordinal);
        // The problem alone, in the reader's language, for a table of the refused line.
        var problemMessage = data.GetProperty("problemMessage").GetString()!;
        Assert.NotEmpty(problemMessage);
        Assert.Contains(problemMessage, refused.ErrorMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("Ни одна запись", problemMessage, StringComparison.Ordinal);
        Assert.Contains("Ни одна запись не изменена", refused.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(0, await Kezek.WithDbAsync(db => db.Kindergartens.CountAsync()));
        Assert.Equal(0, await Kezek.WithDbAsync(db => db.KindergartenGroups.CountAsync()));
        Assert.Equal(0, await Kezek.WithDbAsync(db => db.StaffActions.CountAsync(a => a.Action.EndsWith("Kindergarten"))));
    }

    [Fact]
    public async Task Regions_are_imported_by_administrators_all_or_nothing()
    {
        var (api, admin, @operator, _) = await PeopleAsync();
        const string Mutation = "mutation($csv: String!) { importRegions(csv: $csv) { lines created updated } }";
        const string RegionHeader = "code,nameRu,nameKk,nameEn,timeZone,supportPhone,supportEmail,supportHoursRu,supportHoursKk";
        const string Kostanay = "kostanay,г. Костанай,Қостанай қ.,Kostanay,Asia/Almaty,+7 7142 00 00 00,kezek@kostanay.example.kz,Пн–Пт 9–18,Дс–Жм 9–18";
        const string Almaty = "almaty,г. Алматы,Алматы қ.,Almaty,,1308,kezek@almaty.example.kz,,";

        Assert.Equal("FORBIDDEN", (await api.PostAsync(Mutation, new { csv = $"{RegionHeader}\n{Kostanay}" }, @operator)).ErrorCode);
        var refused = await api.PostAsync(Mutation, new { csv = $"{RegionHeader}\n{Kostanay}\n{Almaty}\nshymkent,г. Шымкент,Шымкент қ.,Shymkent,,=1+2,,," }, admin, "en");
        Assert.Equal("REFERENCE_IMPORT_INVALID", refused.ErrorCode);
        Assert.Contains("line 4, field \"supportPhone\"", refused.ErrorMessage, StringComparison.Ordinal);
        Assert.False(await Kezek.WithDbAsync(db => db.Regions.AnyAsync(r => r.Code == "kostanay")));

        var imported = (await api.PostAsync(Mutation, new { csv = $"{RegionHeader}\n{Kostanay}\n{Almaty}" }, admin)).Ok().GetProperty("importRegions");
        Assert.Equal((2, 1, 1), (imported.GetProperty("lines").GetInt32(), imported.GetProperty("created").GetInt32(), imported.GetProperty("updated").GetInt32()));
        Assert.Equal("kezek@almaty.example.kz", await Kezek.WithDbAsync(db => db.Regions.Where(r => r.Code == "almaty").Select(r => r.SupportEmail).SingleAsync()));
    }

    [Fact]
    public async Task Kindergartens_in_kazakh_show_kazakh_names_and_addresses()
    {
        var (api, admin, _, _) = await PeopleAsync();
        (await api.PostAsync(ImportKindergartens, new { csv = $"{Header}\n{Balapan}\n{Akbota}" }, admin)).Ok();
        const string Query = "{ kindergartens(region: \"almaty\") { bin name address nameRu addressRu latitude longitude ownership groups { groupYear language capacity } } }";

        var kk = (await api.PostAsync(Query, language: "kk")).Ok().GetProperty("kindergartens").EnumerateArray().Single();
        Assert.Equal("№ 1 «Балапан» бөбекжай-бақшасы", kk.GetProperty("name").GetString());
        Assert.Equal("Алматы қ., Самал-2 ш.а., 58", kk.GetProperty("address").GetString());
        Assert.Equal(76.954, kk.GetProperty("longitude").GetDouble(), 6);
        Assert.Equal(2, kk.GetProperty("groups").GetArrayLength());
        var ru = (await api.PostAsync(Query, language: "ru")).Ok().GetProperty("kindergartens")[0];
        Assert.Equal("Ясли-сад № 1 «Балапан»", ru.GetProperty("name").GetString());
        Assert.Equal("г. Алматы, мкр. Самал-2, 58", ru.GetProperty("address").GetString());
    }

    [Fact]
    public async Task Seats_are_published_only_for_a_group_the_kindergarten_has()
    {
        var (api, _, @operator, _) = await PeopleAsync();
        var id = (await api.PostAsync(CreateKindergarten, new { input = KindergartenInput() }, @operator)).Ok()
            .GetProperty("createKindergarten").GetProperty("kindergarten").GetProperty("id").GetString()!;
        const string Publish = "mutation($input: PublishPlacesInput!) { publishPlaces(input: $input) { published } }";

        // Its groups are 2022 in Kazakh and 2021 in Russian: 2022 in Russian is not one of them.
        var refused = await api.PostAsync(Publish, new { input = new { kindergartenId = id, groupYear = 2022, language = "RU", count = 1, mode = "QUEUE" } },
            @operator, "kk");
        Assert.Equal("GROUP_NOT_OFFERED", refused.ErrorCode);
        Assert.Contains("2022", refused.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(0, await Kezek.WithDbAsync(db => db.Places.CountAsync()));

        Assert.Equal(1, (await api.PostAsync(Publish, new { input = new { kindergartenId = id, groupYear = 2021, language = "RU", count = 1, mode = "QUEUE" } },
            @operator)).Ok().GetProperty("publishPlaces").GetProperty("published").GetInt32());
    }

    [Fact]
    public async Task Free_places_show_state_kindergartens_unless_asked_and_filter_by_language_and_distance()
    {
        var (api, admin, @operator, _) = await PeopleAsync();
        (await api.PostAsync(ImportKindergartens, new { csv = $"{Header}\n{Balapan}\n{Aigolek}\n{Solnyshko}" }, admin)).Ok();
        var ids = await Kezek.WithDbAsync(db => db.Kindergartens.ToDictionaryAsync(k => k.Bin, k => k.Id));
        foreach (var (bin, language) in new[] { ("160140012345", "KK"), ("160140012345", "RU"), ("160140023457", "KK"), ("160140034564", "RU") })
        {
            (await api.PostAsync("mutation($input: PublishPlacesInput!) { publishPlaces(input: $input) { published freePlaces { kindergarten { bin } } } }",
                new { input = new { kindergartenId = ids[bin], groupYear = 2022, language, count = 2, mode = "FREE_CHOICE" } }, @operator)).Ok();
        }

        const string Query = """
            query($o: [Ownership!], $l: Language, $n: NearInput) {
              freePlaces(region: "almaty", groupYear: 2022, ownership: $o, language: $l, near: $n) { count language distanceKm kindergarten { bin ownership } }
            }
            """;
        async Task<List<(string Bin, string Language, double? Km)>> ListAsync(object variables) =>
            [.. (await api.PostAsync(Query, variables)).Ok().GetProperty("freePlaces").EnumerateArray().Select(p => (
                p.GetProperty("kindergarten").GetProperty("bin").GetString()!, p.GetProperty("language").GetString()!,
                p.GetProperty("distanceKm").ValueKind == JsonValueKind.Null ? (double?)null : p.GetProperty("distanceKm").GetDouble()))];

        var byDefault = await ListAsync(new { });
        Assert.Equal(3, byDefault.Count);
        Assert.DoesNotContain(byDefault, p => p.Bin == "160140034564");
        Assert.All(byDefault, p => Assert.Null(p.Km));
        Assert.Equal([("160140034564", "RU", null)], await ListAsync(new { o = new[] { "PRIVATE" } }));
        Assert.Equal(4, (await ListAsync(new { o = new[] { "STATE", "PRIVATE" } })).Count);
        Assert.Equal([("160140012345", "RU", null)], await ListAsync(new { l = "RU" }));

        // From the Balapan's street: Balapan is 0.3 km away; Aigolek, 6 km to the west, is outside a 3 km circle.
        var near = await ListAsync(new { n = new { latitude = 43.2360, longitude = 76.9560, radiusKm = 3.0 } });
        Assert.Equal(["160140012345", "160140012345"], near.Select(p => p.Bin));
        Assert.All(near, p => Assert.InRange(p.Km!.Value, 0.2, 0.5));
        var wider = await ListAsync(new { n = new { latitude = 43.2360, longitude = 76.9560, radiusKm = 10.0 }, o = new[] { "STATE", "PRIVATE" } });
        Assert.Equal("160140023457", wider[^1].Bin);
        Assert.InRange(wider[^1].Km!.Value, 7.0, 7.5);
        Assert.Equal("COORDINATES_OUT_OF_RANGE", (await api.PostAsync(Query, new { n = new { latitude = 10.0, longitude = 76.9, radiusKm = 3.0 } })).ErrorCode);
        Assert.Equal("INVALID_INPUT", (await api.PostAsync(Query, new { n = new { latitude = 43.2, longitude = 76.9, radiusKm = 0.0 } })).ErrorCode);
    }

    [Fact]
    public async Task The_region_policy_gives_the_numbers_in_force_and_follows_an_activated_rule_set()
    {
        var (api, admin, _, _) = await PeopleAsync();
        const string Query = """
            { regionPolicy(region: "almaty") { daysToChoose daysToAttend stopListDays revokeWindowHours extensionsAllowed extensionMaxDays
              expirationsBeforeRemoval minAgeMonths maxAgeMonths voucherConfirmDays voucherRestoreDays support { phone hours } } }
            """;

        var policy = (await api.PostAsync(Query)).Ok().GetProperty("regionPolicy");
        var rules = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "rules", "almaty.json")))!["GlobalParams"]!.AsArray()
            .ToDictionary(p => p!["Name"]!.GetValue<string>(), p => p!["Expression"]!.GetValue<string>());
        foreach (var name in new[] { "daysToChoose", "daysToAttend", "stopListDays", "revokeWindowHours", "extensionsAllowed", "extensionMaxDays",
                     "expirationsBeforeRemoval", "minAgeMonths", "maxAgeMonths", "voucherConfirmDays", "voucherRestoreDays" })
            Assert.Equal(int.Parse(rules[name], System.Globalization.CultureInfo.InvariantCulture), policy.GetProperty(name).GetInt32());
        Assert.Equal("1308", policy.GetProperty("support").GetProperty("phone").GetString());

        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "rules", "almaty.json")))!.AsObject();
        json["GlobalParams"]!.AsArray().Single(p => p!["Name"]!.GetValue<string>() == "daysToChoose")!["Expression"] = "7";
        (await api.PostAsync("mutation($j: String!) { activateRuleSet(region: \"almaty\", json: $j, reason: \"Решение № 3\") { version } }",
            new { j = json.ToJsonString() }, admin)).Ok();

        Assert.Equal(7, (await api.PostAsync(Query)).Ok().GetProperty("regionPolicy").GetProperty("daysToChoose").GetInt32());
        Assert.Equal("UNKNOWN_REGION", (await api.PostAsync("{ regionPolicy(region: \"pavlodar\") { daysToChoose } }")).ErrorCode);
        // A rule set read as such (policy officers) has no one region's contacts.
        Assert.Equal(JsonValueKind.Null, (await api.PostAsync("{ ruleSet(region: \"aktobe\") { policy { support { phone } } } }", token: admin)).Ok()
            .GetProperty("ruleSet").GetProperty("policy").GetProperty("support").ValueKind);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ReferenceDataOnSqlite(SqliteKezek kezek) : ReferenceDataTests(kezek);

[Collection(PostgresCollection.Name)]
public sealed class ReferenceDataOnPostgres(PostgresKezek kezek) : ReferenceDataTests(kezek);
