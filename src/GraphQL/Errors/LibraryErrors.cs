using GraphQL;
using Kezek.Core.Words;

namespace Kezek.GraphQL.Errors;

/// <summary>
/// Errors raised by GraphQL.NET itself (a malformed document, a value of the wrong type, a document too
/// deep or complex) keep their code, get a message in the reader's language, and keep the library's
/// English text in <c>extensions.detail</c> for the portal's developers.
/// </summary>
public static class LibraryErrors
{
    public static ExecutionErrors? Localize(ExecutionErrors? errors, Language language, IWordCatalog words)
    {
        if (errors is null || errors.All(error => IsKezeks(error, words)))
            return errors;

        var localized = new ExecutionErrors();
        foreach (var error in errors)
        {
            if (IsKezeks(error, words))
            {
                localized.Add(error);
                continue;
            }

            var key = error.Code switch
            {
                "INVALID_VALUE" or "VARIABLES_ARE_INPUT_TYPES" or "ARGUMENTS_OF_CORRECT_TYPE" => RequestErrorCodes.InvalidValue,
                "COMPLEXITY" => RequestErrorCodes.TooComplex,
                _ => RequestErrorCodes.BadRequest,
            };
            var copy = new ExecutionError(words.Format(key, language, null)) { Code = error.Code ?? key, Path = error.Path };
            foreach (var location in error.Locations ?? [])
                copy.AddLocation(location);
            copy.AddExtension("detail", error.Message);
            localized.Add(copy);
        }

        return localized;
    }

    /// <summary>Errors Kezek raised already speak the reader's language; the library's two shared codes do not.</summary>
    private static bool IsKezeks(ExecutionError error, IWordCatalog words) =>
        error is KezekError
        || (error.Code is { } code && code is not (RequestErrorCodes.InvalidValue or RequestErrorCodes.TooComplex)
            && words.HasMessage(code));
}
