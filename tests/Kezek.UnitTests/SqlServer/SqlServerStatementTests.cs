using Kezek.Core.Applications;
using Kezek.Core.Iins;
using Kezek.Core.Identity;
using Kezek.Core.Words;
using Kezek.Infrastructure.Persistence;
using Kezek.Rules.Calendar;
using Kezek.Rules.RuleSets;
using Kezek.UnitTests.Rules;
using Kezek.Workflows.Persistence;
using Kezek.Workflows.Queue;
using Kezek.Workflows.Register;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Kezek.UnitTests.SqlServer;

/// <summary>
/// The statements Kezek sends SQL Server on its provider-specific paths, as EF Core sends them (recorded with no server,
/// <see cref="SqlServerWithoutEngine"/>), parsed with ScriptDom: the seat claim that skips locked rows, the move of a queue
/// seat, the region's numbering and the queue counts.
/// </summary>
public sealed class SqlServerStatementTests
{
    private static readonly SeatClaim Claim = new(42, Guid.NewGuid(), Guid.NewGuid(), 2022, Language.Kk, MayTakeQueueSeats: true);

    private static void AssertSkipsLockedRows(TSqlFragment fragment)
    {
        var places = TSql.All<NamedTableReference>(fragment).Single(t => t.SchemaObject.BaseIdentifier.Value == "Places");
        Assert.Equal([TableHintKind.UpdLock, TableHintKind.ReadPast, TableHintKind.Rowlock], places.TableHints.Select(h => h.HintKind));
        var top = Assert.Single(TSql.All<TopRowFilter>(fragment));
        // One row, or as many as the parameter says (a batch's missed turns move their seats in one statement).
        var rows = top.Expression is ParenthesisExpression p ? p.Expression : top.Expression;
        Assert.True(rows is IntegerLiteral { Value: "1" } or VariableReference, $"TOP ({rows.GetType().Name})");
        var update = Assert.Single(TSql.All<UpdateStatement>(fragment));
        Assert.Equal("Candidate", ((NamedTableReference)update.UpdateSpecification.Target).SchemaObject.BaseIdentifier.Value);
        var output = update.UpdateSpecification.OutputClause;
        Assert.NotNull(output);
        var column = Assert.IsType<SelectScalarExpression>(Assert.Single(output.SelectColumns));
        Assert.Equal("Value", column.ColumnName.Value);
    }

    [Fact]
    public async Task The_seat_claim_reads_with_UPDLOCK_READPAST_ROWLOCK_and_answers_the_seat_it_took()
    {
        using var sql = new SqlServerWithoutEngine();
        var seat = Guid.NewGuid();
        var answer = SqlServerWithoutEngine.Rows(("Value", typeof(Guid)));
        answer.Rows.Add(seat);
        sql.AnswerRows(answer);

        Assert.Equal(seat, await sql.Db.ClaimSeatSkippingLockedAsync(Claim, CancellationToken.None));

        var command = Assert.Single(sql.Commands);
        var fragment = TSql.Parse(command.CommandText);
        AssertSkipsLockedRows(fragment);
        // Every value travels as a parameter: the application, the pool, the preferred seat and whether queue seats are allowed.
        Assert.Equal(6, command.Parameters.Count);
        Assert.Contains(command.Parameters, p => p.Value is true);
        Assert.Contains(command.Parameters, p => Equals(p.Value, "kk"));
        Assert.Contains(command.Parameters, p => Equals(p.Value, Claim.PreferredPlaceId));
        Assert.All(command.Parameters, p => Assert.Contains(p.Name, command.CommandText, StringComparison.Ordinal));
        Assert.DoesNotContain(Claim.KindergartenId.ToString(), command.CommandText, StringComparison.OrdinalIgnoreCase);
        // The pool: the kindergarten, the group year and the language compared, free seats only.
        var candidate = ((UpdateStatement)((TSqlScript)fragment).Batches[0].Statements[0]).WithCtesAndXmlNamespaces.CommonTableExpressions[0].QueryExpression;
        Assert.Superset(new HashSet<string> { "KindergartenId", "GroupYear", "Language", "Mode" },
            TSql.All<BooleanComparisonExpression>(candidate).Select(c => c.FirstExpression).OfType<ColumnReferenceExpression>()
                .Select(c => c.MultiPartIdentifier.Identifiers[^1].Value).ToHashSet());
        var free = Assert.Single(TSql.All<BooleanIsNullExpression>(candidate));
        Assert.False(free.IsNot);
        Assert.Equal("TakenByApplicationId", ((ColumnReferenceExpression)free.Expression).MultiPartIdentifier.Identifiers[^1].Value);
    }

    [Fact]
    public async Task A_claim_that_finds_no_seat_answers_null_and_the_caller_falls_back()
    {
        using var sql = new SqlServerWithoutEngine();
        sql.AnswerRows(SqlServerWithoutEngine.Rows(("Value", typeof(Guid))));
        Assert.Null(await sql.Db.ClaimSeatSkippingLockedAsync(Claim, CancellationToken.None));
    }

    [Fact]
    public async Task The_move_of_a_queue_seat_to_free_choice_skips_locked_rows_too()
    {
        using var sql = new SqlServerWithoutEngine();
        var answer = SqlServerWithoutEngine.Rows(("Value", typeof(Guid)));
        answer.Rows.Add(Guid.NewGuid());
        sql.AnswerRows(answer);

        Assert.True(await sql.Db.MoveQueueSeatSkippingLockedAsync("almaty", 2022, CancellationToken.None));

        var fragment = TSql.Parse(Assert.Single(sql.Commands).CommandText);
        AssertSkipsLockedRows(fragment);
        var set = Assert.Single(TSql.All<AssignmentSetClause>(fragment));
        Assert.Equal("Mode", set.Column.MultiPartIdentifier.Identifiers[^1].Value);
        Assert.Equal("FreeChoice", Assert.IsType<StringLiteral>(set.NewValue).Value);
    }

    [Fact]
    public void Each_provider_has_its_own_form_and_SQLite_none()
    {
        Assert.Null(SkipLockedStatements.ClaimSeat(DatabaseProvider.Sqlite, Claim));
        Assert.Null(SkipLockedStatements.MoveQueueSeatsToFreeChoice(DatabaseProvider.Sqlite, "almaty", 2022, 1));
        var postgres = SkipLockedStatements.ClaimSeat(DatabaseProvider.PostgreSql, Claim)!.Format;
        Assert.Contains("LIMIT 1 FOR UPDATE SKIP LOCKED", postgres, StringComparison.Ordinal);
        Assert.Contains("RETURNING \"Id\" AS \"Value\"", postgres, StringComparison.Ordinal);
        Assert.Contains("FOR UPDATE SKIP LOCKED", SkipLockedStatements.MoveQueueSeatsToFreeChoice(DatabaseProvider.PostgreSql, "almaty", 2022, 1)!.Format,
            StringComparison.Ordinal);
        var server = SkipLockedStatements.ClaimSeat(DatabaseProvider.SqlServer, Claim)!.Format;
        Assert.DoesNotContain("SKIP LOCKED", server, StringComparison.Ordinal);
        Assert.DoesNotContain("\"", server, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Numbering_increments_the_region_counter_in_one_update_that_answers_the_new_value()
    {
        using var sql = new SqlServerWithoutEngine();
        var value = SqlServerWithoutEngine.Rows(("Value", typeof(int)));
        value.Rows.Add(7);
        sql.AnswerRows(value);

        var number = await new QueueEntries(sql.Db, new RuleSetCatalog(), TimeProvider.System)
            .NextNumberAsync("almaty", "ALM", 2026, CancellationToken.None);

        Assert.Equal("ALM.2026.000007.1", number.ToString());
        var command = Assert.Single(sql.Commands);
        var update = Assert.Single(TSql.All<UpdateStatement>(TSql.Parse(command.CommandText)));
        Assert.Equal("NumberSequences", ((NamedTableReference)update.UpdateSpecification.Target).SchemaObject.BaseIdentifier.Value);
        var set = Assert.Single(TSql.All<AssignmentSetClause>(update));
        Assert.Equal("LastValue", set.Column.MultiPartIdentifier.Identifiers[^1].Value);
        // LastValue = LastValue + 1 in the statement itself: the row is locked by the update until the commit, not read first.
        var add = Assert.IsType<BinaryExpression>(set.NewValue);
        Assert.Equal(BinaryExpressionType.Add, add.BinaryExpressionType);
        Assert.Equal("LastValue", Assert.IsType<ColumnReferenceExpression>(add.FirstExpression).MultiPartIdentifier.Identifiers[^1].Value);
        // The new value comes back from the update (OUTPUT INSERTED), not from a second read; every value is a parameter.
        var output = update.UpdateSpecification.OutputClause;
        Assert.NotNull(output);
        Assert.Equal("Value", Assert.IsType<SelectScalarExpression>(Assert.Single(output.SelectColumns)).ColumnName.Value);
        Assert.Equal(2, command.Parameters.Count);
        Assert.DoesNotContain("almaty", command.CommandText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_first_number_of_the_year_inserts_the_counter_and_a_clash_skips_past_the_prefix_highest()
    {
        using var sql = new SqlServerWithoutEngine();
        sql.AnswerRows(SqlServerWithoutEngine.Rows(("Value", typeof(int)))); // no counter for the year yet: the update answers no row
        var inserted = SqlServerWithoutEngine.Rows();
        sql.AnswerRows(inserted);
        var entries = new QueueEntries(sql.Db, new RuleSetCatalog(), TimeProvider.System);
        Assert.Equal("ALM.2026.000001.1", (await entries.NextNumberAsync("almaty", "ALM", 2026, CancellationToken.None)).ToString());

        var highest = SqlServerWithoutEngine.Rows(("Number", typeof(string)));
        highest.Rows.Add("ALM.2026.000012.1");
        sql.AnswerRows(highest);
        var exists = SqlServerWithoutEngine.Rows(("Value", typeof(bool)));
        exists.Rows.Add(true);
        sql.AnswerRows(exists);
        await entries.SkipTakenNumbersAsync("almaty", "ALM", 2026, CancellationToken.None);

        Assert.All(sql.Commands, c => TSql.Parse(c.CommandText));
        var texts = sql.Commands.Select(c => c.CommandText).ToList();
        Assert.Contains(texts, t => t.Contains("INSERT INTO [NumberSequences]", StringComparison.Ordinal));
        // StartsWith on SQL Server: a LIKE on the prefix (its characters escaped), ordered to take the highest number.
        var like = TSql.All<LikePredicate>(TSql.Parse(texts.Single(t => t.Contains("LIKE", StringComparison.Ordinal)))).Single();
        Assert.Equal("Number", Assert.IsType<ColumnReferenceExpression>(like.FirstExpression).MultiPartIdentifier.Identifiers[^1].Value);
        var raise = TSql.All<UpdateStatement>(TSql.Parse(texts[^1])).Single();
        Assert.Contains(TSql.All<BooleanComparisonExpression>(raise), c => c.ComparisonType == BooleanComparisonType.LessThan);
    }

    [Fact]
    public async Task Queue_counts_are_one_statement_of_index_range_counts_and_its_answer_gives_the_place()
    {
        var catalog = new RuleSetCatalog();
        var (compiled, problems) = await CompiledRuleSet.CompileAsync(RuleSetTests.Read("almaty"), "almaty",
            WorkingDayCalendar.Load(KazakhstanCalendarTests.Folder));
        Assert.True(compiled is not null, string.Join("; ", problems));
        catalog.Activate(new ActiveRuleSet("almaty", 1, compiled));
        var born = new DateOnly(2022, 3, 15);
        var child = Child.Create(Iin.Create(born, Sex.Female, 1), "ӘЛІБЕК ҰЛДАНА", born).Value;
        var applicant = Applicant.Create(Iin.Create(new DateOnly(1990, 1, 2), Sex.Female, 2), "ҚАСЫМОВА ӨМІРЖАН", "+77011234567", "a@example.kz").Value;
        var application = Application.Register(new ApplicationNumber("ALM", 2026, 9, 1), "almaty", child, applicant, BenefitClaim.None,
            new DateTime(2026, 9, 1, 4, 0, 0, DateTimeKind.Utc), new Actor(applicant.Iin, applicant.FullName, Role.Applicant), "<signed/>");

        using var sql = new SqlServerWithoutEngine();
        var counts = SqlServerWithoutEngine.Rows(("Id", typeof(long)), ("BeforeOutOfTurn", typeof(int)), ("BeforePriority", typeof(int)),
            ("Earlier", typeof(int)), ("Tied", typeof(int)));
        counts.Rows.Add(application.Id, 2, 3, 4, 0);
        sql.AnswerRows(counts);
        sql.AnswerRows(SqlServerWithoutEngine.Rows(("RegionCode", typeof(string)), ("GroupYear", typeof(int)), ("QueueRank", typeof(int)), ("Count", typeof(int))));

        var position = await new QueuePositions(sql.Db, catalog).OfAsync(application, CancellationToken.None);

        Assert.NotNull(position);
        Assert.Equal(5, position.BenefitQueueNumber);
        var fragment = TSql.Parse(sql.Commands[0].CommandText);
        Assert.Equal(4, TSql.All<FunctionCall>(fragment).Count(f => f.FunctionName.Value.Equals("COUNT", StringComparison.OrdinalIgnoreCase)));
        Assert.All(sql.Commands, c => TSql.Parse(c.CommandText));
    }
}
