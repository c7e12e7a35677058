using Kezek.Core.Words;
using GraphQL;
using GraphQL.MicrosoftDI;
using GraphQL.Types;
using Kezek.GraphQL.Access;
using Kezek.GraphQL.Errors;
using Kezek.GraphQL.Identity;
using Kezek.Workflows.Profile;

namespace Kezek.GraphQL.Profile;

internal static class ProfileFields
{
    public static void AddMutations(ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<ViewerGraphType>>("updateContactPreferences")
            .Description("The signed-in person's e-mail (asked at the first sign-in) and the language of their messages.")
            .Argument<NonNullGraphType<StringGraphType>>("email")
            .Argument<NonNullGraphType<Places.LanguageGraphType>>("language")
            .Access(AccessRequirement.SignedInPerson)
            .Resolve().WithService<UpdateContactPreferencesHandler>()
            .ResolveAsync(async (c, handler) =>
            {
                var viewer = c.RequireViewer();
                (await handler.HandleAsync(new UpdateContactPreferences(viewer, c.GetArgument<string>("email"), c.GetArgument<Language>("language")),
                    c.CancellationToken)).OrThrow(c);
                return viewer;
            });
}
