using System.Net;
using System.Net.Http.Json;
using Kezek.Core.Iins;
using Kezek.IntegrationTests.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kezek.IntegrationTests.Api;

/// <summary>
/// A Kezek with small limits, behind a trusted proxy (10.0.0.1): each test's client comes from an address of its own,
/// given by the test as the connection's address (a startup filter stands in for the network); requests that name none come
/// from a random address.
/// </summary>
public sealed class RateLimitedKezek : KezekFactory
{
    public const string ConnectionAddressHeader = "X-Test-Connection-Address";

    public override Kezek.Infrastructure.Persistence.DatabaseProvider Provider => Kezek.Infrastructure.Persistence.DatabaseProvider.Sqlite;

    protected override string ConnectionString => $"Data Source={Path.Combine(Folder, "kezek-rate-tests.db")}";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kezek:RateLimits:Enabled"] = "true",
            ["Kezek:RateLimits:NoncesPerAddress"] = "5",
            ["Kezek:RateLimits:SignInsPerAddress"] = "3",
            ["Kezek:RateLimits:SignedActionsPerPerson"] = "2",
            ["Kezek:RateLimits:LookupsPerAddress"] = "4",
            ["Kezek:Network:TrustedProxies:0"] = "10.0.0.1",
        }));
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, ConnectionAddressFilter>());
    }

    private sealed class ConnectionAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext http, RequestDelegate following) =>
            {
                // The tests' own set-up (signing in, importing the registry) comes from addresses never seen again.
                http.Connection.RemoteIpAddress = http.Request.Headers[ConnectionAddressHeader].ToString() is { Length: > 0 } address
                    ? IPAddress.Parse(address)
                    : new IPAddress(BitConverter.GetBytes(Random.Shared.Next()));
                return following(http);
            });
            next(app);
        };
    }
}

public sealed class RateLimitTests(RateLimitedKezek kezek) : KezekTest(kezek), IClassFixture<RateLimitedKezek>
{
    private static int _nextAddress;

    /// <summary>A fresh client address for each test (the limits' windows outlive a test).</summary>
    private static string NewAddress() => $"198.51.100.{Interlocked.Increment(ref _nextAddress)}";

    private async Task<HttpResponseMessage> PostAsync(string query, string connection, string? forwardedFor = null, string? token = null,
        object? variables = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Add(RateLimitedKezek.ConnectionAddressHeader, connection);
        if (forwardedFor is not null)
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        if (token is not null)
            request.Headers.Authorization = new("Bearer", token);
        request.Headers.AcceptLanguage.ParseAdd("ru");
        return await Kezek.Api().Http.SendAsync(request);
    }

    private static async Task AssertLimitedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(int.Parse(response.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) is > 0 and <= 60);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("RATE_LIMITED", body, StringComparison.Ordinal);
        Assert.Contains("Слишком много запросов", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_address_gets_a_bounded_number_of_nonces_and_forwarded_addresses_count_only_from_trusted_proxies()
    {
        const string nonce = "mutation { requestNonce { value } }";
        var address = NewAddress();
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(nonce, address)).StatusCode);
        var rowsBefore = await Kezek.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Nonces));
        await AssertLimitedAsync(await PostAsync(nonce, address));
        // A refused request writes nothing; a forged X-Forwarded-For from an untrusted address changes nothing.
        Assert.Equal(rowsBefore, await Kezek.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Nonces)));
        await AssertLimitedAsync(await PostAsync(nonce, address, forwardedFor: NewAddress()));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(nonce, NewAddress())).StatusCode);

        // Behind the trusted proxy, each forwarded client has its own count.
        var first = NewAddress();
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(nonce, "10.0.0.1", forwardedFor: first)).StatusCode);
        await AssertLimitedAsync(await PostAsync(nonce, "10.0.0.1", forwardedFor: first));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(nonce, "10.0.0.1", forwardedFor: NewAddress())).StatusCode);
    }

    [Fact]
    public async Task Sign_ins_and_public_look_ups_are_bounded_per_address()
    {
        var address = NewAddress();
        const string signIn = "mutation($x: String!) { signIn(signedXml: $x) { token } }";
        for (var i = 0; i < 3; i++)
        {
            var failed = await PostAsync(signIn, address, variables: new { x = "<login/>" });
            Assert.Contains("SIGNATURE_INVALID", await failed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await AssertLimitedAsync(await PostAsync(signIn, address, variables: new { x = "<login/>" }));

        const string lookup = "{ queuePosition(region: \"almaty\", childIin: \"220315670018\") { queueNumber } }";
        for (var i = 0; i < 4; i++)
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(lookup, address)).StatusCode);
        await AssertLimitedAsync(await PostAsync(lookup, address));
    }

    [Fact]
    public async Task One_person_gets_a_bounded_number_of_signed_actions_whatever_address_they_come_from()
    {
        var api = Kezek.Api();
        var child = Queues.ChildIins(1, new DateOnly(2022, 1, 1))[0];
        await api.ImportCivilRegistryAsync("childIin,childFullName,childBirthDate,parentIin,parentFullName,relation\n"
            + $"{child},{Queues.ChildName(0)},{Iin.Parse(child).Value.BirthDate:yyyy-MM-dd},{TestPeople.MotherIin},АХМЕТОВА АЙГЕРІМ СЕРІКҚЫЗЫ,MOTHER");
        var mother = await api.SignInAsync(People.Mother);
        const string withdraw = "mutation($input: WithdrawApplicationInput!, $x: String!) { withdrawApplication(input: $input, signedXml: $x) { application { number } } }";
        var input = new Dictionary<string, string> { ["applicationNumber"] = "ALM.2026.000001.1", ["reason"] = "Переезд" };

        for (var i = 0; i < 2; i++)
        {
            var signed = GraphQLClient.Sign(People.Mother, "withdrawApplication", await api.NonceAsync(mother), input);
            var answered = await PostAsync(withdraw, NewAddress(), token: mother, variables: new { input, x = signed });
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
            Assert.Contains("APPLICATION_NOT_FOUND", await answered.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var third = GraphQLClient.Sign(People.Mother, "withdrawApplication", await api.NonceAsync(mother), input);
        await AssertLimitedAsync(await PostAsync(withdraw, NewAddress(), token: mother, variables: new { input, x = third }));
        // Another person from the same addresses is not limited by her count.
        var father = await api.SignInAsync(People.Father);
        var fathers = GraphQLClient.Sign(People.Father, "withdrawApplication", await api.NonceAsync(father), input);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(withdraw, NewAddress(), token: father, variables: new { input, x = fathers })).StatusCode);
    }
}
