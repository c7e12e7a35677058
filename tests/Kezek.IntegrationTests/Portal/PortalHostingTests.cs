using System.Net;
using Kezek.IntegrationTests.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace Kezek.IntegrationTests.Portal;

/// <summary>
/// The family portal served by Kezek: the built files at <c>/</c>, index.html for the browser's routes but never for the
/// server's own paths, caching, CORS for configured origins only, and the public portalSettings.
/// </summary>
[Collection(SqliteCollection.Name)]
public sealed class PortalHostingTests(SqliteKezek kezek) : KezekTest(kezek), IDisposable
{
    private const string Allowed = "https://balabaqsha.example.kz";
    private readonly string _webRoot = Directory.CreateTempSubdirectory("kezek-web-").FullName;
    private readonly List<IDisposable> _servers = [];

    public void Dispose()
    {
        foreach (var server in _servers)
            server.Dispose();
        Directory.Delete(_webRoot, recursive: true);
    }

    private HttpClient Portal(bool built = true, params (string Key, string Value)[] settings)
    {
        if (built)
        {
            File.WriteAllText(Path.Combine(_webRoot, "index.html"), "<!doctype html><title>Kezek portal</title><div id=root></div>");
            Directory.CreateDirectory(Path.Combine(_webRoot, "assets"));
            File.WriteAllText(Path.Combine(_webRoot, "assets", "index-Ab12Cd.js"), "console.log('portal')");
        }

        var server = Kezek.WithWebHostBuilder(builder => builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(
            new Dictionary<string, string?>(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)))
            {
                ["Kezek:Portal:WebRoot"] = _webRoot,
                ["Kezek:Portal:AllowedOrigins:0"] = Allowed,
            })));
        _servers.Add(server);
        return server.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/cabinet/applications/ALM.2026.000009.1")]
    [InlineData("/verify/ABCD-1234")]
    [InlineData("/studio")]
    public async Task The_browsers_routes_get_index_html_never_cached(string path)
    {
        var response = await Portal().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Kezek portal", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl?.NoCache);
    }

    [Fact]
    public async Task Hashed_assets_are_cached_for_a_year_and_a_missing_one_is_404_not_the_page()
    {
        var client = Portal();

        var asset = await client.GetAsync("/assets/index-Ab12Cd.js");
        var missing = await client.GetAsync("/assets/index-Gone.js");

        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        Assert.Equal(TimeSpan.FromDays(365), asset.Headers.CacheControl?.MaxAge);
        Assert.Contains("immutable", asset.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Theory]
    [InlineData("/graphql/anything")]
    [InlineData("/documents")]
    [InlineData("/dev/unknown")]
    [InlineData("/health/extra")]
    [InlineData("/favicon.ico")]
    public async Task The_servers_own_paths_and_files_never_fall_back_to_the_page(string path)
    {
        var response = await Portal().GetAsync(path);

        Assert.DoesNotContain("Kezek portal", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GraphQL_and_health_stay_as_they_are()
    {
        var client = Portal();

        var graphql = await client.GetAsync("/graphql?query=%7Bregions%7Bcode%7D%7D");
        var health = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, graphql.StatusCode);
        Assert.Equal("application/graphql-response+json", graphql.Content.Headers.ContentType?.MediaType);
        Assert.Contains("almaty", await graphql.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Without_a_built_portal_the_API_runs_and_the_page_says_how_to_build_it()
    {
        var client = Portal(built: false);

        var page = await client.GetAsync("/cabinet");
        var graphql = await client.GetAsync("/graphql?query=%7Bregions%7Bcode%7D%7D");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("not built", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Node.js", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, graphql.StatusCode);
    }

    [Fact]
    public async Task CORS_allows_a_configured_origin_and_refuses_others()
    {
        var client = Portal();

        async Task<HttpResponseMessage> Preflight(string origin)
        {
            using var request = new HttpRequestMessage(HttpMethod.Options, "/graphql");
            request.Headers.Add("Origin", origin);
            request.Headers.Add("Access-Control-Request-Method", "POST");
            request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,accept-language");
            return await client.SendAsync(request);
        }

        var allowed = await Preflight(Allowed);
        var refused = await Preflight("https://evil.example.com");
        using var post = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("{\"query\":\"{ regions { code } }\"}", System.Text.Encoding.UTF8, "application/json"),
        };
        post.Headers.Add("Origin", Allowed);
        var answered = await client.SendAsync(post);

        Assert.Equal(Allowed, allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("authorization", string.Join(",", allowed.Headers.GetValues("Access-Control-Allow-Headers")), StringComparison.OrdinalIgnoreCase);
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal(Allowed, answered.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task No_origin_is_allowed_by_default()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/graphql");
        request.Headers.Add("Origin", Allowed);
        request.Headers.Add("Access-Control-Request-Method", "POST");

        var response = await Kezek.CreateClient().SendAsync(request);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Portal_settings_are_public_with_the_real_NCALayer_by_default_and_no_map()
    {
        var response = await Kezek.Api().PostAsync("{ portalSettings { ncaLayerUrl mapTileUrl mapAttribution defaultRegion } }");

        Assert.False(response.HasErrors, response.Text);
        Assert.Contains("\"ncaLayerUrl\":\"wss://127.0.0.1:13579\"", response.Text, StringComparison.Ordinal);
        Assert.Contains("\"mapTileUrl\":null", response.Text, StringComparison.Ordinal);
        Assert.Contains("\"defaultRegion\":null", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Portal_settings_follow_the_configuration()
    {
        var client = Portal(true,
            ("Kezek:Portal:NcaLayerUrl", "/dev/ncalayer"),
            ("Kezek:Portal:MapTileUrl", "https://tiles.example.kz/{z}/{x}/{y}.png"),
            ("Kezek:Portal:DefaultRegion", "almaty"));

        var response = await client.PostAsync("/graphql",
            new StringContent("{\"query\":\"{ portalSettings { ncaLayerUrl mapTileUrl defaultRegion } }\"}", System.Text.Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Contains("\"ncaLayerUrl\":\"/dev/ncalayer\"", text, StringComparison.Ordinal);
        Assert.Contains("\"mapTileUrl\":\"https://tiles.example.kz/{z}/{x}/{y}.png\"", text, StringComparison.Ordinal);
        Assert.Contains("\"defaultRegion\":\"almaty\"", text, StringComparison.Ordinal);
    }
}
