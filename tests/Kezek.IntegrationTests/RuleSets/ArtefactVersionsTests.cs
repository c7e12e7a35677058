using System.Text.Json.Nodes;
using Kezek.Core.Identity;
using Kezek.Core.Lifecycle;
using Kezek.Core.Regions;
using Kezek.IntegrationTests.Hosting;
using Kezek.Rules.RuleSets;
using Kezek.Workflows.Lifecycle;
using Kezek.Workflows.RuleSets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kezek.IntegrationTests.RuleSets;

/// <summary>
/// The one versioning machine behind rule sets and lifecycles (Workflows/Versions), through its two typed uses, on a
/// real database: seeded once, activations numbered one after another, history newest first, another instance's
/// version picked up on refresh, and a stored version that no longer compiles here leaves the one in force.
/// </summary>
public abstract class ArtefactVersionsTests(KezekFactory kezek) : KezekTest(kezek)
{
    private static readonly Actor Officer = new(TestPeople.AdministratorIin, "АДМИНИСТРАТОР", Role.Administrator);

    private static string Shipped(string folder, string name) => File.ReadAllText(Path.Combine(Api.SchemaTests.RepositoryRoot(), folder, name + ".json"));

    private static string Described(string description)
    {
        var workflow = JsonNode.Parse(Shipped("workflows", "voucher"))!;
        workflow["description"] = description;
        return workflow.ToJsonString();
    }

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        using var scope = Kezek.Services.CreateScope();
        return await work(scope.ServiceProvider);
    }

    [Fact]
    public async Task Seeding_again_or_from_two_instances_at_once_stores_version_1_once()
    {
        var rules = Kezek.Services.GetRequiredService<RuleSetCatalog>();
        var folder = Path.Combine(AppContext.BaseDirectory, "rules");
        await Kezek.WithDbAsync(db => db.RuleSetVersions.ExecuteDeleteAsync());

        // Two instances start on an empty table at the same moment; a third starts later.
        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => InScopeAsync(async services =>
        {
            await services.GetRequiredService<RuleSetVersions>().SeedAndLoadAsync(folder, CancellationToken.None);
            return 0;
        })));
        await InScopeAsync(async services =>
        {
            await services.GetRequiredService<RuleSetVersions>().SeedAndLoadAsync(folder, CancellationToken.None);
            return 0;
        });

        var stored = await Kezek.WithDbAsync(db => db.RuleSetVersions.GroupBy(v => v.RegionCode)
            .Select(g => new { g.Key, Count = g.Count(), Newest = g.Max(v => v.Version) }).ToListAsync());
        Assert.Equal(Directory.EnumerateFiles(folder, "*.json").Count(), stored.Count);
        Assert.All(stored, s => Assert.Equal((1, 1), (s.Count, s.Newest)));
        Assert.Equal(1, rules.For("almaty").Version);
    }

    [Fact]
    public async Task Each_activation_is_the_next_version_with_who_when_why_and_an_audit_row_and_history_is_newest_first()
    {
        var catalog = Kezek.Services.GetRequiredService<WorkflowCatalog>();

        var second = await InScopeAsync(s => s.GetRequiredService<WorkflowVersions>().ActivateAsync("voucher", Described("редакция 2"), " Вторая ", Officer, CancellationToken.None));
        Kezek.Clock.Advance(TimeSpan.FromHours(1));
        var third = await InScopeAsync(s => s.GetRequiredService<WorkflowVersions>().ActivateAsync("voucher", Described("редакция 3"), "Третья", Officer, CancellationToken.None));
        var refused = await InScopeAsync(s => s.GetRequiredService<WorkflowVersions>().ActivateAsync("voucher", Described("редакция 4"), "  ", Officer, CancellationToken.None));

        Assert.Equal((2, "Вторая", TestPeople.AdministratorIin), (second.Value.Version, second.Value.Reason, second.Value.ActivatedByIin));
        Assert.Equal(3, third.Value.Version);
        Assert.Equal(KezekFactory.Start.AddHours(1).UtcDateTime, third.Value.ActivatedAt);
        Assert.Equal("INVALID_INPUT", refused.Error!.Code);
        Assert.Equal(3, catalog.VersionOf("voucher"));
        Assert.Equal("редакция 3", catalog.For("voucher").Description);
        var history = await InScopeAsync(s => s.GetRequiredService<WorkflowVersions>().HistoryAsync("voucher", CancellationToken.None));
        Assert.Equal([3, 2, 1], history.Select(v => v.Version));
        Assert.Equal(["workflow=voucher; version=2", "workflow=voucher; version=3"],
            await Kezek.WithDbAsync(db => db.StaffActions.Where(a => a.Action == "ActivateWorkflow").OrderBy(a => a.Id).Select(a => a.Details).ToListAsync()));
    }

    [Fact]
    public async Task Activations_racing_for_the_same_next_version_are_numbered_apart_or_told_to_retry()
    {
        var json = Shipped("rules", "almaty");
        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(i => InScopeAsync(s =>
            s.GetRequiredService<RuleSetVersions>().ActivateAsync("almaty", json, $"Гонка {i}", Officer, CancellationToken.None))));

        Assert.All(results.Where(r => !r.IsSuccess), r => Assert.Equal("CONCURRENT_CHANGE", r.Error!.Code));
        var won = results.Where(r => r.IsSuccess).Select(r => r.Value.Version).Order().ToList();
        Assert.Equal(Enumerable.Range(2, won.Count), won);
        Assert.Equal(1 + won.Count, await Kezek.WithDbAsync(db => db.RuleSetVersions.CountAsync(v => v.RegionCode == "almaty")));
        Assert.Equal(1 + won.Count, Kezek.Services.GetRequiredService<RuleSetCatalog>().For("almaty").Version);
    }

    [Fact]
    public async Task A_workflow_version_stored_by_another_instance_is_in_force_here_after_refresh()
    {
        var catalog = Kezek.Services.GetRequiredService<WorkflowCatalog>();
        await Kezek.WithDbAsync(db =>
        {
            db.WorkflowVersions.Add(new WorkflowVersion("voucher", 2, Described("из другого экземпляра"), TestPeople.AdministratorIin,
                KezekFactory.Start.UtcDateTime, "another instance"));
            return db.SaveChangesAsync();
        });
        Assert.Equal(1, catalog.VersionOf("voucher"));

        var changed = await InScopeAsync(s => s.GetRequiredService<WorkflowVersions>().RefreshAsync(CancellationToken.None));

        Assert.Equal(["voucher"], changed);
        Assert.Equal((2, "из другого экземпляра"), (catalog.VersionOf("voucher"), catalog.For("voucher").Description));
        Assert.Empty(await InScopeAsync(s => s.GetRequiredService<WorkflowVersions>().RefreshAsync(CancellationToken.None)));
    }

    [Fact]
    public async Task A_stored_version_that_does_not_compile_here_leaves_the_one_in_force_until_a_newer_one_does()
    {
        var rules = Kezek.Services.GetRequiredService<RuleSetCatalog>();
        var workflows = Kezek.Services.GetRequiredService<WorkflowCatalog>();
        var unknownActivity = JsonNode.Parse(Shipped("workflows", "voucher"))!;
        unknownActivity["transitions"]![0]!["activities"] = new JsonArray(new JsonObject { ["activity"] = "teleport" });
        await Kezek.WithDbAsync(db =>
        {
            db.RuleSetVersions.Add(new RuleSetVersion("almaty", 2, "{ \"WorkflowName\": ", TestPeople.AdministratorIin, KezekFactory.Start.UtcDateTime, "broken"));
            db.WorkflowVersions.Add(new WorkflowVersion("voucher", 2, unknownActivity.ToJsonString(), TestPeople.AdministratorIin,
                KezekFactory.Start.UtcDateTime, "broken"));
            return db.SaveChangesAsync();
        });

        Assert.Empty(await InScopeAsync(s => s.GetRequiredService<RuleSetVersions>().RefreshAsync(CancellationToken.None)));
        Assert.Empty(await InScopeAsync(s => s.GetRequiredService<WorkflowVersions>().RefreshAsync(CancellationToken.None)));
        Assert.Equal(1, rules.For("almaty").Version);
        Assert.Equal(1, workflows.VersionOf("voucher"));

        await Kezek.WithDbAsync(db =>
        {
            db.RuleSetVersions.Add(new RuleSetVersion("almaty", 3, Shipped("rules", "almaty"), TestPeople.AdministratorIin, KezekFactory.Start.UtcDateTime, "fixed"));
            return db.SaveChangesAsync();
        });
        Assert.Equal(["almaty"], await InScopeAsync(s => s.GetRequiredService<RuleSetVersions>().RefreshAsync(CancellationToken.None)));
        Assert.Equal(3, rules.For("almaty").Version);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ArtefactVersionsOnSqlite(SqliteKezek kezek) : ArtefactVersionsTests(kezek);

[Collection(PostgresCollection.Name)]
public sealed class ArtefactVersionsOnPostgres(PostgresKezek kezek) : ArtefactVersionsTests(kezek);
