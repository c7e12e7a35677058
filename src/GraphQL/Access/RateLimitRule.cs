using GraphQL.Validation;
using GraphQLParser.AST;
using Kezek.Core.Words;
using Kezek.GraphQL.Errors;
using Kezek.GraphQL.Http;

namespace Kezek.GraphQL.Access;

/// <summary>
/// Takes a permit (<see cref="RateLimits"/>) for every rate-limited root field a document asks for, before anything runs;
/// past the limit the request is refused with <c>RATE_LIMITED</c>, and the endpoint answers HTTP 429 with Retry-After.
/// </summary>
public sealed class RateLimitRule(RateLimits limits, IWordCatalog words) : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) =>
        new(new MatchingNodeVisitor<GraphQLField>((field, validation) =>
        {
            var parent = validation.TypeInfo.GetParentType();
            var isMutation = parent == validation.Schema.Mutation;
            if (!isMutation && parent != validation.Schema.Query)
                return;
            if (validation.TypeInfo.GetFieldDef()?.RatePolicyOf(isMutation) is not { } policy)
                return;
            var kezek = validation.UserContext as KezekContext;
            if (limits.Refusal(policy, kezek?.ClientAddress, kezek?.Viewer?.Iin) is not { } retryAfter)
                return;

            var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
            if (kezek is not null)
                kezek.RetryAfterSeconds = Math.Max(kezek.RetryAfterSeconds ?? 0, seconds);
            validation.ReportError(new ValidationError(validation.Document.Source, RequestErrorCodes.RateLimited,
                words.Format(RequestErrorCodes.RateLimited, kezek?.Language ?? Language.Ru,
                    new Dictionary<string, string> { ["seconds"] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
                field) { Code = RequestErrorCodes.RateLimited });
        }));
}
