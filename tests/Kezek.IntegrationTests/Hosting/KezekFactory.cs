using System.Data.Common;
using Kezek.Identity.Demo;
using Kezek.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Respawn;
using Respawn.Graph;

namespace Kezek.IntegrationTests.Hosting;

/// <summary>
/// Kezek over real HTTP handlers on a real database, with a test CA as the only trusted root and a clock
/// the tests move. One per provider; Respawn empties the tables between tests.
/// </summary>
public abstract class KezekFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 9, 1, 4, 0, 0, TimeSpan.Zero);

    private readonly string _folder = Directory.CreateTempSubdirectory("kezek-it-").FullName;
    private Respawner? _respawner;

    protected KezekFactory()
    {
        Authority = DemoCertificateAuthority.Create("KEZEK INTEGRATION TEST CA", Start.AddYears(-2), Start.AddYears(10));
        People = new TestPeople(Authority, Start);
        var trusted = Directory.CreateDirectory(Path.Combine(_folder, "trusted")).FullName;
        File.WriteAllText(Path.Combine(trusted, "test-ca.crt"), Authority.Certificate.ExportCertificatePem());
        Directory.CreateDirectory(Path.Combine(_folder, "crl"));
        PublishCrl();
    }

    /// <summary>The test CA's CRL, which the server reads (revocation is required in tests as in production).</summary>
    public string CrlPath => Path.Combine(_folder, "crl", "test-ca.crl");

    private int _crlNumber;

    /// <summary>Publishes the test CA's CRL again, listing these serial numbers (hex) as revoked; the server reads the file again.</summary>
    public void PublishCrl(params string[] revokedSerials)
    {
        var bytes = Authority.PublishCrl(++_crlNumber, Start.AddDays(-1), Start.AddYears(10), revokedSerials);
        var temporary = CrlPath + ".tmp";
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, CrlPath, overwrite: true);
        // The file's time tells the server it changed: make sure it differs from the previous one's.
        File.SetLastWriteTimeUtc(CrlPath, DateTime.UtcNow.AddSeconds(_crlNumber));
    }

    public TestClock Clock { get; } = new(Start);

    /// <summary>The portal's address the documents print before <c>/verify/CODE</c>.</summary>
    public const string PublicBaseUrl = "https://kezek.example.kz/";

    /// <summary>Where Kezek sends e-mail (a test starts a real SMTP server there) and SMS (an HTTP gateway in the test).</summary>
    public int SmtpPort { get; } = FreePort();

    public int SmsPort { get; } = FreePort();

    public static int FreePort()
    {
        using var socket = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        socket.Start();
        return ((System.Net.IPEndPoint)socket.LocalEndpoint).Port;
    }

    public DemoCertificateAuthority Authority { get; }

    public TestPeople People { get; }

    public LogCapture Logs { get; } = new();

    /// <summary>How many of <see cref="Logs"/>' lines the server wrote while it started (migrations, seeding).</summary>
    public int StartupLogLines { get; private set; }

    /// <summary>The SQL commands the server sends, for the tests that count them.</summary>
    public SqlCommands Sql { get; } = new();

    public abstract DatabaseProvider Provider { get; }

    protected abstract string ConnectionString { get; }

    protected string Folder => _folder;

    public virtual async Task InitializeAsync()
    {
        // Starting the server applies the migrations.
        _ = Server;
        StartupLogLines = Logs.Lines.Count;
        await using var connection = await OpenConnectionAsync();
        _respawner = await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = Provider == DatabaseProvider.PostgreSql ? DbAdapter.Postgres : DbAdapter.Sqlite,
            TablesToIgnore = [new Table("__EFMigrationsHistory"), new Table("Regions")],
        });
    }

    /// <summary>Empties every table but the migrations' and the regions', puts the shipped rule sets and workflows back, and sets the clock back.</summary>
    public async Task ResetAsync()
    {
        await using var connection = await OpenConnectionAsync();
        await _respawner!.ResetAsync(connection);
        // The regions outlive each test's data (applications refer to them): put them back as the migrations made them.
        await using (var regions = connection.CreateCommand())
        {
            regions.CommandText = """
                DELETE FROM "Regions" WHERE "Code" NOT IN ('almaty', 'astana', 'aktobe');
                UPDATE "Regions" SET "SupportPhone" = NULL, "SupportEmail" = NULL, "SupportHoursRu" = NULL, "SupportHoursKk" = NULL;
                UPDATE "Regions" SET "NameRu" = 'г. Алматы', "NameKk" = 'Алматы қ.', "NameEn" = 'Almaty', "SupportPhone" = '1308' WHERE "Code" = 'almaty';
                UPDATE "Regions" SET "NameRu" = 'г. Астана', "NameKk" = 'Астана қ.', "NameEn" = 'Astana' WHERE "Code" = 'astana';
                UPDATE "Regions" SET "NameRu" = 'г. Актобе', "NameKk" = 'Ақтөбе қ.', "NameEn" = 'Aktobe' WHERE "Code" = 'aktobe';
                """;
            await regions.ExecuteNonQueryAsync();
        }

        Clock.Set(Start);
        using var scope = Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<Kezek.Workflows.RuleSets.RuleSetVersions>()
            .SeedAndLoadAsync(Kezek.Server.KezekConfiguration.ResolveRulesPath(scope.ServiceProvider), CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<Kezek.Workflows.Lifecycle.WorkflowVersions>()
            .SeedAndLoadAsync(Kezek.Server.KezekConfiguration.ResolveWorkflowsPath(scope.ServiceProvider), CancellationToken.None);
    }

    public GraphQLClient Api() => new(CreateClient(), this);

    /// <summary>The environment for another server process on the same database and trust (the multi-instance tests).</summary>
    public IReadOnlyDictionary<string, string> AnotherInstanceEnvironment(string dataFolder) => new Dictionary<string, string>
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Testing",
        ["Kezek__DataPath"] = dataFolder,
        ["Kezek__Database__Provider"] = Provider.ToString(),
        ["Kezek__Database__ConnectionString"] = ConnectionString,
        ["Kezek__Signatures__TrustedRootsPath"] = Path.Combine(_folder, "trusted"),
        ["Kezek__Signatures__Revocation__Crls__0"] = CrlPath,
        ["Kezek__Demo__Seed"] = "false",
        ["Urls"] = "http://127.0.0.1:0",
    };

    public async Task<T> WithDbAsync<T>(Func<KezekDbContext, Task<T>> query)
    {
        using var scope = Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<KezekDbContext>());
    }

    public new virtual async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Authority.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a pooled connection is left to the system's temp cleanup.
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kezek:DataPath"] = Path.Combine(_folder, "data"),
            ["Kezek:Database:Provider"] = Provider.ToString(),
            ["Kezek:Database:ConnectionString"] = ConnectionString,
            ["Kezek:Signatures:TrustedRootsPath"] = Path.Combine(_folder, "trusted"),
            ["Kezek:Signatures:Revocation:Crls:0"] = CrlPath,
            ["Kezek:Bootstrap:AdministratorIins:0"] = TestPeople.AdministratorIin,
            ["Kezek:Demo:Seed"] = "false",
            ["Kezek:Portal:PublicBaseUrl"] = PublicBaseUrl,
            // The background refresher would race with tests that refresh on purpose; RuleSetRefresherTests runs its own.
            ["Kezek:Rules:RefreshInterval"] = "1.00:00:00",
            // Tests sweep the timers and send the outbox on purpose, after moving the clock.
            ["Kezek:Timers:SweepInterval"] = "1.00:00:00",
            ["Kezek:Notifications:DispatchInterval"] = "1.00:00:00",
            ["Kezek:Audit:AnchorInterval"] = "1.00:00:00",
            // The metrics' counts are shared by the hosts of one test process: tests count on purpose (ObservabilityTests).
            ["Kezek:Telemetry:CountsInterval"] = "1.00:00:00",
            // Documents are rendered on purpose too (before and after rendering is what DocumentTests look at).
            ["Kezek:Documents:RenderInterval"] = "1.00:00:00",
            ["Kezek:Email:Host"] = "127.0.0.1",
            ["Kezek:Email:Port"] = SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Kezek:Email:Security"] = "None",
            ["Kezek:Email:Timeout"] = "00:00:15",
            ["Kezek:Sms:Url"] = $"http://127.0.0.1:{SmsPort}/sms/",
            ["Kezek:Sms:Token"] = "test-gateway-token",
            ["Kezek:Sms:Timeout"] = "00:00:02",
            // Tests send many requests from one address on purpose; RateLimitTests runs a host with limits of its own.
            ["Kezek:RateLimits:Enabled"] = "false",
            // Verbose logs, so that the privacy test sees SQL and Kezek's own debug lines too.
            ["Logging:LogLevel:Default"] = "Debug",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Information",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Information",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Update"] = "Information",
        }));
        builder.ConfigureLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Debug));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.ConfigureDbContext<KezekDbContext>((_, options) => options.AddInterceptors(Sql));
        });
    }

    private async Task<DbConnection> OpenConnectionAsync()
    {
        using var scope = Services.CreateScope();
        var connection = scope.ServiceProvider.GetRequiredService<KezekDbContext>().Database.GetDbConnection();
        var copy = (DbConnection)Activator.CreateInstance(connection.GetType(), connection.ConnectionString)!;
        await copy.OpenAsync();
        return copy;
    }
}

public sealed class SqliteKezek : KezekFactory
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override string ConnectionString => $"Data Source={Path.Combine(Folder, "kezek-tests.db")}";
}

/// <summary>
/// PostgreSQL from <c>KEZEK_TEST_POSTGRES</c> (set by ./test.sh): a fresh database per run, dropped afterwards.
/// Without the variable these tests fail, so a missing database can never pass as green.
/// </summary>
public sealed class PostgresKezek : KezekFactory
{
    private readonly string _database = $"kezek_tests_{Environment.ProcessId}_{Guid.NewGuid():N}"[..40];
    private readonly string _server = Environment.GetEnvironmentVariable("KEZEK_TEST_POSTGRES")
        ?? throw new InvalidOperationException("KEZEK_TEST_POSTGRES is not set: run the tests with ./test.sh.");

    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    protected override string ConnectionString => new Npgsql.NpgsqlConnectionStringBuilder(_server) { Database = _database }.ConnectionString;

    public override async Task InitializeAsync()
    {
        await ExecuteOnServerAsync($"CREATE DATABASE \"{_database}\"");
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Npgsql.NpgsqlConnection.ClearAllPools();
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)");
    }

    private async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(_server) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class SqliteCollection : ICollectionFixture<SqliteKezek>
{
    public const string Name = "SQLite";
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresKezek>
{
    public const string Name = "PostgreSQL";
}

/// <summary>Every integration test class: a clean database and clock before each test.</summary>
public abstract class KezekTest(KezekFactory kezek) : IAsyncLifetime
{
    protected KezekFactory Kezek { get; } = kezek;

    protected TestPeople People => Kezek.People;

    public Task InitializeAsync() => Kezek.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}
