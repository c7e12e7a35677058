using System.Text.Json;
using Kezek.Core.Iins;
using Kezek.Core.Regions;
using Kezek.Workflows.Timers;
using Microsoft.Extensions.DependencyInjection;

namespace Kezek.IntegrationTests.Hosting;

/// <summary>
/// A region's queue for lifecycle tests: the mother's children registered one minute apart (real signed
/// registrations), a kindergarten, an operator of the region, and helpers for the family's signed actions.
/// </summary>
public sealed class Queues(KezekFactory kezek)
{
    public static readonly Guid KindergartenId = Guid.Parse("0b7a1f3e-5d2c-4e8b-9a61-000000000001");
    public static readonly Guid OtherKindergartenId = Guid.Parse("0b7a1f3e-5d2c-4e8b-9a61-000000000002");
    public const string KindergartenBin = "160140012345";

    public GraphQLClient Api { get; } = kezek.Api();

    public string Mother { get; private set; } = "";

    public string Operator { get; private set; } = "";

    /// <summary>Application numbers in queue order.</summary>
    public List<string> Numbers { get; } = [];

    /// <summary>The children's names carry every Kazakh letter (ә ғ қ ң ө ұ ү һ і), so that messages and PDFs are checked with them.</summary>
    public static string ChildName(int index) => $"ҚОҢЫРБАЕВА ӘСЕЛ-ҮМІТ ӨРІК-ҰЛДАНА ШАҺАРҒАЛИҚЫЗЫ {index}";

    public static IReadOnlyList<string> ChildIins(int count, DateOnly firstBorn) =>
        [.. Enumerable.Range(0, count).Select(i => Iin.Create(firstBorn.AddDays(i % 300), i % 2 == 0 ? Sex.Female : Sex.Male, 1000 + i).Value)];

    /// <summary>Registers <paramref name="children"/> children of the mother in the region, a minute apart.</summary>
    public async Task<Queues> WithChildrenAsync(int children, string region = "almaty", DateOnly? firstBorn = null, bool oneMinuteApart = true)
    {
        var iins = ChildIins(children, firstBorn ?? new DateOnly(2022, 1, 1));
        await Api.ImportCivilRegistryAsync("childIin,childFullName,childBirthDate,parentIin,parentFullName,relation\n" + string.Join('\n',
            iins.Select((iin, i) => $"{iin},{ChildName(i)},{Iin.Parse(iin).Value.BirthDate:yyyy-MM-dd},{TestPeople.MotherIin},АХМЕТОВА АЙГЕРІМ СЕРІКҚЫЗЫ,MOTHER")));
        Mother = await Api.SignInAsync(kezek.People.Mother);
        foreach (var iin in iins)
        {
            var registered = (await Api.RegisterAsync(kezek.People.Mother, Mother, GraphQLClient.RegistrationInput(iin, region))).Ok();
            Numbers.Add(registered.GetProperty("registerApplication").GetProperty("application").GetProperty("number").GetString()!);
            if (oneMinuteApart)
                kezek.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        await AddKindergartensAsync(kezek, region);
        var admin = await Api.SignInAsync(kezek.People.Administrator);
        (await Api.PostAsync("mutation($iin: String!, $region: String!) { grantRole(iin: $iin, role: OPERATOR, region: $region) { id } }",
            new { iin = TestPeople.OperatorIin, region }, admin)).Ok();
        Operator = await Api.SignInAsync(kezek.People.Operator);
        return this;
    }

    /// <summary>The region's two test kindergartens: «Балапан» (<see cref="KindergartenId"/>, kk and ru) and № 27 (kk).</summary>
    public static Task AddKindergartensAsync(KezekFactory kezek, string region = "almaty") =>
        kezek.WithDbAsync(async db =>
        {
            db.Kindergartens.Add(new Kindergarten(KindergartenId, region, KindergartenBin, "Ясли-сад № 1 «Балапан»", "№ 1 «Балапан» бөбекжай-бақшасы",
                "г. Алматы, мкр. Самал-2, 58", "kk,ru", Ownership.State, "Алматы қ., Самал-2 ш.а., 58"));
            db.Kindergartens.Add(new Kindergarten(OtherKindergartenId, region, "160140023456", "Детский сад № 27", "№ 27 балабақша",
                "г. Алматы, ул. Жандосова, 140", "kk", Ownership.State, "Алматы қ., Жандосов к-сі, 140"));
            return await db.SaveChangesAsync();
        });

    /// <summary>Moves the clock and signs the mother and the operator in again (sessions last hours, the lifecycle days).</summary>
    public async Task MoveClockAsync(DateTimeOffset to)
    {
        kezek.Clock.Set(to);
        Mother = await Api.SignInAsync(kezek.People.Mother);
        Operator = await Api.SignInAsync(kezek.People.Operator);
    }

    public Task AdvanceClockAsync(TimeSpan by) => MoveClockAsync(kezek.Clock.GetUtcNow() + by);

    public async Task<JsonElement> PublishAsync(int count, string mode = "QUEUE", Guid? kindergarten = null, int groupYear = 2022, string language = "KK") =>
        (await Api.PostAsync("""
            mutation($input: PublishPlacesInput!) { publishPlaces(input: $input) { published notified freePlaces { placeId count mode language } } }
            """, new { input = new { kindergartenId = kindergarten ?? KindergartenId, groupYear, language, count, mode } }, Operator)).Ok()
        .GetProperty("publishPlaces");

    public async Task<string> FreePlaceIdAsync(string region = "almaty", string? mode = null, Guid? kindergarten = null)
    {
        var places = (await Api.PostAsync("query($r: String!) { freePlaces(region: $r) { placeId mode count kindergarten { id } } }", new { r = region }))
            .Ok().GetProperty("freePlaces").EnumerateArray()
            .Where(p => (mode is null || p.GetProperty("mode").GetString() == mode)
                        && (kindergarten is null || p.GetProperty("kindergarten").GetProperty("id").GetString() == kindergarten.ToString()))
            .ToList();
        Assert.NotEmpty(places);
        return places[0].GetProperty("placeId").GetString()!;
    }

    /// <summary>A family's signed action, with a fresh nonce and the mother's SIGN key.</summary>
    public async Task<GraphQLResponse> ActAsync(string mutation, string inputType, IReadOnlyDictionary<string, string> input, string selection)
    {
        var signed = GraphQLClient.Sign(kezek.People.Mother, mutation, await Api.NonceAsync(Mother), input);
        return await Api.PostAsync($"mutation($input: {inputType}!, $x: String!) {{ {mutation}(input: $input, signedXml: $x) {{ {selection} }} }}",
            new { input = input.ToDictionary(p => p.Key, p => (object)p.Value), x = signed }, Mother);
    }

    public const string DirectionSelection = "direction { id status expiresAt extensions kindergarten { name } } application { number status state deadline }";

    public Task<GraphQLResponse> ChooseAsync(string number, string placeId) =>
        ActAsync("chooseKindergarten", "ChooseKindergartenInput", new Dictionary<string, string> { ["applicationNumber"] = number, ["placeId"] = placeId },
            DirectionSelection);

    public Task<GraphQLResponse> RevokeAsync(string directionId, string reason = "Переезд в другой район") =>
        ActAsync("revokeDirection", "RevokeDirectionInput", new Dictionary<string, string> { ["directionId"] = directionId, ["reason"] = reason },
            DirectionSelection);

    public Task<GraphQLResponse> ExtendAsync(string directionId, string until, string reason = "Болезнь ребёнка") =>
        ActAsync("extendDirection", "ExtendDirectionInput",
            new Dictionary<string, string> { ["directionId"] = directionId, ["until"] = until, ["reason"] = reason }, DirectionSelection);

    public Task<GraphQLResponse> WithdrawAsync(string number, string reason = "Пойдём в частный сад") =>
        ActAsync("withdrawApplication", "WithdrawApplicationInput", new Dictionary<string, string> { ["applicationNumber"] = number, ["reason"] = reason },
            "application { number status state }");

    public async Task<GraphQLResponse> EnrollAsync(string directionId) =>
        await Api.PostAsync("mutation($d: ID!) { enrollChild(directionId: $d) { direction { id status } application { number status } } }",
            new { d = directionId }, Operator);

    public async Task<JsonElement> ApplicationAsync(string number) =>
        (await Api.PostAsync("""
            query($n: String!) { application(number: $n) {
              number status state deadline stopListedUntil expirations queueNumber benefitQueueNumber queuedAt
              directions { id status issuedAt expiresAt extensions endedAt }
              history { action actorRole fromStatus toStatus reason signedXml }
              documents { kind title issuedAt verificationCode }
              availableActions { action allowed code message } } }
            """, new { n = number }, Mother)).Ok().GetProperty("application");

    public static string DirectionId(GraphQLResponse chosen) =>
        chosen.Ok().GetProperty("chooseKindergarten").GetProperty("direction").GetProperty("id").GetString()!;

    public async Task<SweepResult> SweepAsync()
    {
        using var scope = kezek.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<DueTimers>().SweepAsync(CancellationToken.None);
    }
}
