using Kezek.IntegrationTests.Hosting;
using Kezek.Workflows;
using Kezek.Workflows.Access;
using Kezek.Workflows.Actions;
using Microsoft.Extensions.DependencyInjection;

namespace Kezek.IntegrationTests.Identity;

/// <summary>The use cases (one folder each) are served by the container, and the cabinet is its owner's only.</summary>
public abstract class UseCaseTests(KezekFactory kezek) : KezekTest(kezek)
{
    [Fact]
    public void Every_use_case_handler_and_the_access_policy_are_served_per_request()
    {
        var handlers = typeof(UseCaseServices).Assembly.GetExportedTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.Name.EndsWith("Handler", StringComparison.Ordinal)).ToList();
        using var scope = Kezek.Services.CreateScope();

        Assert.True(handlers.Count >= 25, $"Only {handlers.Count} handlers found.");
        Assert.All([.. handlers, typeof(AccessPolicy), typeof(FamilyActions)], type => Assert.NotNull(scope.ServiceProvider.GetRequiredService(type)));
    }

    [Fact]
    public async Task Nobody_marks_another_persons_cabinet_messages_read()
    {
        var queue = await new Queues(Kezek).WithChildrenAsync(1);
        const string Cabinet = "{ notifications { id readAt } }";
        const string MarkRead = "mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) }";
        var ids = (await queue.Api.PostAsync(Cabinet, token: queue.Mother)).Ok().GetProperty("notifications").EnumerateArray()
            .Select(m => m.GetProperty("id").GetString()).ToArray();
        var stranger = await queue.Api.SignInAsync(People.Stranger);

        Assert.NotEmpty(ids);
        Assert.Equal(0, (await queue.Api.PostAsync(MarkRead, new { ids }, stranger)).Ok().GetProperty("markNotificationsRead").GetInt32());
        Assert.All((await queue.Api.PostAsync(Cabinet, token: queue.Mother)).Ok().GetProperty("notifications").EnumerateArray(),
            m => Assert.Equal(System.Text.Json.JsonValueKind.Null, m.GetProperty("readAt").ValueKind));
        Assert.Equal(ids.Length, (await queue.Api.PostAsync(MarkRead, new { ids }, queue.Mother)).Ok().GetProperty("markNotificationsRead").GetInt32());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class UseCasesOnSqlite(SqliteKezek kezek) : UseCaseTests(kezek);

[Collection(PostgresCollection.Name)]
public sealed class UseCasesOnPostgres(PostgresKezek kezek) : UseCaseTests(kezek);
