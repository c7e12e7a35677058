using GraphQL.MicrosoftDI;
using GraphQL.Types;
using GraphQL;
using Kezek.Core.Identity;
using Kezek.Core.Regions;
using Kezek.Core.Words;
using Kezek.GraphQL.Access;
using Kezek.GraphQL.Errors;
using Kezek.GraphQL.Loaders;
using Kezek.Identity.Sessions;
using Kezek.Workflows.CivilRegistry;
using Kezek.Workflows.Roles;
using Microsoft.Extensions.DependencyInjection;

namespace Kezek.GraphQL.Identity;

/// <summary>The roles people hold (Kezek's own System role is not one of them).</summary>
public sealed class RoleGraphType : EnumerationGraphType
{
    public RoleGraphType()
    {
        Name = "Role";
        Add("APPLICANT", Role.Applicant);
        Add("KINDERGARTEN_STAFF", Role.KindergartenStaff);
        Add("OPERATOR", Role.Operator);
        Add("POLICY_OFFICER", Role.PolicyOfficer);
        Add("ADMINISTRATOR", Role.Administrator);
    }
}

public sealed class HeldRoleGraphType : ObjectGraphType<HeldRole>
{
    public HeldRoleGraphType()
    {
        Name = "HeldRole";
        Field<NonNullGraphType<RoleGraphType>>("role").Resolve(c => c.Source.Role);
        Field<StringGraphType>("region").Resolve(c => c.Source.RegionCode);
        Field<StringGraphType>("bin").Resolve(c => c.Source.Bin);
    }
}

public sealed class ViewerGraphType : ObjectGraphType<Viewer>
{
    public ViewerGraphType()
    {
        Name = "Viewer";
        Field<NonNullGraphType<StringGraphType>>("iin").Resolve(c => c.Source.Iin);
        Field<NonNullGraphType<StringGraphType>>("fullName").Resolve(c => c.Source.FullName);
        Field<StringGraphType>("bin").Description("The organisation's BIN for a legal entity's certificate.").Resolve(c => c.Source.Bin);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<HeldRoleGraphType>>>>("roles").Resolve(c => c.Source.Roles);
        Field<StringGraphType>("email").Description("The e-mail the person gave (updateContactPreferences).")
            .Resolve().WithService<ContactPreferencesLoader>().ResolveAsync((c, preferences) => preferences.LoadAsync(c, c.Source.Iin, p => p?.Email));
        Field<NonNullGraphType<Places.LanguageGraphType>>("messageLanguage").Description("The language of the person's messages (Russian until chosen).")
            .Resolve().WithService<ContactPreferencesLoader>()
            .ResolveAsync((c, preferences) => preferences.LoadAsync(c, c.Source.Iin, p => p?.Language ?? Language.Ru));
        Field<NonNullGraphType<BooleanGraphType>>("needsEmail")
            .Description("True until the person gives an e-mail: the portal asks for it at the first sign-in (seed 001).")
            .Resolve().WithService<ContactPreferencesLoader>().ResolveAsync((c, preferences) => preferences.LoadAsync(c, c.Source.Iin, p => p is null));
    }
}

public sealed class NonceGraphType : ObjectGraphType<Nonce>
{
    public NonceGraphType()
    {
        Name = "Nonce";
        Description = "A one-time value to sign: in <login> when anonymous, in <action> when signed in.";
        Field<NonNullGraphType<StringGraphType>>("value").Resolve(c => c.Source.Value);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("expiresAt").Resolve(c => KazakhstanTime.ToLocal(c.Source.ExpiresAt));
    }
}

public sealed class SignInPayloadGraphType : ObjectGraphType<SignedIn>
{
    public SignInPayloadGraphType()
    {
        Name = "SignInPayload";
        Field<NonNullGraphType<StringGraphType>>("token").Description("Send as `Authorization: Bearer <token>`.").Resolve(c => c.Source.Token);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("expiresAt").Resolve(c => KazakhstanTime.ToLocal(c.Source.ExpiresAt));
        Field<NonNullGraphType<ViewerGraphType>>("viewer").Resolve(c => c.Source.Viewer);
    }
}

public sealed class RoleGrantGraphType : ObjectGraphType<RoleGrant>
{
    public RoleGrantGraphType()
    {
        Name = "RoleGrant";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("iin").Resolve(c => c.Source.Iin);
        Field<NonNullGraphType<RoleGraphType>>("role").Resolve(c => c.Source.Role);
        Field<StringGraphType>("region").Resolve(c => c.Source.RegionCode);
        Field<StringGraphType>("bin").Resolve(c => c.Source.Bin);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("grantedAt").Resolve(c => KazakhstanTime.ToLocal(c.Source.GrantedAt));
        Field<DateTimeOffsetGraphType>("revokedAt").Resolve(c => c.Source.RevokedAt is { } at ? KazakhstanTime.ToLocal(at) : null);
    }
}

public sealed class CivilRegistryImportGraphType : ObjectGraphType<CivilRegistryImported>
{
    public CivilRegistryImportGraphType()
    {
        Name = "CivilRegistryImportPayload";
        Field<NonNullGraphType<IntGraphType>>("added").Resolve(c => c.Source.Added);
        Field<NonNullGraphType<IntGraphType>>("updated").Resolve(c => c.Source.Updated);
        Field<NonNullGraphType<IntGraphType>>("removed").Description("Relations the file no longer lists for its children.")
            .Resolve(c => c.Source.Removed);
        Field<NonNullGraphType<IntGraphType>>("detached").Description("Attached parents removed from applications because of them.")
            .Resolve(c => c.Source.Detached);
    }
}

internal static class IdentityFields
{
    public static void AddQueries(ObjectGraphType query)
    {
        query.Field<ViewerGraphType>("me").Description("The signed-in person; null when anonymous.")
            .Access(AccessRequirement.Public)
            .Resolve(c => c.Viewer());

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<RoleGrantGraphType>>>>("roleGrants")
            .Description("Administrators: who holds what, newest first (at most 500), by person, role and region; revoked ones when asked.")
            .Argument<StringGraphType>("iin")
            .Argument<RoleGraphType>("role")
            .Argument<StringGraphType>("region")
            .Argument<BooleanGraphType>("includeRevoked")
            .Access(AccessRequirement.Roles(Role.Administrator))
            .Resolve().WithService<ListRoleGrantsHandler>()
            .ResolveAsync(async (c, handler) => (await handler.HandleAsync(new ListRoleGrants(c.RequireViewer(), c.GetArgument<string?>("iin"),
                c.GetArgument<Role?>("role"), c.GetArgument<string?>("region"), c.GetArgument<bool?>("includeRevoked") ?? false),
                c.CancellationToken)).OrThrow(c));
    }

    public static void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<NonceGraphType>>("requestNonce")
            .Access(AccessRequirement.Public)
            .RateLimited(RatePolicy.Nonce)
            .Resolve().WithService<Nonces>()
            .ResolveAsync(async (c, nonces) => await nonces.IssueAsync(c.Viewer(), c.CancellationToken));

        mutation.Field<NonNullGraphType<SignInPayloadGraphType>>("signIn")
            .Description("Login: <login xmlns=\"urn:kezek:action:1\"><nonce>…</nonce></login> signed with the AUTH key.")
            .Argument<NonNullGraphType<StringGraphType>>("signedXml")
            .Access(AccessRequirement.Public)
            .RateLimited(RatePolicy.SignIn)
            .Resolve().WithService<SignIn>()
            .ResolveAsync(async (c, signIn) => (await signIn.HandleAsync(c.GetArgument<string>("signedXml"), c.CancellationToken)).OrThrow(c));

        mutation.Field<NonNullGraphType<BooleanGraphType>>("signOut")
            .Description("Ends this bearer token's session.")
            .Access(AccessRequirement.SignedInPerson)
            .Resolve().WithService<SignIn>()
            .ResolveAsync(async (c, signIn) => await signIn.SignOutAsync(c.Kezek().BearerToken!, c.CancellationToken));

        mutation.Field<NonNullGraphType<IntGraphType>>("signOutEverywhere")
            .Description("Ends every session of the signed-in person, this one too, on every device; answers how many ended.")
            .Access(AccessRequirement.SignedInPerson)
            .Resolve().WithService<EndSessions>()
            .ResolveAsync(async (c, sessions) => await sessions.OfViewerAsync(c.RequireViewer(), c.CancellationToken));

        mutation.Field<NonNullGraphType<IntGraphType>>("endSessions")
            .Description("Administrators: end every session of a person at once (a key reported lost or stolen), with a reason; audited.")
            .Argument<NonNullGraphType<StringGraphType>>("iin")
            .Argument<NonNullGraphType<StringGraphType>>("reason")
            .Access(AccessRequirement.Roles(Role.Administrator))
            .Resolve().WithService<EndSessions>()
            .ResolveAsync(async (c, sessions) => (await sessions.OfPersonAsync(c.GetArgument<string>("iin"), c.GetArgument<string>("reason"),
                c.RequireViewer(), c.CancellationToken)).OrThrow(c));

        mutation.Field<NonNullGraphType<RoleGrantGraphType>>("grantRole")
            .Description("Administrators: give a person a role — KINDERGARTEN_STAFF with a BIN, OPERATOR or POLICY_OFFICER with a region.")
            .Argument<NonNullGraphType<StringGraphType>>("iin")
            .Argument<NonNullGraphType<RoleGraphType>>("role")
            .Argument<StringGraphType>("region")
            .Argument<StringGraphType>("bin")
            .Access(AccessRequirement.Roles(Role.Administrator))
            .Resolve().WithService<RoleGrants>()
            .ResolveAsync(async (c, grants) => (await grants.GrantAsync(new GrantRole(c.GetArgument<string>("iin"), c.GetArgument<Role>("role"),
                c.GetArgument<string?>("region"), c.GetArgument<string?>("bin"), c.RequireViewer()), c.CancellationToken)).OrThrow(c));

        mutation.Field<NonNullGraphType<RoleGrantGraphType>>("revokeRole")
            .Argument<NonNullGraphType<IdGraphType>>("grantId")
            .Access(AccessRequirement.Roles(Role.Administrator))
            .Resolve().WithService<RoleGrants>()
            .ResolveAsync(async (c, grants) => (await grants.RevokeAsync(new RevokeRole(c.GuidArgument("grantId"), c.RequireViewer()),
                c.CancellationToken)).OrThrow(c));

        mutation.Field<NonNullGraphType<CivilRegistryImportGraphType>>("importCivilRegistry")
            .Description("Administrators: CSV with header childIin,childFullName,childBirthDate,parentIin,parentFullName,relation. All or nothing. "
                + "With preview: true, says what it would change (or the bad line) and changes nothing.")
            .Argument<NonNullGraphType<StringGraphType>>("csv")
            .Argument<BooleanGraphType>("preview")
            .Access(AccessRequirement.Roles(Role.Administrator))
            .Resolve().WithService<ImportCivilRegistryHandler>()
            .ResolveAsync(async (c, handler) => (await handler.HandleAsync(new ImportCivilRegistry(c.GetArgument<string>("csv"), c.RequireViewer(),
                c.GetArgument<bool?>("preview") ?? false), c.CancellationToken)).OrThrow(c));
    }
}
