using Kezek.Core.Regions;
using Kezek.Identity.Signatures;
using Kezek.IntegrationTests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Kezek.IntegrationTests.Allocation;

/// <summary>
/// Выбор детских садов по приоритету: the family ranks kindergartens of its region, signed, the order being part of what
/// is signed; a new ranking replaces the one before, and every refusal writes nothing.
/// </summary>
public abstract class RankingTests(KezekFactory kezek) : KezekTest(kezek)
{
    private const string Selection = "application { number rankedKindergartens { id bin } history { action signedXml } }";

    private async Task<GraphQLResponse> RankAsync(Queues queue, string number, IReadOnlyList<string> ids, IReadOnlyList<string>? signedIds = null,
        TestPerson? signer = null, string? token = null)
    {
        token ??= queue.Mother;
        var fields = (signedIds ?? ids).Select(id => new ActionField("kindergartenIds", id)).Prepend(new ActionField("applicationNumber", number));
        var signed = XmlSigner.Sign(ActionDocument.Action("rankKindergartens", await queue.Api.NonceAsync(token), fields), (signer ?? People.Mother).Sign);
        return await queue.Api.PostAsync(
            $"mutation($input: RankKindergartensInput!, $x: String!) {{ rankKindergartens(input: $input, signedXml: $x) {{ {Selection} }} }}",
            new { input = new { applicationNumber = number, kindergartenIds = ids }, x = signed }, token);
    }

    private Task<(int Ranked, int History)> WrittenAsync() =>
        Kezek.WithDbAsync(async db => (await db.RankedKindergartens.CountAsync(), await db.HistoryEntries.CountAsync()));

    [Fact]
    public async Task A_family_ranks_kindergartens_of_its_region_in_a_signed_order_replaces_and_withdraws_it_and_refusals_write_nothing()
    {
        var queue = await new Queues(Kezek).WithChildrenAsync(2);
        var number = queue.Numbers[0];
        var first = Queues.KindergartenId.ToString();
        var other = Queues.OtherKindergartenId.ToString();
        var astana = Guid.NewGuid();
        await Kezek.WithDbAsync(async db =>
        {
            db.Kindergartens.Add(new Kindergarten(astana, "astana", "160140099999", "Детский сад № 5", "№ 5 балабақша", "Астана", "ru", Ownership.State));
            return await db.SaveChangesAsync();
        });

        var ranked = (await RankAsync(queue, number, [other, first])).Ok().GetProperty("rankKindergartens").GetProperty("application");
        Assert.Equal([other, first], ranked.GetProperty("rankedKindergartens").EnumerateArray().Select(k => k.GetProperty("id").GetString()!));
        var entry = ranked.GetProperty("history").EnumerateArray().Last();
        Assert.Equal("KindergartensRanked", entry.GetProperty("action").GetString());
        Assert.Contains($"<kindergartenIds>{other}</kindergartenIds><kindergartenIds>{first}</kindergartenIds>", entry.GetProperty("signedXml").GetString(), StringComparison.Ordinal);

        // Refusals, each writing nothing.
        var written = await WrittenAsync();
        Assert.Equal((2, written.History), written);
        var six = Enumerable.Range(0, 6).Select(_ => Guid.NewGuid().ToString()).ToArray();
        var tooMany = await RankAsync(queue, number, six);
        Assert.Equal("TOO_MANY_RANKED_KINDERGARTENS", tooMany.ErrorCode);
        Assert.Contains("5", tooMany.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal("INVALID_INPUT", (await RankAsync(queue, number, [first, first])).ErrorCode);
        Assert.Equal("INVALID_INPUT", (await RankAsync(queue, number, ["not-an-id"])).ErrorCode);
        Assert.Equal("KINDERGARTEN_NOT_IN_REGION", (await RankAsync(queue, number, [first, astana.ToString()])).ErrorCode);
        Assert.Equal("KINDERGARTEN_NOT_IN_REGION", (await RankAsync(queue, number, [Guid.NewGuid().ToString()])).ErrorCode);
        // The order is what was signed: the same kindergartens in another order are another action.
        Assert.Equal("ACTION_MISMATCH", (await RankAsync(queue, number, [first, other], signedIds: [other, first])).ErrorCode);
        var stranger = await queue.Api.SignInAsync(People.Stranger);
        Assert.Equal("APPLICATION_NOT_FOUND", (await RankAsync(queue, number, [first], signer: People.Stranger, token: stranger)).ErrorCode);
        Assert.Equal(written, await WrittenAsync());

        // A new ranking replaces the one before; an empty one withdraws it.
        var replaced = (await RankAsync(queue, number, [first])).Ok().GetProperty("rankKindergartens").GetProperty("application");
        Assert.Equal([first], replaced.GetProperty("rankedKindergartens").EnumerateArray().Select(k => k.GetProperty("id").GetString()!));
        Assert.Equal(1, await Kezek.WithDbAsync(db => db.RankedKindergartens.CountAsync()));
        var withdrawn = (await RankAsync(queue, number, [])).Ok().GetProperty("rankKindergartens").GetProperty("application");
        Assert.Equal(0, withdrawn.GetProperty("rankedKindergartens").GetArrayLength());
        Assert.Equal(0, await Kezek.WithDbAsync(db => db.RankedKindergartens.CountAsync()));

        // The other child's application keeps its own (none), and a child no longer in the queue is not ranked for.
        (await RankAsync(queue, queue.Numbers[1], [other])).Ok();
        (await queue.WithdrawAsync(queue.Numbers[1])).Ok();
        Assert.Equal("ACTION_NOT_AVAILABLE", (await RankAsync(queue, queue.Numbers[1], [first])).ErrorCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class RankingOnSqlite(SqliteKezek kezek) : RankingTests(kezek);

[Collection(PostgresCollection.Name)]
public sealed class RankingOnPostgres(PostgresKezek kezek) : RankingTests(kezek);
