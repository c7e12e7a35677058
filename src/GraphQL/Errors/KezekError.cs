using GraphQL;
using Kezek.Core.Results;
using Kezek.Core.Words;
using Kezek.GraphQL.Access;

namespace Kezek.GraphQL.Errors;

/// <summary>An expected failure as a GraphQL error: <c>extensions.code</c> and the message in the reader's language.</summary>
public sealed class KezekError : ExecutionError
{
    public KezekError(Error error, Language language, IWordCatalog words)
        : base(words.Format(error.Code, language, error.Arguments))
    {
        Code = error.Code;
    }

    public static KezekError For(IResolveFieldContext context, Error error) =>
        new(error, context.Kezek().Language, context.Kezek().Words);

    public static KezekError For(IResolveFieldContext context, string code) => For(context, Error.Of(code));
}

public static class ResultExtensions
{
    /// <summary>The value, or the error thrown as a GraphQL error (the payload stays null, nothing was written).</summary>
    public static T OrThrow<T>(this Result<T> result, IResolveFieldContext context) =>
        result.IsSuccess ? result.Value : throw KezekError.For(context, result.Error!);
}
