using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Kezek.IntegrationTests.Hosting;

namespace Kezek.IntegrationTests.Identity;

/// <summary>
/// Development's movable clock (<c>Kezek:Demo:MovableClock</c>, for the end-to-end journeys): never served unless asked
/// for, and refused outside Development, where it would let anyone pass every family's deadline.
/// </summary>
public sealed class MovableClockTests(DevelopmentKezek kezek) : IClassFixture<DevelopmentKezek>
{
    [Fact]
    public async Task Development_without_the_setting_does_not_serve_it()
    {
        using var http = kezek.Http();
        using var answer = await http.PostAsync(new Uri("/dev/clock?minutes=60", UriKind.Relative), null);
        Assert.NotEqual(System.Net.HttpStatusCode.OK, answer.StatusCode);
    }

    [Fact]
    public void A_server_asked_for_it_outside_Development_refuses_to_start()
    {
        using var production = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Kezek:Demo:MovableClock"] = "true",
                ["Kezek:DataPath"] = Path.Combine(Path.GetTempPath(), "kezek-never-started"),
            }));
        });
        var refused = Assert.ThrowsAny<Exception>(() => production.Server);
        Assert.Contains("Kezek:Demo:MovableClock is for the Development environment only", Flatten(refused), StringComparison.Ordinal);
    }

    private static string Flatten(Exception exception) =>
        exception.InnerException is null ? exception.Message : exception.Message + " | " + Flatten(exception.InnerException);
}
