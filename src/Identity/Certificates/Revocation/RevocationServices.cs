using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kezek.Identity.Certificates.Revocation;

public static class RevocationServices
{
    /// <summary>
    /// The revocation check (configuration <c>Kezek:Signatures:Revocation</c>), its HTTP clients, the CRL store and its
    /// background refresh. <paramref name="dataPath"/> gives the data folder the CRL cache and relative CRL paths live under.
    /// </summary>
    public static IServiceCollection AddKezekRevocation(this IServiceCollection services, Func<IServiceProvider, string> dataPath)
    {
        services.AddOptions<RevocationOptions>().BindConfiguration(RevocationOptions.Section)
            .PostConfigure<IServiceProvider>((options, provider) => options.DataPath ??= dataPath(provider));
        services.AddHttpClient(RevocationChecker.HttpClientName);
        services.AddHttpClient(CrlStore.HttpClientName);
        services.AddSingleton<CrlStore>();
        services.AddSingleton<RevocationChecker>();
        services.AddHostedService<CrlRefresher>();
        return services;
    }

    /// <summary>A checker outside a host (tests, benchmarks, tools): its own HTTP client factory, no background refresh.</summary>
    public static RevocationChecker Standalone(RevocationOptions options, TimeProvider clock, Microsoft.Extensions.Logging.ILoggerFactory? logs = null)
    {
        logs ??= Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance;
        var http = new ServiceCollection().AddHttpClient().BuildServiceProvider().GetRequiredService<IHttpClientFactory>();
        var wrapped = Microsoft.Extensions.Options.Options.Create(options);
        return new RevocationChecker(wrapped, new CrlStore(wrapped, http, clock, logs.CreateLogger<CrlStore>()), http, clock,
            logs.CreateLogger<RevocationChecker>());
    }
}
