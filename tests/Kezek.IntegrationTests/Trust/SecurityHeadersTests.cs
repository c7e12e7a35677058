using System.Net.Http.Headers;
using Kezek.IntegrationTests.Hosting;
using Kezek.Server.Hosting;
using Microsoft.Extensions.Configuration;

namespace Kezek.IntegrationTests.Trust;

/// <summary>Every answer forbids sniffing, framing and referrers; the app's policy allows no inline script; a document as HTML runs no script.</summary>
[Collection(SqliteCollection.Name)]
public sealed class SecurityHeadersTests(SqliteKezek kezek) : KezekTest(kezek)
{
    private static void AssertCommonHeaders(HttpResponseMessage response)
    {
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task The_api_and_the_app_carry_a_strict_policy_and_a_document_as_html_may_run_no_script()
    {
        using var api = await Kezek.CreateClient().GetAsync("/graphql?query=%7Bregions%7Bcode%7D%7D");
        AssertCommonHeaders(api);
        var policy = api.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self' wss://127.0.0.1:13579;", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", policy, StringComparison.Ordinal);

        var queue = await new Queues(Kezek).WithChildrenAsync(1);
        var id = (await queue.Api.PostAsync("query($n: String!) { application(number: $n) { documents { id } } }", new { n = queue.Numbers[0] },
            queue.Mother)).Ok().GetProperty("application").GetProperty("documents")[0].GetProperty("id").GetString();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/documents/{id}?lang=kk&format=html");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", queue.Mother);
        using var document = await Kezek.CreateClient().SendAsync(request);
        Assert.Equal("text/html", document.Content.Headers.ContentType?.MediaType);
        AssertCommonHeaders(document);
        Assert.Equal(SecurityHeaders.DocumentPolicy, document.Headers.GetValues("Content-Security-Policy").Single());
        Assert.DoesNotContain("<script", await document.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Studio_pages_also_allow_inline_styles_for_their_json_editor_and_nothing_else()
    {
        using var studio = await Kezek.CreateClient().GetAsync("/studio/lifecycles");
        AssertCommonHeaders(studio);
        var policy = studio.Headers.GetValues("Content-Security-Policy").Single();
        using var portal = await Kezek.CreateClient().GetAsync("/cabinet");
        var portalPolicy = portal.Headers.GetValues("Content-Security-Policy").Single();

        Assert.Equal(portalPolicy.Replace("style-src 'self';", "style-src 'self' 'unsafe-inline';", StringComparison.Ordinal), policy);
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("worker-src", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("blob:", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", portalPolicy, StringComparison.Ordinal);
        // One exception only: Monaco's styles. Its workers are the bundle's own files (script-src 'self'): no blob: or eval.
        Assert.Equal(2, policy.Split("'unsafe-").Length);
    }

    [Fact]
    public void A_tile_servers_origin_and_an_absolute_NCALayer_address_are_the_only_others_allowed()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kezek:Portal:NcaLayerUrl"] = "/dev/ncalayer",
            ["Kezek:Portal:MapTileUrl"] = "https://{s}.tiles.gis.kz/osm/{z}/{x}/{y}.png",
        }).Build();

        var policy = SecurityHeaders.AppPolicy(configuration);

        Assert.Contains("img-src 'self' data: https://*.tiles.gis.kz;", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self';", policy, StringComparison.Ordinal);
    }
}
