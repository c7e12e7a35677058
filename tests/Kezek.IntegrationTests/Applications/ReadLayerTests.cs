using System.Text.Json;
using Kezek.Core.Applications;
using Kezek.Core.CivilRegistry;
using Kezek.Core.Documents;
using Kezek.Core.Iins;
using Kezek.Core.Identity;
using Kezek.Core.Regions;
using Kezek.IntegrationTests.Hosting;

namespace Kezek.IntegrationTests.Applications;

/// <summary>
/// The read layer: a journal costs the same few SQL statements however many applications it shows, because every
/// nested list and reference is loaded for the whole page at once.
/// </summary>
public abstract class ReadLayerTests(KezekFactory kezek) : KezekTest(kezek)
{
    /// <summary>What a journal page may cost, whatever its size: the session, the page, and one statement per nested list.</summary>
    public const int StatementBound = 15;

    private static readonly Guid Kindergarten = Guid.Parse("6c1d2e3f-4a5b-4c6d-8e7f-000000000011");

    /// <summary>The parent's journal with every nested list, as lean as the complexity limit lets a page of 100 be.</summary>
    private const string Journal = """
        query($first: Int) {
          applications(first: $first) {
            totalCount
            nodes {
              number queueNumber benefitQueueNumber status region { code }
              parents { fullName relation }
              directions { status kindergarten { name } }
              documents { kind }
              history { action }
              availableActions { action code }
            }
          }
        }
        """;

    /// <summary>Every field of an application and of its nested objects, for a small page.</summary>
    private const string FullJournal = """
        query($first: Int, $number: String) {
          applications(first: $first, filter: { number: $number }) {
            totalCount
            nodes {
              number queueNumber benefitQueueNumber status state createdAt queuedAt deadline stopListedUntil expirations
              region { code name timeZone }
              child { fullName }
              parents { iin fullName relation attachedAt }
              directions { id status issuedAt expiresAt extensions endedAt kindergarten { id name address } }
              documents { kind title issuedAt verificationCode }
              history { at action actorName actorRole fromStatus toStatus reason }
              availableActions { action allowed code message }
            }
          }
        }
        """;

    [Fact]
    public async Task A_parents_journal_costs_the_same_few_statements_for_1_20_and_100_applications()
    {
        var counts = new Dictionary<int, int>();
        foreach (var size in new[] { 1, 20, 100 })
        {
            await Kezek.ResetAsync();
            await SeedAsync(size);
            var api = Kezek.Api();
            var mother = await api.SignInAsync(People.Mother);
            var (nodes, statements) = await JournalAsync(api, mother, 100);
            Assert.Equal(size, nodes.GetArrayLength());
            AssertVaried(nodes, size);
            counts[size] = statements.Count;
            Assert.True(statements.Count <= StatementBound, $"{size} applications: {statements.Count} statements\n{statements}");
        }

        Assert.Equal(counts[1], counts[20]);
        Assert.Equal(counts[1], counts[100]);
    }

    [Fact]
    public async Task An_operators_journal_page_of_50_costs_no_more()
    {
        await SeedAsync(120);
        var api = Kezek.Api();
        var admin = await api.SignInAsync(People.Administrator);
        (await api.PostAsync("mutation($iin: String!) { grantRole(iin: $iin, role: OPERATOR, region: \"almaty\") { id } }",
            new { iin = TestPeople.OperatorIin }, admin)).Ok();
        var operatorToken = await api.SignInAsync(People.Operator);

        var (nodes, statements) = await JournalAsync(api, operatorToken, 50);

        Assert.Equal(50, nodes.GetArrayLength());
        Assert.True(statements.Count <= StatementBound, $"{statements.Count} statements\n{statements}");
        // The operator is not of the family: every action is refused as forbidden, after the same evaluation.
        Assert.All(nodes.EnumerateArray().SelectMany(n => n.GetProperty("availableActions").EnumerateArray()),
            a => Assert.Equal("FORBIDDEN", a.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task The_batched_journal_answers_as_one_application_read_alone()
    {
        await SeedAsync(12);
        var api = Kezek.Api();
        var mother = await api.SignInAsync(People.Mother);
        var nodes = (await api.PostAsync(FullJournal, new { first = 12 }, mother)).Ok().GetProperty("applications").GetProperty("nodes");
        Assert.Equal(12, nodes.GetArrayLength());

        foreach (var node in nodes.EnumerateArray())
        {
            var alone = (await api.PostAsync(FullJournal, new { first = 1, number = node.GetProperty("number").GetString() }, mother)).Ok()
                .GetProperty("applications").GetProperty("nodes")[0];
            Assert.Equal(alone.GetRawText(), node.GetRawText());
        }
    }

    [Fact]
    public async Task Neither_the_start_nor_a_journey_makes_EF_Core_warn()
    {
        var before = Kezek.Logs.Lines.Count;
        // Register, publish seats (the turn comes), choose, read the journal with everything in it, and sweep the timers.
        var queue = await new Queues(Kezek).WithChildrenAsync(3);
        (await queue.PublishAsync(2)).GetProperty("notified");
        var chosen = await queue.ChooseAsync(queue.Numbers[0], await queue.FreePlaceIdAsync());
        chosen.Ok();
        (await queue.Api.PostAsync(FullJournal, new { first = 20 }, queue.Mother)).Ok();
        (await queue.Api.PostAsync(FullJournal, new { first = 20 }, queue.Operator)).Ok();
        await queue.SweepAsync();

        // Warnings since the server started (a query warns once, when it is first compiled, perhaps in an earlier test);
        // errors of the start and of this journey (other tests fail statements on purpose: races, conflicts). But for
        // the line that only a new PostgreSQL database's first migration writes: reading the history table before it
        // creates it.
        var lines = Kezek.Logs.Lines.ToList();
        var warnings = lines.Where(line => line.StartsWith("Warning Microsoft.EntityFrameworkCore", StringComparison.Ordinal))
            .Concat(lines.Take(Kezek.StartupLogLines).Concat(lines.Skip(before))
                .Where(line => line.StartsWith("Error Microsoft.EntityFrameworkCore", StringComparison.Ordinal)
                               || line.StartsWith("Critical Microsoft.EntityFrameworkCore", StringComparison.Ordinal)))
            .Where(line => !FirstMigration(line))
            .ToList();
        Assert.True(warnings.Count == 0, string.Join("\n", warnings.Distinct()));
    }

    private static bool FirstMigration(string line) =>
        line.StartsWith("Error Microsoft.EntityFrameworkCore.Database.Command:", StringComparison.Ordinal)
        && line.Contains("FROM \"__EFMigrationsHistory\"", StringComparison.Ordinal);

    private async Task<(JsonElement Nodes, SqlCommands.Recording Statements)> JournalAsync(GraphQLClient api, string token, int first)
    {
        // The first request of a fresh database warms caches (rule sets, workflows): count the second.
        (await api.PostAsync(Journal, new { first }, token)).Ok();
        using var recording = Kezek.Sql.Record();
        var nodes = (await api.PostAsync(Journal, new { first }, token)).Ok().GetProperty("applications").GetProperty("nodes");
        return (nodes, recording);
    }

    /// <summary>The seeded states reach every kind of answer of availableActions: allowed, refused by a guard, past the deadline.</summary>
    private static void AssertVaried(JsonElement nodes, int size)
    {
        if (size < 20)
            return;
        var codes = nodes.EnumerateArray().SelectMany(n => n.GetProperty("availableActions").EnumerateArray())
            .Select(a => a.GetProperty("code").GetString() ?? "ALLOWED").ToHashSet();
        Assert.Contains("ALLOWED", codes);
        Assert.Contains("DEADLINE_PASSED", codes);
        Assert.Contains("ACTION_NOT_AVAILABLE", codes);
        Assert.True(codes.Count >= 4, string.Join(", ", codes));
        Assert.Contains(nodes.EnumerateArray(), n => n.GetProperty("queueNumber").ValueKind == JsonValueKind.Number);
        Assert.Contains(nodes.EnumerateArray(), n => n.GetProperty("parents").GetArrayLength() > 0);
    }

    /// <summary>
    /// The mother's applications, born in 2022 and 2023, written straight to the database in six shapes (queued, attached, notified, with a
    /// direction, past a deadline, withdrawn). The newest — the one a journal of one shows — has every nested list and
    /// stands in the queue: stop-listed after an expired direction, with the father attached and two documents.
    /// </summary>
    private async Task SeedAsync(int count)
    {
        var start = Kezek.Clock.GetUtcNow().UtcDateTime;
        var mother = new Actor(TestPeople.MotherIin, People.Mother.FullName, Role.Applicant);
        var father = new Actor(TestPeople.FatherIin, People.Father.FullName, Role.Applicant);
        // Two group years, so that a page spans two queues.
        var iins = Enumerable.Range(0, count)
            .Select(i => Iin.Create(new DateOnly(2022 + i % 2, 1, 1).AddDays(i % 300), i % 4 < 2 ? Sex.Female : Sex.Male, 2000 + i).Value).ToList();
        await Kezek.WithDbAsync(async db =>
        {
            db.Kindergartens.Add(new Kindergarten(Kindergarten, "almaty", "160140099999", "Ясли-сад № 5 «Айгөлек»", "№ 5 «Айгөлек» бөбекжай-бақшасы",
                "Абая, 10", "kk,ru", Ownership.State));
            var applications = new List<Application>();
            for (var i = 0; i < count; i++)
            {
                // The newest application is the last written; its shape is the full one.
                var shape = (count - 1 - i) % 6;
                var iin = Iin.Parse(iins[i]).Value;
                var child = Child.Create(iin, Queues.ChildName(i), iin.BirthDate!.Value).Value;
                var applicant = Applicant.Create(Iin.Parse(TestPeople.MotherIin).Value, People.Mother.FullName, "+77011234567", "aigerim@example.kz").Value;
                var at = start.AddMinutes(-count + i);
                var application = Application.Register(new ApplicationNumber("ALM", 2026, i + 1, 1), "almaty", child, applicant,
                    i % 3 == 0 ? BenefitClaim.Create(BenefitCategory.Priority, "Справка", $"№ {i}").Value : BenefitClaim.None, at, mother, "<signed/>");
                Shape(application, shape, at, mother, father);
                applications.Add(application);
            }

            db.Applications.AddRange(applications);
            await db.SaveChangesAsync();
            foreach (var application in applications)
            {
                db.Documents.Add(new IssuedDocument(application.Id, DocumentKind.RegistrationNotification, null, "{}", application.CreatedAt));
                if (application.Directions.Count > 0)
                    db.Documents.Add(new IssuedDocument(application.Id, DocumentKind.Direction, application.Directions[0].Id, "{}",
                        application.Directions[0].IssuedAt));
            }

            return await db.SaveChangesAsync();
        });
    }

    private static void Shape(Application application, int shape, DateTime at, Actor mother, Actor father)
    {
        switch (shape)
        {
            case 0:
                application.AttachParent(father, Relation.Father, at.AddSeconds(1));
                application.Transition("TurnCame", "Notified", ApplicationStatus.Notified, Actor.System, at.AddSeconds(2), null, null);
                application.Transition("Choose", "DirectionIssued", ApplicationStatus.DirectionIssued, mother, at.AddSeconds(3), null, "<signed/>");
                application.IssueDirection(Guid.NewGuid(), Kindergarten, Guid.NewGuid(), at.AddSeconds(3), at.AddDays(-1), at.AddDays(-8), at.AddDays(5))
                    .End(DirectionStatus.Expired, at.AddDays(-1));
                application.Transition("Expire", "StopListed", ApplicationStatus.Queued, Actor.System, at.AddSeconds(4), null, null);
                application.CountExpiry();
                application.PutOnStopList(at.AddDays(30));
                application.SetDeadline(at.AddDays(30));
                break;
            case 1:
                application.AttachParent(father, Relation.Father, at.AddSeconds(1));
                break;
            case 2:
                application.Transition("TurnCame", "Notified", ApplicationStatus.Notified, Actor.System, at.AddSeconds(2), null, null);
                application.SetDeadline(at.AddDays(3));
                break;
            case 3:
                application.Transition("TurnCame", "Notified", ApplicationStatus.Notified, Actor.System, at.AddSeconds(2), null, null);
                application.Transition("Choose", "DirectionIssued", ApplicationStatus.DirectionIssued, mother, at.AddSeconds(3), null, "<signed/>");
                var direction = application.IssueDirection(Guid.NewGuid(), Kindergarten, Guid.NewGuid(), at.AddSeconds(3), at.AddDays(10), at.AddDays(1),
                    at.AddDays(40));
                application.SetDeadline(direction.ExpiresAt);
                break;
            case 4:
                application.Transition("TurnCame", "Notified", ApplicationStatus.Notified, Actor.System, at.AddSeconds(2), null, null);
                application.SetDeadline(at.AddSeconds(-1));
                break;
            default:
                application.Transition("Withdraw", "Withdrawn", ApplicationStatus.Withdrawn, mother, at.AddSeconds(2), "Переезд", "<signed/>");
                break;
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ReadLayerOnSqlite(SqliteKezek kezek) : ReadLayerTests(kezek);

[Collection(PostgresCollection.Name)]
public sealed class ReadLayerOnPostgres(PostgresKezek kezek) : ReadLayerTests(kezek);
