using Kezek.GraphQL;
using Kezek.GraphQL.Http;
using Kezek.GraphQL.Documents;
using Kezek.Identity;
using Kezek.Identity.Sessions;
using Kezek.Identity.Signatures;
using Kezek.Identity.Certificates.Revocation;
using Kezek.Infrastructure;
using Kezek.Infrastructure.Persistence;
using Kezek.Server;
using Kezek.Rules.Calendar;
using Kezek.Rules.RuleSets;
using Kezek.Server.Demo;
using Kezek.Server.Demo.NcaLayer;
using Kezek.Server.Hosting;
using Kezek.Workflows;
using Kezek.Workflows.RuleSets;
using Kezek.Workflows.Queue;
using Kezek.Workflows.Actions;
using Kezek.Workflows.Lifecycle;
using Kezek.Workflows.Places;
using Kezek.Workflows.Timers;
using Kezek.Workflows.Notifications;
using Kezek.Core.Notifications;
using Kezek.Infrastructure.Templates;
using Kezek.Infrastructure.Words;
using Kezek.Core.Words;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(args).WithoutServerBanner();
// Secrets mounted as files: Kezek__Database__ConnectionString_FILE=/run/secrets/db sets Kezek:Database:ConnectionString.
builder.Configuration.AddSecretFiles();
builder.AddKezekObservability();
var cli = Kezek.Server.Cli.KezekCli.Recognise(args, builder.Configuration); // `kezek <command>`: the admin CLI (src/Server/Cli), on this same host.
var services = builder.Services;
services.AddKezekConfigurationChecks();

services.AddKezekInfrastructure(KezekConfiguration.ResolveDataPath);
// Development's end-to-end journeys may move the clock on (POST /dev/clock); everywhere else it is the system's.
services.AddSingleton(provider => KezekConfiguration.UsesMovableClock(provider.GetRequiredService<IConfiguration>(), provider.GetRequiredService<IHostEnvironment>())
    ? new MovableClock() : TimeProvider.System);
services.AddOptions<SignatureOptions>().BindConfiguration(SignatureOptions.Section);
services.AddOptions<BootstrapOptions>().BindConfiguration(BootstrapOptions.Section);
services.AddSingleton(KezekConfiguration.LoadTrustedRoots);
services.AddSingleton<SignatureRefusals>();
services.AddSingleton<XmlSignatureVerifier>();
services.AddKezekRevocation(KezekConfiguration.ResolveDataPath);
services.AddOptions<RevocationOptions>().PostConfigure<IServiceProvider>(KezekConfiguration.AddDemoCrl);
services.AddScoped<Nonces>();
services.AddScoped<Viewers>();
services.AddSingleton<ExpiredCredentials>();
services.AddHostedService(provider => provider.GetRequiredService<ExpiredCredentials>());
services.AddScoped<SignIn>();
services.AddScoped<EndSessions>();
services.AddScoped<SignedActions>();
services.AddSingleton(provider => WorkingDayCalendar.Load(Path.Combine(KezekConfiguration.ResolveRulesPath(provider), "calendar")));
services.AddSingleton<RuleSetCatalog>();
services.AddScoped<RuleSetVersions>();
services.AddScoped<RuleSetDryRun>();
services.AddHostedService<RuleSetRefresher>();
services.AddScoped<QueuePositions>();
services.AddSingleton(ActivityLibrary.Standard());
services.AddSingleton<WorkflowCatalog>();
services.AddScoped<WorkflowVersions>();
services.AddScoped<ApplicationLifecycle>();
services.AddScoped<Kezek.Workflows.Persistence.Transactions>();
services.AddScoped<TransitionRunner>();
services.AddScoped<Turns>();
services.AddScoped<WaitingLists>();
services.AddScoped<AvailableActions>();
services.AddScoped<DueTimers>();
services.AddHostedService<TimerSweeper>();
// Every template is parsed at start: a broken one stops the server, not a message.
services.AddSingleton(provider => new ScribanTemplates(KezekConfiguration.ResolveTemplatesPath(provider)));
services.AddSingleton<INotificationRenderer>(provider => provider.GetRequiredService<ScribanTemplates>());
services.AddSingleton<Kezek.Core.Documents.IDocumentRenderer>(provider => provider.GetRequiredService<ScribanTemplates>());
// Documents in words, with the QR code of their verification address (Kezek:Portal:PublicBaseUrl, else the path alone).
services.AddSingleton(provider => new Kezek.Workflows.Documents.DocumentWriter(provider.GetRequiredService<Kezek.Core.Documents.IDocumentRenderer>(),
    provider.GetRequiredService<IWordCatalog>(), provider.GetRequiredService<IConfiguration>()[KezekConfiguration.PublicBaseUrl]));
// The words people read (messages, status and action names), checked at start: a missing one stops the server.
services.AddSingleton<IWordCatalog>(provider => JsonWordCatalog.Load(KezekConfiguration.ResolveWordsPath(provider)));
services.AddScoped<OutboxDispatcher>();
services.AddScoped<DirectionReminders>();
services.AddScoped<Kezek.Workflows.Documents.DocumentPdfs>();
services.AddSingleton<Kezek.Core.Documents.IPdfRenderer>(provider => new Kezek.Infrastructure.Documents.ChromiumPdf(
    provider.GetRequiredService<IConfiguration>()["Kezek:Documents:ChromiumPath"] is { Length: > 0 } path ? path : "/usr/bin/chromium",
    provider.GetRequiredService<ILogger<Kezek.Infrastructure.Documents.ChromiumPdf>>()));
services.AddHostedService<OutboxSender>();
services.AddHostedService<DocumentWorker>();
services.AddHostedService<HistoryAnchorer>();
services.AddKezekUseCases();
services.AddScoped<DemoSeeder>();
services.AddKezekGraphQL();
services.AddKezekHealthChecks();
services.AddKezekPortal();
services.AddNcaLayerStandIn(); // Its requests' memory; the endpoints are mapped only in Development (below).

var app = builder.Build();
// A missing or contradictory setting stops here, in one line naming the key.
if (!ConfigurationChecks.Passed(app))
    return 1;
if (cli is not null)
{
    return await cli.RunAsync(app.Services);
}

// Refused outside Development before anything else starts.
var servesNcaLayerStandIn = KezekConfiguration.ServesNcaLayerStandIn(app.Configuration, app.Environment);
var movesClock = KezekConfiguration.UsesMovableClock(app.Configuration, app.Environment);

using (var scope = app.Services.CreateScope())
{
    var provider = scope.ServiceProvider;
    KezekConfiguration.CheckRevocationMode(provider, app.Logger);
    await DatabaseStartup.MigrateAsync(provider.GetRequiredService<KezekDbContext>(), app.Lifetime.ApplicationStopping);
    await provider.GetRequiredService<RuleSetVersions>().SeedAndLoadAsync(KezekConfiguration.ResolveRulesPath(provider), app.Lifetime.ApplicationStopping);
    // Every region's lifecycle is loaded and valid before the first request.
    provider.GetRequiredService<INotificationRenderer>();
    provider.GetRequiredService<IWordCatalog>();
    await provider.GetRequiredService<WorkflowVersions>().SeedAndLoadAsync(KezekConfiguration.ResolveWorkflowsPath(provider), app.Lifetime.ApplicationStopping);
    if (KezekConfiguration.SeedsDemo(provider))
    {
        using var authority = DemoKeys.Ensure(KezekConfiguration.ResolveDataPath(provider), provider.GetRequiredService<TimeProvider>(), app.Logger);
        await provider.GetRequiredService<DemoSeeder>().SeedAsync(authority, app.Lifetime.ApplicationStopping);
    }

    app.Logger.LogInformation("Kezek data folder: {DataPath}; database: {Provider}", KezekConfiguration.ResolveDataPath(provider),
        provider.GetRequiredService<IOptions<Kezek.Infrastructure.Persistence.DatabaseOptions>>().Value.Provider);
}

app.UseTrustedProxies();
app.MapKezekMetrics();
app.UseSecurityHeaders();
app.UseDatabaseOutageAnswers();
app.UseKezekPortal();
if (servesNcaLayerStandIn)
    app.MapNcaLayerStandIn();
if (movesClock)
    app.MapMovableClock();
app.MapKezekGraphQL();
app.MapKezekDocuments();
app.MapKezekHealth();
// The family portal at / (web/dist), after everything the server answers itself.
app.MapKezekPortal();

await app.RunAsync();
return 0;

/// <summary>The host, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
