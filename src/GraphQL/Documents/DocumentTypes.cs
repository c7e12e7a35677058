using GraphQL.MicrosoftDI;
using GraphQL.Types;
using GraphQL;
using Kezek.Core.Documents;
using Kezek.Core.Regions;
using Kezek.Core.Words;
using Kezek.GraphQL.Access;
using Kezek.GraphQL.Regions;
using Kezek.Workflows.Documents;

namespace Kezek.GraphQL.Documents;

public sealed class DocumentKindGraphType : EnumerationGraphType<DocumentKind>
{
    public DocumentKindGraphType() => Name = "DocumentKind";
}

/// <summary>A row of the seeds' "Общие документы" table.</summary>
public sealed class IssuedDocumentGraphType : ObjectGraphType<IssuedDocument>
{
    public IssuedDocumentGraphType()
    {
        Name = "Document";
        Description = "A document issued to the applicant; what it certifies is frozen at issue.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Download at GET /documents/{id} (bearer token; ?lang=kk for Kazakh).").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<DocumentKindGraphType>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<StringGraphType>>("title").Description("In the reader's language.")
            .Resolve(c => c.Kezek().Words.DocumentTitle(c.Source.Kind, c.Kezek().Language));
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("issuedAt").InApplicationRegion(d => d.ApplicationId, d => d.IssuedAt);
        Field<NonNullGraphType<StringGraphType>>("verificationCode").Description("Anyone may check the document by this code.")
            .Resolve(c => c.Source.VerificationCode);
    }
}

/// <summary>The public answer to a verification code: what was issued and when, and the hashes to compare a copy with — nothing personal.</summary>
public sealed class DocumentVerificationGraphType : ObjectGraphType<IssuedDocument>
{
    public DocumentVerificationGraphType()
    {
        Name = "DocumentVerification";
        Field<NonNullGraphType<DocumentKindGraphType>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<StringGraphType>>("title").Resolve(c => c.Kezek().Words.DocumentTitle(c.Source.Kind, c.Kezek().Language));
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("issuedAt").InApplicationRegion(d => d.ApplicationId, d => d.IssuedAt);
        Field<StringGraphType>("sha256Ru").Description("SHA-256 of the Russian HTML rendering (GET /documents/{id}?format=html).").Resolve(c => c.Source.Sha256Ru);
        Field<StringGraphType>("sha256Kk").Description("SHA-256 of the Kazakh HTML rendering.").Resolve(c => c.Source.Sha256Kk);
        Field<StringGraphType>("pdfSha256Ru").Description("SHA-256 of the Russian PDF (null until it is made).")
            .Resolve(c => c.Source.PdfRu is { } pdf ? IssuedDocument.Hash(pdf) : null);
        Field<StringGraphType>("pdfSha256Kk").Description("SHA-256 of the Kazakh PDF (null until it is made).")
            .Resolve(c => c.Source.PdfKk is { } pdf ? IssuedDocument.Hash(pdf) : null);
    }
}

internal static class DocumentFields
{
    public static void AddQueries(ObjectGraphType query) =>
        query.Field<DocumentVerificationGraphType>("verifyDocument")
            .Description("Public: was a document with this verification code issued, of what kind and when. Null when not.")
            .Argument<NonNullGraphType<StringGraphType>>("code")
            .Access(AccessRequirement.Public)
            .OncePerRequest()
            .RateLimited(RatePolicy.PublicLookup)
            .Resolve().WithService<DocumentAccess>()
            .ResolveAsync(async (c, documents) => await documents.VerifyAsync(c.GetArgument<string>("code"), c.CancellationToken));
}
