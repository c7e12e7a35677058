using GraphQL;
using Kezek.Core.Results;
using Kezek.Core.Words;
using Kezek.GraphQL.Access;

namespace Kezek.GraphQL.Errors;

/// <summary>
/// An expected failure as a GraphQL error: <c>extensions.code</c> and the message in the reader's language; an error about
/// one input field gives it as <c>extensions.field</c> (a form shows the message next to it); where a file's line was
/// refused, <c>extensions</c> also give its <c>line</c>, <c>problem</c> (an error code) and <c>problemMessage</c> (that
/// problem alone, in the reader's language).
/// </summary>
public sealed class KezekError : ExecutionError
{
    private static readonly string[] Located = ["line", "field", "problem"];

    public KezekError(Error error, Language language, IWordCatalog words)
        : base(words.Format(error.Code, language, error.Arguments))
    {
        Code = error.Code;
        if (error.Arguments is not { } arguments)
            return;
        if (arguments.ContainsKey("line"))
        {
            foreach (var name in Located)
            {
                if (arguments.TryGetValue(name, out var value))
                    this.AddExtension(name, value);
            }

            if (arguments.TryGetValue("problem", out var problem))
            {
                var rest = arguments.Where(a => a.Key is not ("problem" or "line")).ToDictionary(a => a.Key, a => a.Value);
                this.AddExtension("problemMessage", words.Format(problem, language, rest));
            }
        }
        else if (arguments.TryGetValue("field", out var field))
        {
            this.AddExtension("field", field);
        }
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
