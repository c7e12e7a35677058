using GraphQL.Validation;
using GraphQLParser.AST;
using Kezek.Core.Words;
using Kezek.GraphQL.Errors;
using Kezek.GraphQL.Http;
using Microsoft.Extensions.Options;

namespace Kezek.GraphQL.Access;

/// <summary>
/// Bounds what one document may ask (<see cref="RequestLimits"/>): root fields per operation and aliases in all, so that a
/// 16 KB request cannot ask for hundreds of lifecycles or region lists at once. Refused before anything runs.
/// </summary>
public sealed class RequestShapeRule(IWordCatalog words, IOptions<RequestLimits> limits) : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var aliases = 0;
        var reported = false;
        return new(new NodeVisitors(
            new MatchingNodeVisitor<GraphQLOperationDefinition>((operation, validation) =>
            {
                if (operation.SelectionSet.Selections.Count > limits.Value.MaxRootFields)
                    Report(validation, operation, "max", limits.Value.MaxRootFields);
            }),
            new MatchingNodeVisitor<GraphQLField>((field, validation) =>
            {
                if (field.Alias is not null && ++aliases > limits.Value.MaxAliases && !reported)
                {
                    reported = true;
                    Report(validation, field, "max", limits.Value.MaxAliases);
                }
            })));
    }

    private void Report(ValidationContext validation, ASTNode node, string name, int value)
    {
        var language = (validation.UserContext as KezekContext)?.Language ?? Language.Ru;
        validation.ReportError(new ValidationError(validation.Document.Source, RequestErrorCodes.TooManyFields,
            words.Format(RequestErrorCodes.TooManyFields, language, new Dictionary<string, string> { [name] = value.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
            node) { Code = RequestErrorCodes.TooManyFields });
    }
}
