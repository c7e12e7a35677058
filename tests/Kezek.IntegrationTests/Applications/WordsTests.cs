using Kezek.IntegrationTests.Hosting;

namespace Kezek.IntegrationTests.Applications;

/// <summary>Status and action names come from the word catalogs in the reader's language (Accept-Language), Russian by default.</summary>
public abstract class WordsTests(KezekFactory kezek) : KezekTest(kezek)
{
    private const string Names = """
        query($n: String!) { application(number: $n) { statusName directions { statusName } history { action actionName } } }
        """;

    public static TheoryData<string?, string, string, string, string> Languages() => new()
    {
        { null, "Принято решение (Выдано направление)", "Выдано, не зачислен", "Постановка на очередь", "Выбор детского сада" },
        { "ru", "Принято решение (Выдано направление)", "Выдано, не зачислен", "Постановка на очередь", "Выбор детского сада" },
        { "kk", "Шешім қабылданды (Жолдама берілді)", "Берілді, қабылданбаған", "Кезекке қою", "Балабақшаны таңдау" },
        { "en", "Direction issued", "Issued, not enrolled yet", "Put in the queue", "Kindergarten chosen" },
        { "de-DE, kk;q=0.5", "Шешім қабылданды (Жолдама берілді)", "Берілді, қабылданбаған", "Кезекке қою", "Балабақшаны таңдау" },
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Status_direction_status_and_action_names_are_read_in_the_readers_language(string? language, string status,
        string directionStatus, string registered, string chosen)
    {
        var queue = await new Queues(Kezek).WithChildrenAsync(1);
        var number = queue.Numbers[0];
        await queue.PublishAsync(1, mode: "FREE_CHOICE");
        Queues.DirectionId(await queue.ChooseAsync(number, await queue.FreePlaceIdAsync(mode: "FREE_CHOICE")));

        var application = (await queue.Api.PostAsync(Names, new { n = number }, queue.Mother, language)).Ok().GetProperty("application");

        Assert.Equal(status, application.GetProperty("statusName").GetString());
        Assert.Equal(directionStatus, application.GetProperty("directions")[0].GetProperty("statusName").GetString());
        Assert.Equal([("Registered", registered), ("Choose", chosen)], application.GetProperty("history").EnumerateArray()
            .Select(h => (h.GetProperty("action").GetString()!, h.GetProperty("actionName").GetString()!)));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class WordsOnSqlite(SqliteKezek kezek) : WordsTests(kezek);

[Collection(PostgresCollection.Name)]
public sealed class WordsOnPostgres(PostgresKezek kezek) : WordsTests(kezek);
