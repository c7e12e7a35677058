using GraphQL.Builders;
using GraphQL.Validation;
using GraphQLParser.AST;
using Kezek.Core.Words;
using Kezek.GraphQL.Errors;
using Kezek.GraphQL.Http;

namespace Kezek.GraphQL.Access;

/// <summary>
/// A field marked <see cref="OncePerRequestExtensions.OncePerRequest{TSource,TReturn}"/> may appear once in a
/// document: the public search cannot be multiplied with aliases to walk through children's IINs.
/// </summary>
public sealed class OncePerRequestRule(IWordCatalog words) : ValidationRuleBase
{
    public const string MetadataKey = "kezek:once-per-request";

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return new(new MatchingNodeVisitor<GraphQLField>((field, validation) =>
        {
            var definition = validation.TypeInfo.GetFieldDef();
            if (definition is null || !definition.Metadata.ContainsKey(MetadataKey) || seen.Add(definition.Name))
                return;
            var language = (validation.UserContext as KezekContext)?.Language ?? Language.Ru;
            validation.ReportError(new ValidationError(validation.Document.Source, RequestErrorCodes.OncePerRequest,
                words.Format(RequestErrorCodes.OncePerRequest, language, new Dictionary<string, string> { ["field"] = definition.Name }),
                field) { Code = RequestErrorCodes.OncePerRequest });
        }));
    }
}

public static class OncePerRequestExtensions
{
    public static FieldBuilder<TSource, TReturn> OncePerRequest<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field)
    {
        field.FieldType.Metadata[OncePerRequestRule.MetadataKey] = true;
        return field;
    }
}
