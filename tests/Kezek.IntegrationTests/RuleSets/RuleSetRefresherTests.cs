using Kezek.IntegrationTests.Hosting;
using Kezek.Rules.RuleSets;
using Kezek.Server.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kezek.IntegrationTests.RuleSets;

/// <summary>The background refresher of each instance puts another instance's activation in force within seconds.</summary>
[Collection(PostgresCollection.Name)]
public sealed class RuleSetRefresherTests(PostgresKezek kezek) : KezekTest(kezek)
{
    [Fact]
    public async Task An_activation_stored_by_another_instance_is_in_force_here_within_seconds()
    {
        var catalog = Kezek.Services.GetRequiredService<RuleSetCatalog>();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Kezek:Rules:RefreshInterval"] = "00:00:00.200" }).Build();
        using var refresher = new RuleSetRefresher(Kezek.Services.GetRequiredService<IServiceScopeFactory>(), configuration,
            NullLogger<RuleSetRefresher>.Instance);
        await refresher.StartAsync(CancellationToken.None);
        try
        {
            var json = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "rules", "default.json"));
            await Kezek.WithDbAsync(db =>
            {
                db.RuleSetVersions.Add(new Core.Regions.RuleSetVersion("default", 2, json,
                    TestPeople.AdministratorIin, KezekFactory.Start.UtcDateTime, "activated elsewhere"));
                return db.SaveChangesAsync();
            });

            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (catalog.For("aktobe").Version != 2 && waited.Elapsed < TimeSpan.FromSeconds(10))
                await Task.Delay(50);

            Assert.Equal(2, catalog.For("aktobe").Version);
        }
        finally
        {
            await refresher.StopAsync(CancellationToken.None);
        }
    }
}
