using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kezek.IntegrationTests.Hosting;

/// <summary>
/// Kezek as <c>dotnet run</c> starts it: the Development environment and its settings (demo data, demo keys in the
/// data folder, the NCALayer stand-in), on real Kestrel at 127.0.0.1 and a port of its own, with SQLite in a
/// temporary folder.
/// </summary>
public sealed class DevelopmentKezek : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kezek-dev-").FullName;

    public DevelopmentKezek() => UseKestrel(options => options.Listen(IPAddress.Loopback, 0));

    public string DataPath => Path.Combine(_folder, "data");

    /// <summary>http://127.0.0.1:port</summary>
    public Uri Address { get; private set; } = null!;

    public Task InitializeAsync()
    {
        StartServer();
        Address = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return Task.CompletedTask;
    }

    public HttpClient Http() => new() { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left to the system's temp cleanup.
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Kezek:DataPath"] = DataPath,
            ["Kezek:Database:Provider"] = "Sqlite",
            ["Kezek:Database:ConnectionString"] = $"Data Source={Path.Combine(_folder, "kezek-dev.db")}",
        }));
    }
}
