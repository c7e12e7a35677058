using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using Kezek.Core.Results;
using Kezek.Core.Words;
using Kezek.GraphQL.Errors;
using Kezek.GraphQL.Http;

namespace Kezek.GraphQL.Access;

/// <summary>
/// Enforces every field's <see cref="AccessRequirement"/> before anything executes. A root field (of Query
/// or Mutation) without a declared requirement is refused: access fails closed. Nested fields inherit the
/// check of the root field that produced their object; the resolvers check the data's scope.
/// </summary>
public sealed class AccessRule(IWordCatalog words) : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) =>
        new(new MatchingNodeVisitor<GraphQLField>((field, validation) =>
        {
            var definition = validation.TypeInfo.GetFieldDef();
            // Introspection (__schema, __type, __typename) is public: portals generate their clients from it.
            if (definition is null || definition.Name.StartsWith("__", StringComparison.Ordinal))
                return;
            var parent = validation.TypeInfo.GetParentType();
            var isRoot = parent == validation.Schema.Query || parent == validation.Schema.Mutation;
            var requirement = definition.AccessOf();
            if (requirement is null && !isRoot)
                return;

            var kezek = validation.UserContext as KezekContext;
            var refusal = requirement is null ? ErrorCodes.Forbidden : requirement.Refusal(kezek?.Viewer);
            if (refusal is null)
                return;
            validation.ReportError(new ValidationError(validation.Document.Source, refusal,
                words.Format(refusal, kezek?.Language ?? Language.Ru, null), field) { Code = refusal });
        }));
}

/// <summary>GET serves queries only (GraphQL over HTTP): a mutation over GET is refused before it runs.</summary>
public sealed class QueriesOnlyRule(IWordCatalog words) : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) =>
        new(new MatchingNodeVisitor<GraphQLOperationDefinition>((operation, validation) =>
        {
            if (operation.Operation == OperationType.Query)
                return;
            var language = (validation.UserContext as KezekContext)?.Language ?? Language.Ru;
            validation.ReportError(new ValidationError(validation.Document.Source, RequestErrorCodes.MutationOverGet,
                words.Format(RequestErrorCodes.MutationOverGet, language, null), operation) { Code = RequestErrorCodes.MutationOverGet });
        }));
}
