using GraphQL.Types;
using Kezek.Core.Applications;
using Kezek.GraphQL.Scalars;
using Kezek.Identity.Signatures;
using Kezek.Workflows.Journal;

namespace Kezek.GraphQL.Applications;

public sealed class RegisterApplicationInput
{
    public string Region { get; set; } = "";
    public string ChildIin { get; set; } = "";
    public BenefitCategory BenefitCategory { get; set; }
    public string Email { get; set; } = "";
    public string Phone { get; set; } = "";
    public string? BenefitDocumentType { get; set; }
    public string? BenefitDocumentNumber { get; set; }

    /// <summary>The fields as the signed action document must carry them (GraphQL names and spellings); the optional ones when given.</summary>
    public IEnumerable<ActionField> ActionFields(Func<object, string> enumName)
    {
        yield return new("region", Region);
        yield return new("childIin", ChildIin);
        yield return new("benefitCategory", enumName(BenefitCategory));
        yield return new("email", Email);
        yield return new("phone", Phone);
        if (BenefitDocumentType is not null)
            yield return new("benefitDocumentType", BenefitDocumentType);
        if (BenefitDocumentNumber is not null)
            yield return new("benefitDocumentNumber", BenefitDocumentNumber);
    }
}

public sealed class RegisterApplicationInputGraphType : InputObjectGraphType<RegisterApplicationInput>
{
    public RegisterApplicationInputGraphType()
    {
        Name = "RegisterApplicationInput";
        Field(x => x.Region, type: typeof(NonNullGraphType<StringGraphType>)).Description("Region code, as in regions.");
        Field(x => x.ChildIin, type: typeof(NonNullGraphType<StringGraphType>));
        Field(x => x.BenefitCategory, type: typeof(NonNullGraphType<BenefitCategoryGraphType>))
            .Description("The claimed benefit; it counts once an operator confirms it.");
        Field(x => x.Email, type: typeof(NonNullGraphType<StringGraphType>));
        Field(x => x.Phone, type: typeof(NonNullGraphType<StringGraphType>));
        Field(x => x.BenefitDocumentType, type: typeof(StringGraphType))
            .Description("The type of the document the claimed benefit rests on; required when benefitCategory is not NONE.");
        Field(x => x.BenefitDocumentNumber, type: typeof(StringGraphType))
            .Description("The number of that document; required when benefitCategory is not NONE.");
    }
}

public sealed class ApplicationFilterGraphType : InputObjectGraphType<JournalFilter>
{
    public ApplicationFilterGraphType()
    {
        Name = "ApplicationFilter";
        Description = "The journal's columns (seeds 000–004). queueNumber needs region and groupYear.";
        Field(x => x.Search, type: typeof(StringGraphType))
            .Description("Any of: part of the number, the first digits of the child's or applicant's IIN, part of the child's or applicant's name.");
        Field(x => x.Number, type: typeof(StringGraphType)).Description("The whole number or a part of it.");
        Field(x => x.ChildName, type: typeof(StringGraphType)).Description("Part of the child's full name, any case.");
        Field(x => x.ChildIin, type: typeof(StringGraphType)).Description("The whole IIN (checked) or its first digits.");
        Field(x => x.ApplicantIin, type: typeof(StringGraphType)).Description("The whole IIN or its first digits.");
        Field(x => x.QueueNumber, type: typeof(IntGraphType));
        Field(x => x.ApplicantName, type: typeof(StringGraphType)).Description("Part of the applicant's full name, any case.");
        Field(x => x.CreatedFrom, type: typeof(CalendarDateGraphType)).Description("Created on or after this date (Kazakhstan time).");
        Field(x => x.CreatedTo, type: typeof(CalendarDateGraphType)).Description("Created on or before this date (Kazakhstan time).");
        Field(x => x.Status, type: typeof(ApplicationStatusGraphType));
        Field(x => x.BenefitCategory, type: typeof(BenefitCategoryGraphType)).Description("The confirmed benefit.");
        Field(x => x.ClaimedBenefitCategory, type: typeof(BenefitCategoryGraphType)).Description("The benefit the applicant claimed.");
        Field(x => x.ChildBirthDate, type: typeof(CalendarDateGraphType));
        Field(x => x.Region, type: typeof(StringGraphType));
        Field(x => x.GroupYear, type: typeof(IntGraphType));
        Field(x => x.KindergartenId, type: typeof(IdGraphType)).Description("The kindergarten of the current (issued) direction.");
    }
}

public sealed class ApplicationSortFieldGraphType : EnumerationGraphType<JournalSortField>
{
    public ApplicationSortFieldGraphType() => Name = "ApplicationSortField";
}

public sealed class SortDirectionGraphType : EnumerationGraphType<SortDirection>
{
    public SortDirectionGraphType() => Name = "SortDirection";
}

public sealed class ApplicationOrderInput
{
    public JournalSortField Field { get; set; }
    public SortDirection Direction { get; set; } = SortDirection.Desc;

    public static JournalOrder Of(ApplicationOrderInput? input) => input is null ? new JournalOrder() : new JournalOrder(input.Field, input.Direction);
}

public sealed class ApplicationOrderGraphType : InputObjectGraphType<ApplicationOrderInput>
{
    public ApplicationOrderGraphType()
    {
        Name = "ApplicationOrder";
        Description = "The journal's order: any column, ascending or descending; ties in the application's order of registration.";
        Field(x => x.Field, type: typeof(NonNullGraphType<ApplicationSortFieldGraphType>));
        Field(x => x.Direction, type: typeof(SortDirectionGraphType)).DefaultValue(SortDirection.Desc);
    }
}
