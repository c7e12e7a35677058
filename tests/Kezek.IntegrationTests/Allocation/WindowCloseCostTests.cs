using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kezek.Core.Allocation;
using Kezek.Identity.Signatures;
using Kezek.Infrastructure.Persistence;
using Kezek.IntegrationTests.Hosting;
using Kezek.Workflows.Windows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kezek.IntegrationTests.Allocation;

/// <summary>
/// What a window's close costs the database (issue 18's Almaty-size close), counted in statements: the queries and bulk
/// statements it sends (every statement but the save's rows) are a few for the close (the window, the seats, the queue walk,
/// the rankings, the kindergartens, the free seats, the seats' last modes) and a few per page of families, however many
/// families the page holds (the page's seats claimed, its families' languages read, its placed families' state timers
/// cancelled) — never one per family. On PostgreSQL a page's save is one batch of EF's statements and a few of the bulk
/// writer's (the ids, each COPY), and its rows are only the placed families' own (application, seat, direction, document):
/// outcomes, history, timers and outbox rows are copied. The same close is run three times, rolled back each time (the first
/// warms the caches): in one page, and in pages of <see cref="SmallPage"/> families, so that what a page adds is counted
/// apart from the close's own.
/// </summary>
public abstract partial class WindowCloseCostTests(KezekFactory kezek) : KezekTest(kezek)
{
    /// <summary>Queries and bulk statements of a close besides its pages.</summary>
    public const int CloseBound = 8;

    /// <summary>Queries and bulk statements each page adds: the seats claimed, the languages, the timers cancelled.</summary>
    public const int PageBound = 3;

    /// <summary>PostgreSQL: the save's round trips a page adds: EF's batch, the ids, then copies of outcomes, history, timers, outbox.</summary>
    public const int PostgresSaveBound = 6;

    /// <summary>PostgreSQL: the save's rows per placed family (its application, its seat, its direction, its document).</summary>
    public const int PostgresPerPlacedBound = 4;

    private const int Families = 16;
    private const int SmallPage = 4;

    [Fact]
    public async Task A_close_costs_a_few_round_trips_and_a_few_more_per_page_never_one_per_family()
    {
        var queue = await new Queues(Kezek).WithChildrenAsync(Families, oneMinuteApart: false);
        var admin = await queue.Api.SignInAsync(People.Administrator);
        var rules = JsonNode.Parse(File.ReadAllText(Path.Combine(Api.SchemaTests.RepositoryRoot(), "rules", "almaty.json")))!;
        var parameters = rules["GlobalParams"]!.AsArray();
        parameters.Add(new JsonObject { ["Name"] = "allocation", ["Expression"] = "\"window\"" });
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
        var onePage = await CloseCountedAsync(window.Id, Families);
        var pages = await CloseCountedAsync(window.Id, SmallPage);
        Assert.Equal((14, 14), (onePage.Placed, pages.Placed));
        var pageCount = (Families + SmallPage - 1) / SmallPage;
        var perPage = (double)(pages.Queries - onePage.Queries) / (pageCount - 1);
        var close = onePage.Queries - perPage;
        var listing = $"{perPage:F1} queries a page, {close:F1} for the close\n\none page:\n{onePage.Listing}\n\n{pageCount} pages:\n{pages.Listing}";
        Assert.True(perPage <= PageBound && close <= CloseBound, listing);
        if (Kezek is PostgresKezek)
        {
            // The close's own saves (the run, the window) are one row each; the rest are the placed families' own rows.
            Assert.True(onePage.SaveRows <= 2 + PostgresPerPlacedBound * onePage.Placed, listing);
            Assert.True(onePage.SaveTrips - 2 <= PostgresSaveBound, listing);
            Assert.Contains("COPY \"AllocationOutcomes\"", onePage.Copies);
            Assert.Contains("COPY \"Notifications\"", onePage.Copies);
        }
    }

    /// <summary>
    /// What a close sent: its queries and bulk statements (every statement but the rows of an EF save), the rows EF's saves
    /// wrote (INSERT and UPDATE ... SET statements), the save's round trips (EF's commands with rows, the bulk writer's).
    /// </summary>
    private sealed record Counted(int Queries, int SaveRows, int SaveTrips, IReadOnlyList<string> Copies, int Placed, string Listing);

    private static bool IsSaveRow(string statement) =>
        statement.StartsWith("INSERT INTO", StringComparison.Ordinal) || SaveUpdate().IsMatch(statement);

    [GeneratedRegex("^UPDATE \"[A-Za-z]+\" SET ")]
    private static partial Regex SaveUpdate();

    /// <summary>Closes the window in pages of <paramref name="pageSize"/> families, counting what it sends, and rolls it back.</summary>
    private async Task<Counted> CloseCountedAsync(long windowId, int pageSize)
    {
        using var scope = Kezek.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KezekDbContext>();
        var windows = scope.ServiceProvider.GetRequiredService<ReleaseWindows>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var copies = new List<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Kezek.Persistence.BulkCopy",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity => { lock (copies) copies.Add(activity.DisplayName); },
        };
        ActivitySource.AddActivityListener(listener);
        var recording = Kezek.Sql.Record();
        var closed = await windows.CloseAsync(windowId, CancellationToken.None, pageSize);
        recording.Dispose();
        await transaction.RollbackAsync();
        var commands = recording.Commands.Select(c => c.Split(';').Select(s => s.Trim()).Where(s => s.Length > 0).ToList()).ToList();
        var statements = commands.SelectMany(c => c).ToList();
        return new Counted(statements.Count(s => !IsSaveRow(s)), statements.Count(IsSaveRow), commands.Count(c => c.Any(IsSaveRow)) + copies.Count, copies,
            closed.Value.Placed,
            $"{recording.Count} commands ({statements.Count} statements), {copies.Count} of the bulk writer ({string.Join(", ", copies)}):\n{recording}");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class WindowCloseCostOnSqlite(SqliteKezek kezek) : WindowCloseCostTests(kezek);

[Collection(PostgresCollection.Name)]
public sealed class WindowCloseCostOnPostgres(PostgresKezek kezek) : WindowCloseCostTests(kezek);
