using System.Diagnostics;
using System.Globalization;
using Kezek.IntegrationTests.Hosting;

namespace Kezek.IntegrationTests.Resilience;

/// <summary>
/// Real server processes on PostgreSQL killed with SIGKILL (no graceful shutdown) in the middle of a rush of signed
/// choices, of <c>publishPlaces</c>, of a sweep of due timers and of sending the outbox; another instance (or two)
/// started on the same database finishes the work. Then SQL over the database proves the invariants
/// (<see cref="Invariants"/>): no seat given twice, every timer fired at most once and none due left, no half-written
/// transition, no notification lost (resends counted as possible duplicates). The figures go to the test output.
/// The processes run on the system clock, so the test's clock is set to it first.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class CrashTests(PostgresKezek kezek, Xunit.Abstractions.ITestOutputHelper output) : KezekTest(kezek)
{
    private const string Choose = "mutation($input: ChooseKindergartenInput!, $x: String!) { chooseKindergarten(input: $input, signedXml: $x) { direction { id } } }";

    private static readonly string[] Refusals = ["NO_FREE_PLACE", "NO_FREE_PLACES", "TURN_NOT_COME", "ACTION_NOT_AVAILABLE", "CONCURRENT_CHANGE"];

    private Invariants Db => new(Kezek.AnotherInstanceEnvironment("")["Kezek__Database__ConnectionString"]);

    [Fact]
    public async Task Killed_in_a_rush_of_choices_and_while_sending_the_outbox_no_seat_is_given_twice_and_no_notification_is_lost()
    {
        const int parents = 150, seats = 50;
        Kezek.Clock.Set(DateTimeOffset.UtcNow);
        var queue = await new Queues(Kezek).WithChildrenAsync(parents, oneMinuteApart: false);
        await queue.PublishAsync(seats, mode: "FREE_CHOICE");
        var place = await queue.FreePlaceIdAsync();
        var db = Db;

        // The rush: every parent's choice signed beforehand, all sent at once to a real instance, which is killed once the
        // first directions are committed.
        var signed = new List<(string Number, Dictionary<string, string> Input, string Xml)>();
        foreach (var number in queue.Numbers)
        {
            var input = new Dictionary<string, string> { ["applicationNumber"] = number, ["placeId"] = place };
            signed.Add((number, input, GraphQLClient.Sign(People.Mother, "chooseKindergarten", await queue.Api.NonceAsync(queue.Mother), input)));
        }

        var answered = new Dictionary<string, GraphQLResponse>();
        int inFlightAtKill, directionsAtKill;
        using (var first = KezekProcess.Start(Kezek))
        {
            var api = await first.ApiAsync(Kezek);
            var rush = signed.Select(s => Task.Run(async () =>
            {
                var answer = await api.PostAsync(Choose, new { input = s.Input, x = s.Xml }, queue.Mother);
                lock (answered)
                    answered[s.Number] = answer;
            })).ToList();
            await Invariants.WaitUntilAsync(async () => await db.CountAsync("""SELECT count(*) FROM "Directions" """) >= 15, TimeSpan.FromSeconds(90),
                () => "No direction was issued within 90 s:\n" + first.Output);
            first.KillHard();
            lock (answered)
                inFlightAtKill = parents - answered.Count;
            var lost = 0;
            foreach (var request in rush)
            {
                try
                {
                    await request;
                }
                catch (HttpRequestException)
                {
                    lost++;
                }
            }

            Assert.Equal(inFlightAtKill, lost);
        }

        await db.WaitForNoOpenTransactionsAsync(TimeSpan.FromSeconds(30));
        directionsAtKill = (int)await db.CountAsync("""SELECT count(*) FROM "Directions" """);
        await db.AssertAsync("after the kill in the rush");
        // Every choice the killed instance confirmed is in the database.
        var confirmed = answered.Where(a => !a.Value.HasErrors).Select(a => a.Key).ToList();
        Assert.All(answered.Values.Where(a => a.HasErrors), a => Assert.Contains(a.ErrorCode, Refusals));
        Assert.True(inFlightAtKill > 0, "Every request was answered before the kill: nothing was in flight.");

        // A new instance: every parent still without a direction presses "choose" again (a fresh nonce and signature).
        int retried = 0, retriedOk = 0, alreadyHeld = 0;
        using (var second = KezekProcess.Start(Kezek))
        {
            var api = await second.ApiAsync(Kezek);
            var token = await api.SignInAsync(People.Mother);
            var withDirection = await ApplicationsWithDirectionsAsync(queue);
            foreach (var number in confirmed)
                Assert.Contains(number, withDirection);
            // Eight at a time, as parents come back.
            var again = await Task.WhenAll(queue.Numbers.Where(n => !withDirection.Contains(n)).Chunk(8).Select(async (chunk, i) =>
            {
                await Task.Yield();
                var answers = new List<GraphQLResponse>();
                foreach (var number in chunk)
                {
                    var input = new Dictionary<string, string> { ["applicationNumber"] = number, ["placeId"] = place };
                    answers.Add(await api.PostAsync(Choose,
                        new { input, x = GraphQLClient.Sign(People.Mother, "chooseKindergarten", await api.NonceAsync(token), input) }, token));
                }

                return answers;
            }));
            foreach (var answer in again.SelectMany(a => a))
            {
                retried++;
                if (!answer.HasErrors)
                    retriedOk++;
                else
                    Assert.Contains(answer.ErrorCode, Refusals);
            }

            // A parent whose answer was lost in the kill but whose direction committed is told so, and gets no second one.
            foreach (var number in signed.Select(s => s.Number).Where(n => withDirection.Contains(n) && !confirmed.Contains(n)).Take(5))
            {
                var input = new Dictionary<string, string> { ["applicationNumber"] = number, ["placeId"] = place };
                var answer = await api.PostAsync(Choose, new { input, x = GraphQLClient.Sign(People.Mother, "chooseKindergarten", await api.NonceAsync(token), input) },
                    token);
                Assert.Equal("ACTION_NOT_AVAILABLE", answer.ErrorCode);
                alreadyHeld++;
            }
        }

        Assert.Equal(seats, await db.CountAsync("""SELECT count(*) FROM "Directions" WHERE "Status" = 'Issued' """));
        Assert.Equal(seats, await db.CountAsync("""SELECT count(*) FROM "Places" WHERE "TakenByApplicationId" IS NOT NULL"""));
        await db.AssertAsync("after the rush was finished by another instance");
        output.WriteLine($"rush: {parents} parents, {seats} seats; killed with {inFlightAtKill} requests in flight, {parents - inFlightAtKill} answered "
                         + $"({confirmed.Count} directions confirmed), {directionsAtKill} directions committed at the kill; "
                         + $"{retried} parents chose again on a new instance, {retriedOk} got a seat; {alreadyHeld} whose answer was lost were told they hold one");

        // The outbox: e-mails to a real SMTP server; the sender is killed mid-way, two new instances send the rest.
        using var smtp = new SmtpCatcher(Kezek.SmtpPort);
        await smtp.StartAsync();
        var sending = new Dictionary<string, string>
        {
            ["Kezek__Notifications__DispatchInterval"] = "00:00:00.100",
            ["Kezek__Notifications__ClaimLease"] = "00:00:03",
            ["Kezek__Email__Host"] = "127.0.0.1",
            ["Kezek__Email__Port"] = Kezek.SmtpPort.ToString(CultureInfo.InvariantCulture),
            ["Kezek__Email__Security"] = "None",
            ["Kezek__Email__Timeout"] = "00:00:15",
        };
        var emails = await db.CountAsync("""SELECT count(*) FROM "Notifications" WHERE "Channel" = 'email' AND "Status" = 'Pending'""");
        var sms = await db.CountAsync("""SELECT count(*) FROM "Notifications" WHERE "Channel" = 'sms'""");
        long sentAtKill, claimedAtKill;
        using (var sender = KezekProcess.Start(Kezek, sending))
        {
            await Invariants.WaitUntilAsync(async () => await db.CountAsync("""SELECT count(*) FROM "Notifications" WHERE "Channel" = 'email' AND "Status" = 'Sent'""")
                                                   >= emails / 5, TimeSpan.FromSeconds(90), () => "The outbox was not sent within 90 s:\n" + sender.Output, 10);
            sender.KillHard();
        }

        sentAtKill = await db.CountAsync("""SELECT count(*) FROM "Notifications" WHERE "Channel" = 'email' AND "Status" = 'Sent'""");
        claimedAtKill = await db.CountAsync("""SELECT count(*) FROM "Notifications" WHERE "Status" = 'Sending'""");
        Assert.True(sentAtKill < emails, $"The outbox was sent whole ({sentAtKill} of {emails}) before the kill.");
        var finishers = new[] { KezekProcess.Start(Kezek, sending), KezekProcess.Start(Kezek, sending) };
        try
        {
            await Invariants.WaitUntilAsync(async () => await db.CountAsync(
                    """SELECT count(*) FROM "Notifications" WHERE "Channel" IN ('email', 'cabinet') AND "Status" <> 'Sent'""") == 0,
                TimeSpan.FromSeconds(120), () => "The outbox was not finished within 120 s:\n" + string.Join("\n", finishers.Select(f => f.Output)), 200);
        }
        finally
        {
            foreach (var finisher in finishers)
                finisher.Dispose();
        }

        // Every e-mail arrived; any that arrived twice was counted as a possible duplicate.
        var received = smtp.Messages().GroupBy(m => m.MessageId ?? "").ToDictionary(g => g.Key, g => g.Count());
        var rows = await Kezek.WithDbAsync(d => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            d.Notifications.Where(n => n.Channel == Core.Notifications.Channel.Email).Select(n => new { n.Id, n.PossibleDuplicates, n.Status })));
        Assert.Equal(emails, rows.Count);
        var duplicates = 0;
        foreach (var row in rows)
        {
            Assert.Equal(Core.Lifecycle.NotificationStatus.Sent, row.Status);
            var times = received.GetValueOrDefault($"{row.Id}@kezek");
            Assert.True(times >= 1, $"Notification {row.Id} was marked sent but never arrived.");
            Assert.True(times - 1 <= row.PossibleDuplicates, $"Notification {row.Id} arrived {times} times but counts {row.PossibleDuplicates} possible duplicates.");
            duplicates += times - 1;
        }

        var possible = rows.Sum(r => r.PossibleDuplicates);
        Assert.Equal(sms, await db.CountAsync("""SELECT count(*) FROM "Notifications" WHERE "Channel" = 'sms' AND "Status" = 'Pending'"""));
        await db.AssertAsync("after the outbox was finished");
        output.WriteLine($"outbox: {emails} e-mails; killed after {sentAtKill} sent with {claimedAtKill} claimed mid-send; two new instances sent the rest: "
                         + $"{received.Values.Sum()} received, {duplicates} received twice, {possible} counted as possible duplicates; "
                         + $"{sms} SMS wait for a gateway (none configured), none lost");
    }

    [Fact]
    public async Task Killed_while_publishing_seats_and_sweeping_timers_an_instance_leaves_nothing_half_done()
    {
        const int seats = 3000;
        Kezek.Clock.Set(DateTimeOffset.UtcNow);
        var queue = await new Queues(Kezek).WithChildrenAsync(1, oneMinuteApart: false);
        var db = Db;
        await CloneAsync(db, queue.Numbers[0], seats - 1);
        Assert.Equal(seats, await db.CountAsync("""SELECT count(*) FROM "Applications" WHERE "Status" = 'Queued'"""));
        var publish = new
        {
            input = new { kindergartenId = Queues.KindergartenId, groupYear = 2022, language = "KK", count = seats, mode = "QUEUE" },
        };
        const string Publish = "mutation($input: PublishPlacesInput!) { publishPlaces(input: $input) { published notified } }";

        // publishPlaces of every seat, killed while its transaction is open.
        double openFor;
        var clock = Stopwatch.StartNew();
        using (var first = KezekProcess.Start(Kezek))
        {
            var api = await first.ApiAsync(Kezek);
            var token = await api.SignInAsync(People.Operator);
            var publishing = api.PostAsync(Publish, publish, token);
            await Invariants.WaitUntilAsync(async () => await db.OldestTransactionSecondsAsync() > 1 || publishing.IsCompleted, TimeSpan.FromSeconds(60),
                () => "publishPlaces opened no transaction within 60 s:\n" + first.Output, 20);
            openFor = await db.OldestTransactionSecondsAsync();
            if (publishing.IsCompleted)
                Assert.Fail("publishPlaces finished before the kill: " + (await publishing).Text);
            first.KillHard();
            await Assert.ThrowsAsync<HttpRequestException>(() => publishing);
        }

        await db.WaitForNoOpenTransactionsAsync(TimeSpan.FromSeconds(30));
        // All or nothing: the seats, the turns, their timers and notifications went together.
        Assert.Equal(0, await db.CountAsync("""SELECT count(*) FROM "Places" """));
        Assert.Equal(0, await db.CountAsync("""SELECT count(*) FROM "WorkflowTimers" """));
        Assert.Equal(0, await db.CountAsync("""SELECT count(*) FROM "Applications" WHERE "Status" <> 'Queued'"""));
        Assert.Equal(0, await db.CountAsync("""SELECT count(*) FROM "Notifications" WHERE "Template" = 'turn-came'"""));
        await db.AssertAsync("after the kill in publishPlaces");

        // The operator publishes again on a new instance.
        double publishSeconds;
        using (var second = KezekProcess.Start(Kezek))
        {
            var api = await second.ApiAsync(Kezek);
            var token = await api.SignInAsync(People.Operator);
            var started = Stopwatch.StartNew();
            var published = (await api.PostAsync(Publish, publish, token)).Ok().GetProperty("publishPlaces");
            publishSeconds = started.Elapsed.TotalSeconds;
            Assert.Equal(seats, published.GetProperty("notified").GetInt32());
        }

        Assert.Equal(seats, await db.CountAsync("""SELECT count(*) FROM "Places" """));
        Assert.Equal(seats, await db.CountAsync("""SELECT count(*) FROM "WorkflowTimers" WHERE "Status" = 'Pending' AND "Trigger" = 'ChoiceMissed'"""));
        await db.AssertAsync("after publishPlaces on a new instance");

        // Every turn's deadline passes at once; an instance's background sweeper fires them and is killed mid-sweep.
        await db.ExecuteAsync("""
            UPDATE "WorkflowTimers" SET "DueAt" = now() - interval '1 minute' WHERE "Status" = 'Pending';
            UPDATE "Applications" SET "DeadlineAt" = now() - interval '1 minute' WHERE "Status" = 'Notified';
            """);
        var sweeping = new Dictionary<string, string> { ["Kezek__Timers__SweepInterval"] = "00:00:00.200" };
        long firedAtKill;
        using (var sweeper = KezekProcess.Start(Kezek, sweeping))
        {
            await Invariants.WaitUntilAsync(async () => await db.CountAsync("""SELECT count(*) FROM "WorkflowTimers" WHERE "Status" = 'Fired'""") >= seats / 5,
                TimeSpan.FromSeconds(120), () => "The timers were not swept within 120 s:\n" + sweeper.Output, 20);
            sweeper.KillHard();
        }

        await db.WaitForNoOpenTransactionsAsync(TimeSpan.FromSeconds(30));
        firedAtKill = await db.CountAsync("""SELECT count(*) FROM "WorkflowTimers" WHERE "Status" = 'Fired'""");
        Assert.True(firedAtKill < seats, "The sweep was over before the kill.");
        await db.AssertAsync("after the kill in the sweep");

        // Two new instances sweep the rest.
        var finishers = new[] { KezekProcess.Start(Kezek, sweeping), KezekProcess.Start(Kezek, sweeping) };
        try
        {
            await Invariants.WaitUntilAsync(async () => await db.CountAsync(
                    """SELECT count(*) FROM "WorkflowTimers" WHERE "Status" = 'Pending' AND "DueAt" <= now()""") == 0,
                TimeSpan.FromSeconds(180), () => "The timers were not all fired within 180 s:\n" + string.Join("\n", finishers.Select(f => f.Output)), 200);
        }
        finally
        {
            foreach (var finisher in finishers)
                finisher.Dispose();
        }

        await db.WaitForNoOpenTransactionsAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(seats, await db.CountAsync("""SELECT count(*) FROM "WorkflowTimers" WHERE "Status" = 'Fired'"""));
        Assert.Equal(0, await db.CountAsync("""SELECT count(*) FROM "WorkflowTimers" WHERE "Status" <> 'Fired'"""));
        Assert.Equal(seats, await db.CountAsync("""SELECT count(*) FROM "HistoryEntries" WHERE "Action" = 'ChoiceMissed'"""));
        Assert.Equal(seats, await db.CountAsync("""SELECT count(*) FROM "Applications" WHERE "Status" = 'Queued'"""));
        Assert.Equal(seats, await db.CountAsync("""SELECT count(*) FROM "Places" WHERE "Mode" = 'FreeChoice' AND "TakenByApplicationId" IS NULL"""));
        await db.AssertAsync("after the sweep was finished by two instances");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"publishPlaces: {seats} queue seats for {seats} queued applications; killed with its transaction open {openFor:F1} s: nothing kept; "
            + $"published again in {publishSeconds:F1} s, {seats} notified. Sweep: {seats} due timers, killed after {firedAtKill} fired; two instances fired "
            + $"the other {seats - firedAtKill}, each once ({clock.Elapsed.TotalSeconds:F0} s in all)"));
    }

    private async Task<HashSet<string>> ApplicationsWithDirectionsAsync(Queues queue) =>
        [.. (await Db.NumbersAsync("""SELECT a."Number" FROM "Applications" a JOIN "Directions" d ON d."ApplicationId" = a."Id" """))];

    /// <summary>
    /// <paramref name="copies"/> more queued applications like <paramref name="number"/>, each with its own number, child and
    /// place in the queue, and its registration in the history (what thousands of signed registrations would leave, in a second).
    /// </summary>
    private static async Task CloneAsync(Invariants db, string number, int copies)
    {
        var columns = await db.NumbersAsync("""
            SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'Applications' AND column_name <> 'Id'
            ORDER BY ordinal_position
            """);
        var prefix = string.Join('.', number.Split('.')[..2]) + ".";
        var overrides = new Dictionary<string, string>
        {
            ["Number"] = $"'{prefix}' || lpad((100000 + g)::text, 6, '0') || '.1'",
            ["ChildIin"] = "lpad((700000000000 + g)::text, 12, '0')",
            ["ActiveChildIin"] = "lpad((700000000000 + g)::text, 12, '0')",
            ["QueuedAt"] = "a.\"QueuedAt\" + g * interval '1 millisecond'",
            ["Version"] = "gen_random_uuid()",
        };
        var list = string.Join(", ", columns.Select(c => $"\"{c}\""));
        var values = string.Join(", ", columns.Select(c => overrides.GetValueOrDefault(c, $"a.\"{c}\"")));
        var history = await db.NumbersAsync("""
            SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'HistoryEntries' AND column_name <> 'Id'
            ORDER BY ordinal_position
            """);
        var historyList = string.Join(", ", history.Select(c => $"\"{c}\""));
        var historyValues = string.Join(", ", history.Select(c => c == "ApplicationId" ? "n.\"Id\"" : $"h.\"{c}\""));
        await db.ExecuteAsync($"""
            INSERT INTO "Applications" ({list}) SELECT {values} FROM "Applications" a, generate_series(1, {copies}) g WHERE a."Number" = '{number}';
            INSERT INTO "HistoryEntries" ({historyList}) SELECT {historyValues} FROM "HistoryEntries" h
              JOIN "Applications" s ON s."Id" = h."ApplicationId" AND s."Number" = '{number}'
              CROSS JOIN "Applications" n WHERE n."Number" LIKE '{prefix}1%';
            ANALYZE "Applications";
            ANALYZE "HistoryEntries";
            """);
    }
}
