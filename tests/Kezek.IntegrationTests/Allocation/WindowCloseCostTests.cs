using System.Text.Json.Nodes;
using Kezek.Core.Allocation;
using Kezek.Identity.Signatures;
using Kezek.Infrastructure.Persistence;
using Kezek.IntegrationTests.Hosting;
using Kezek.Workflows.Windows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kezek.IntegrationTests.Allocation;

/// <summary>
/// What a window's close costs the database, counted in SQL statements (issue 18's Almaty-size close): a few statements for
/// the close (the window, the seats, the queue walk, the rankings, the run, the kindergartens, the free seats, the seats'
/// last modes) and a few per page of families written, however many families the page holds: the page's seats claimed,
/// its families' languages read, its placed families' state timers cancelled, each in one statement, and one save — never
/// a statement per family. The same close is run twice, rolled back each time: in one page, and in pages of
/// <see cref="SmallPage"/> families, so that the statements a page adds are counted apart from the close's own.
/// </summary>
public abstract class WindowCloseCostTests(KezekFactory kezek) : KezekTest(kezek)
{
    /// <summary>The statements a close makes besides its pages.</summary>
    public const int CloseBound = 12;

    /// <summary>The statements each page adds (the seats claimed, the languages, the timers cancelled, the save).</summary>
    public const int PageBound = 4;

    private const int Families = 16;
    private const int SmallPage = 4;

    [Fact]
    public async Task A_close_costs_a_few_statements_and_a_few_more_per_page_never_one_per_family()
    {
        var queue = await new Queues(Kezek).WithChildrenAsync(Families, oneMinuteApart: false);
        var admin = await queue.Api.SignInAsync(People.Administrator);
        var rules = JsonNode.Parse(File.ReadAllText(Path.Combine(Api.SchemaTests.RepositoryRoot(), "rules", "almaty.json")))!;
        var parameters = rules["GlobalParams"]!.AsArray();
        parameters.Single(p => p!["Name"]!.GetValue<string>() == "allocation")!["Expression"] = "\"window\"";
        (await queue.Api.PostAsync("mutation($r: String!, $j: String!) { activateRuleSet(region: $r, json: $j, reason: \"Окно распределения\") { version } }",
            new { r = "almaty", j = rules.ToJsonString() }, admin)).Ok();
        var opened = Kezek.Clock.GetUtcNow();
        // Fourteen seats for sixteen families: every page of four places someone (claims seats, cancels timers).
        await queue.PublishAsync(8);
        await queue.PublishAsync(6, kindergarten: Queues.OtherKindergartenId);
        for (var i = 0; i < Families; i++)
        {
            Guid[] ranking = i % 2 == 0 ? [Queues.KindergartenId, Queues.OtherKindergartenId] : [Queues.OtherKindergartenId, Queues.KindergartenId];
            var fields = ranking.Select(id => new ActionField("kindergartenIds", id.ToString())).Prepend(new ActionField("applicationNumber", queue.Numbers[i]));
            var signed = XmlSigner.Sign(ActionDocument.Action("rankKindergartens", await queue.Api.NonceAsync(queue.Mother), fields), People.Mother.Sign);
            (await queue.Api.PostAsync("mutation($input: RankKindergartensInput!, $x: String!) { rankKindergartens(input: $input, signedXml: $x) { application { number } } }",
                new { input = new { applicationNumber = queue.Numbers[i], kindergartenIds = ranking.Select(id => id.ToString()) }, x = signed }, queue.Mother)).Ok();
        }

        await queue.MoveClockAsync(opened.AddMinutes(31));
        var window = await Kezek.WithDbAsync(db => db.ReleaseWindows.SingleAsync());
        // A first close warms the caches (rule sets, workflows, compiled queries): count the next ones.
        await CloseCountedAsync(window.Id, Families);
        var (onePage, placedOnce) = await CloseCountedAsync(window.Id, Families);
        var (pages, placed) = await CloseCountedAsync(window.Id, SmallPage);
        Assert.Equal((14, 14), (placedOnce, placed));
        var pageCount = (Families + SmallPage - 1) / SmallPage;
        var perPage = (double)(pages.Count - onePage.Count) / (pageCount - 1);
        var close = onePage.Count - perPage;
        Assert.True(perPage <= PageBound && close <= CloseBound,
            $"{perPage:F1} statements a page, {close:F1} for the close\n\none page:\n{onePage}\n\n{pageCount} pages:\n{pages}");
    }

    /// <summary>Closes the window in pages of <paramref name="pageSize"/> families, counting its statements, and rolls it back.</summary>
    private async Task<(SqlCommands.Recording Statements, int Placed)> CloseCountedAsync(long windowId, int pageSize)
    {
        using var scope = Kezek.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KezekDbContext>();
        var windows = scope.ServiceProvider.GetRequiredService<ReleaseWindows>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var recording = Kezek.Sql.Record();
        var closed = await windows.CloseAsync(windowId, CancellationToken.None, pageSize);
        recording.Dispose();
        await transaction.RollbackAsync();
        return (recording, closed.Value.Placed);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class WindowCloseCostOnSqlite(SqliteKezek kezek) : WindowCloseCostTests(kezek);

[Collection(PostgresCollection.Name)]
public sealed class WindowCloseCostOnPostgres(PostgresKezek kezek) : WindowCloseCostTests(kezek);
