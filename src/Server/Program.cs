using Kezek.GraphQL;
using Kezek.GraphQL.Http;
using Kezek.Identity;
using Kezek.Identity.Certificates;
using Kezek.Identity.Demo;
using Kezek.Identity.Sessions;
using Kezek.Identity.Signatures;
using Kezek.Infrastructure;
using Kezek.Infrastructure.Persistence;
using Kezek.Server;
using Kezek.Server.Demo;
using Kezek.Workflows.Attach;
using Kezek.Workflows.CivilRegistry;
using Kezek.Workflows.Journal;
using Kezek.Workflows.Queue;
using Kezek.Workflows.Register;
using Kezek.Workflows.Roles;

var builder = WebApplication.CreateBuilder(args);
var configuration = builder.Configuration;
var dataPath = KezekConfiguration.ResolveDataPath(configuration, builder.Environment);
var seedDemo = configuration.GetValue<bool>(KezekConfiguration.DemoSeed);

var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
builder.Services.AddKezekInfrastructure(database, dataPath);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.Configure<SignatureOptions>(configuration.GetSection(SignatureOptions.Section));
builder.Services.Configure<BootstrapOptions>(configuration.GetSection(BootstrapOptions.Section));

// Production trusts only the configured folder; a seeded demo also trusts the CA that issued its demo keys.
DemoCertificateAuthority? demoAuthority = null;
if (seedDemo)
{
    using var loggerFactory = LoggerFactory.Create(logging => logging.AddConsole());
    demoAuthority = DemoKeys.Ensure(dataPath, TimeProvider.System, loggerFactory.CreateLogger("Kezek.Demo"));
}

var trustedRootsPath = configuration[$"{SignatureOptions.Section}:TrustedRootsPath"];
builder.Services.AddSingleton(TrustedRoots.FromFolders(
    string.IsNullOrWhiteSpace(trustedRootsPath) ? null : Path.GetFullPath(trustedRootsPath, builder.Environment.ContentRootPath),
    seedDemo ? DemoKeys.CaFolder(dataPath) : null));
builder.Services.AddSingleton<XmlSignatureVerifier>();
builder.Services.AddScoped<Nonces>();
builder.Services.AddScoped<Viewers>();
builder.Services.AddScoped<SignIn>();
builder.Services.AddScoped<SignedActions>();
builder.Services.AddScoped<RoleGrants>();
builder.Services.AddScoped<QueuePositions>();
builder.Services.AddScoped<PublicQueueSearch>();
builder.Services.AddScoped<ApplicationJournal>();
builder.Services.AddScoped<RegisterApplicationHandler>();
builder.Services.AddScoped<AttachApplicationHandler>();
builder.Services.AddScoped<ImportCivilRegistryHandler>();
builder.Services.AddScoped<DemoSeeder>();
builder.Services.AddKezekGraphQL();
builder.Services.AddHealthChecks();

var app = builder.Build();

using (var scope = app.Services.CreateScope())
{
    await DatabaseStartup.MigrateAsync(scope.ServiceProvider.GetRequiredService<KezekDbContext>(), CancellationToken.None);
    if (demoAuthority is not null)
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(demoAuthority, CancellationToken.None);
}

demoAuthority?.Dispose();
app.Logger.LogInformation("Kezek data folder: {DataPath}; database: {Provider}", dataPath, database.Provider);

app.MapKezekGraphQL();
app.MapHealthChecks("/health");
app.MapGet("/", () => Results.Text(
    "Kezek — kindergarten queue. GraphQL: POST or GET /graphql (see README.md and schema.graphql).\n", "text/plain; charset=utf-8"));

await app.RunAsync();

/// <summary>The host, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
