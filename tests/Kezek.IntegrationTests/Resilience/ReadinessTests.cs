using System.Net;
using System.Text.Json;
using Kezek.IntegrationTests.Hosting;

namespace Kezek.IntegrationTests.Resilience;

/// <summary>
/// A real Kezek process on a disposable PostgreSQL cluster (as <see cref="DatabaseOutageTests"/>): <c>/health/ready</c> says 503
/// while the database is down and 200 once it is back; <c>/health/live</c> stays 200 throughout. The process listens on
/// 127.0.0.1, so it also serves <c>/metrics</c> to a real loopback client.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ReadinessTests(PostgresKezek kezek) : KezekTest(kezek)
{
    [Fact]
    public async Task Ready_fails_while_the_database_is_down_and_live_does_not()
    {
        using var cluster = await DisposablePostgres.CreateAsync();
        using var server = KezekProcess.Start(Kezek, connectionString: cluster.ConnectionString("kezek_outage"));
        var http = (await server.ApiAsync(Kezek)).Http;

        async Task<(HttpStatusCode Status, JsonElement Body)> Health(string path)
        {
            using var response = await http.GetAsync(path);
            return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
        }

        var ready = await Health("/health/ready");
        Assert.True(ready.Status == HttpStatusCode.OK, ready.Body.ToString());
        Assert.Equal("Healthy", ready.Body.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        var metrics = await http.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        Assert.Contains("kezek_", await metrics.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await cluster.StopAsync();
        var down = await Health("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.Status);
        Assert.Equal("Unhealthy", down.Body.GetProperty("status").GetString());
        Assert.Equal("Unhealthy", down.Body.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", down.Body.GetProperty("checks").GetProperty("rules").GetProperty("status").GetString());
        Assert.DoesNotContain("Password", down.Body.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await Health("/health/live")).Status);

        await cluster.StartAsync();
        await Invariants.WaitUntilAsync(async () => (await Health("/health/ready")).Status == HttpStatusCode.OK,
            TimeSpan.FromSeconds(30), () => "Not ready again after the database came back:\n" + server.Output);
    }
}
