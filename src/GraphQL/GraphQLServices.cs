using System.Text.Encodings.Web;
using GraphQL;
using GraphQL.Execution;
using GraphQLParser.AST;
using Kezek.GraphQL.Access;
using Kezek.GraphQL.Loaders;
using Kezek.Workflows.Journal;
using Microsoft.Extensions.DependencyInjection;

namespace Kezek.GraphQL;

public static class GraphQLServices
{
    public const int MaxDepth = 15;
    public const int MaxComplexity = 20_000;

    public static IServiceCollection AddKezekGraphQL(this IServiceCollection services)
    {
        services.AddGraphQL(builder => builder
            .AddSchema<KezekSchema>()
            .AddGraphTypes(typeof(KezekSchema).Assembly)
            // Relaxed escaping: Cyrillic, Kazakh letters and "+05:00" stay readable; responses are JSON, never HTML.
            .AddSystemTextJson(json => json.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping)
            .AddErrorInfoProvider(options => options.ExposeExceptionDetails = false)
            .AddValidationRule<AccessRule>()
            .AddValidationRule<OncePerRequestRule>()
            .AddValidationRule<RequestShapeRule>()
            .AddValidationRule<RateLimitRule>()
            .AddComplexityAnalyzer(options =>
            {
                options.MaxDepth = MaxDepth;
                options.MaxComplexity = MaxComplexity;
            })
            // Resolvers share the request's DbContext, which is not thread-safe: run fields one by one.
            .AddExecutionStrategy<SerialExecutionStrategy>(OperationType.Query));

        services.AddOptions<Http.RequestLimits>().BindConfiguration(Http.RequestLimits.Section);
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section);
        services.AddSingleton<RateLimits>();
        services.AddSingleton<Http.PersistedDocuments>();

        // The read layer: per request, the loaders batch what the object types read, through the read services.
        services.AddScoped<ApplicationDetails>();
        services.AddScoped<ParentsLoader>();
        services.AddScoped<RankedKindergartensLoader>();
        services.AddScoped<AllocationOutcomesLoader>();
        services.AddScoped<TransferRequestLoader>();
        services.AddScoped<DirectionsLoader>();
        services.AddScoped<DocumentsLoader>();
        services.AddScoped<HistoryLoader>();
        services.AddScoped<KindergartenLoader>();
        services.AddScoped<RegionLoader>();
        services.AddScoped<ApplicationRegionLoader>();
        services.AddScoped<KindergartenGroupsLoader>();
        services.AddScoped<QueuePositionLoader>();
        services.AddScoped<PastQueueNumbersLoader>();
        services.AddScoped<WaitingForecastLoader>();
        services.AddScoped<ReleaseWindowLoader>();
        services.AddScoped<AvailableActionsLoader>();
        services.AddScoped<ContactPreferencesLoader>();
        return services;
    }
}
