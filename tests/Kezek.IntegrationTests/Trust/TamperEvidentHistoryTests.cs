using Kezek.Core.Applications;
using Kezek.IntegrationTests.Hosting;
using Kezek.Workflows.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kezek.IntegrationTests.Trust;

/// <summary>
/// The history is tamper-evident: an entry edited or removed in the database is found by verifyHistory; a history rewritten
/// whole, hashes and all, is found by the region's daily anchor. Staff reads of personal data are recorded.
/// </summary>
public abstract class TamperEvidentHistoryTests(KezekFactory kezek) : KezekTest(kezek)
{
    private const string Verify = "query($n: String!) { verifyHistory(number: $n) { intact entries legacyEntries brokenEntryIndex problem } }";
    private const string VerifyAnchor = "query($r: String!, $d: Date!) { verifyHistoryAnchor(region: $r, day: $d) { anchoredHash recomputedHash matches applications } }";

    private static async Task<System.Text.Json.JsonElement> VerifyAsync(Queues queue, string number) =>
        (await queue.Api.PostAsync(Verify, new { n = number }, queue.Operator)).Ok().GetProperty("verifyHistory");

    [Fact]
    public async Task An_edited_or_removed_entry_is_found_and_a_history_rewritten_whole_is_found_by_the_days_anchor()
    {
        var queue = await new Queues(Kezek).WithChildrenAsync(3);
        (await queue.WithdrawAsync(queue.Numbers[0])).Ok();
        var intact = await VerifyAsync(queue, queue.Numbers[0]);
        Assert.True(intact.GetProperty("intact").GetBoolean());
        Assert.Equal(2, intact.GetProperty("entries").GetInt32());
        Assert.Equal(0, intact.GetProperty("legacyEntries").GetInt32());

        // Who may check: the region's operators and administrators; a family may not, another region's operator finds nothing.
        Assert.Equal("FORBIDDEN", (await queue.Api.PostAsync(Verify, new { n = queue.Numbers[0] }, queue.Mother)).ErrorCode);

        // The day ends; its anchor is written once, however many instances try.
        var day = DateOnly.FromDateTime(KezekFactory.Start.ToOffset(TimeSpan.FromHours(5)).DateTime);
        await queue.AdvanceClockAsync(TimeSpan.FromDays(1));
        using (var scope = Kezek.Services.CreateScope())
        {
            var anchors = scope.ServiceProvider.GetRequiredService<HistoryAnchors>();
            Assert.True(await anchors.AnchorEndedDaysAsync(CancellationToken.None) >= 1);
            Assert.Equal(0, await anchors.AnchorEndedDaysAsync(CancellationToken.None));
        }

        var anchored = (await queue.Api.PostAsync(VerifyAnchor, new { r = "almaty", d = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }, queue.Operator)).Ok()
            .GetProperty("verifyHistoryAnchor");
        Assert.True(anchored.GetProperty("matches").GetBoolean());
        Assert.Equal("INVALID_INPUT", (await queue.Api.PostAsync(VerifyAnchor, new { r = "almaty", d = "9999-12-31" }, queue.Operator)).ErrorCode);
        Assert.Equal(3, anchored.GetProperty("applications").GetInt32());

        // A reason edited in the database.
        await Kezek.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE \"HistoryEntries\" SET \"Reason\" = 'подмена' WHERE \"Action\" = 'Withdraw'"));
        var edited = await VerifyAsync(queue, queue.Numbers[0]);
        Assert.False(edited.GetProperty("intact").GetBoolean());
        Assert.Equal("CONTENT", edited.GetProperty("problem").GetString());
        Assert.Equal(1, edited.GetProperty("brokenEntryIndex").GetInt32());

        // An entry removed (the application's history shortened to hide a step).
        (await queue.WithdrawAsync(queue.Numbers[1])).Ok();
        await Kezek.WithDbAsync(async db =>
        {
            var id = await db.Applications.Where(a => a.Number == queue.Numbers[1]).Select(a => a.Id).SingleAsync();
            var first = await db.HistoryEntries.Where(h => h.ApplicationId == id).MinAsync(h => h.Id);
            return await db.Database.ExecuteSqlRawAsync("DELETE FROM \"HistoryEntries\" WHERE \"Id\" = {0}", first);
        });
        Assert.Equal("LINK", (await VerifyAsync(queue, queue.Numbers[1])).GetProperty("problem").GetString());

        // The third child's history rewritten whole, every hash recomputed so that its own chain holds: the anchor tells.
        await Kezek.WithDbAsync(async db =>
        {
            var application = await db.Applications.AsNoTracking().SingleAsync(a => a.Number == queue.Numbers[2]);
            var entry = await db.HistoryEntries.AsNoTracking().SingleAsync(h => h.ApplicationId == application.Id);
            await db.Database.ExecuteSqlRawAsync("UPDATE \"HistoryEntries\" SET \"ActorName\" = 'ПОДМЕНА' WHERE \"Id\" = {0}", entry.Id);
            var forged = await db.HistoryEntries.AsNoTracking().SingleAsync(h => h.Id == entry.Id);
            var hash = HistoryChain.Hash(forged, application.Number, null);
            await db.Database.ExecuteSqlRawAsync("UPDATE \"HistoryEntries\" SET \"Hash\" = {0} WHERE \"Id\" = {1}", hash, entry.Id);
            return await db.Database.ExecuteSqlRawAsync("UPDATE \"Applications\" SET \"HistoryHead\" = {0} WHERE \"Id\" = {1}", hash, application.Id);
        });
        Assert.True((await VerifyAsync(queue, queue.Numbers[2])).GetProperty("intact").GetBoolean());
        var rewritten = (await queue.Api.PostAsync(VerifyAnchor, new { r = "almaty", d = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }, queue.Operator)).Ok()
            .GetProperty("verifyHistoryAnchor");
        Assert.False(rewritten.GetProperty("matches").GetBoolean());
        Assert.Equal(anchored.GetProperty("anchoredHash").GetString(), rewritten.GetProperty("anchoredHash").GetString());

        Assert.Equal(4, await Kezek.WithDbAsync(db => db.StaffActions.CountAsync(a => a.Action == VerifyHistoryHandler.AuditAction)));
    }

    [Fact]
    public async Task Staff_reads_of_an_application_or_a_journal_page_are_recorded_and_a_familys_own_are_not()
    {
        var queue = await new Queues(Kezek).WithChildrenAsync(2);
        const string Card = "query($n: String!) { application(number: $n) { number child { fullName } } }";
        const string Journal = "{ applications(first: 10) { nodes { number } } }";

        (await queue.Api.PostAsync(Card, new { n = queue.Numbers[0] }, queue.Mother)).Ok();
        (await queue.Api.PostAsync(Journal, token: queue.Mother)).Ok();
        Assert.Equal(0, await Kezek.WithDbAsync(db => db.StaffActions.CountAsync(a => a.Action.StartsWith("Read"))));

        (await queue.Api.PostAsync(Card, new { n = queue.Numbers[1] }, queue.Operator)).Ok();
        (await queue.Api.PostAsync(Journal, token: queue.Operator)).Ok();
        var reads = await Kezek.WithDbAsync(db => db.StaffActions.Where(a => a.Action.StartsWith("Read")).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal([StaffReads.ReadApplication, StaffReads.ReadJournal], reads.Select(r => r.Action));
        Assert.All(reads, r => Assert.Equal(TestPeople.OperatorIin, r.ActorIin));
        Assert.Equal(queue.Numbers[1], reads[0].Details);
        Assert.Contains(queue.Numbers[0], reads[1].Details, StringComparison.Ordinal);
        Assert.Contains(queue.Numbers[1], reads[1].Details, StringComparison.Ordinal);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class TamperEvidentHistoryOnSqlite(SqliteKezek kezek) : TamperEvidentHistoryTests(kezek);

[Collection(PostgresCollection.Name)]
public sealed class TamperEvidentHistoryOnPostgres(PostgresKezek kezek) : TamperEvidentHistoryTests(kezek);
