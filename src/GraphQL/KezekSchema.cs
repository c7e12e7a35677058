using GraphQL.Types;
using Kezek.GraphQL.Applications;
using Kezek.GraphQL.Identity;
using Kezek.GraphQL.Lifecycle;
using Kezek.GraphQL.Notifications;
using Kezek.GraphQL.Places;
using Kezek.GraphQL.Regions;
using Kezek.GraphQL.RuleSets;
using Kezek.GraphQL.Scalars;

namespace Kezek.GraphQL;

public sealed class KezekQuery : ObjectGraphType
{
    public KezekQuery()
    {
        Name = "Query";
        IdentityFields.AddQueries(this);
        RegionQueries.AddTo(this);
        ApplicationFields.AddQueries(this);
        PlaceFields.AddQueries(this);
        LifecycleFields.AddQueries(this);
        Intake.IntakeFields.AddQueries(this);
        NotificationFields.AddQueries(this);
        Documents.DocumentFields.AddQueries(this);
        RuleSetFields.AddQueries(this);
        Audit.AuditFields.AddQueries(this);
        StudioFields.AddQueries(this);
        OutboxFields.AddQueries(this);
        Portal.PortalFields.AddQueries(this);
        Forecast.ForecastFields.AddQueries(this);
        Allocation.AllocationRunFields.AddQueries(this);
    }
}

public sealed class KezekMutation : ObjectGraphType
{
    public KezekMutation()
    {
        Name = "Mutation";
        IdentityFields.AddMutations(this);
        ApplicationFields.AddMutations(this);
        PlaceFields.AddMutations(this);
        ReferenceFields.AddMutations(this);
        LifecycleFields.AddMutations(this);
        Benefits.BenefitFields.AddMutations(this);
        Corrections.CorrectionFields.AddMutations(this);
        Corrections.RegionMoveFields.AddMutations(this);
        Allocation.RankingFields.AddMutations(this);
        Allocation.TransferFields.AddMutations(this);
        Intake.IntakeFields.AddMutations(this);
        NotificationFields.AddMutations(this);
        OutboxFields.AddMutations(this);
        Profile.ProfileFields.AddMutations(this);
        RuleSetFields.AddMutations(this);
    }
}

/// <summary>The contract with city portals; printed to <c>schema.graphql</c>, which a test keeps equal.</summary>
public sealed class KezekSchema : Schema
{
    public KezekSchema(IServiceProvider services, KezekQuery query, KezekMutation mutation)
        : base(services)
    {
        Query = query;
        Mutation = mutation;
        RegisterTypeMapping(typeof(DateOnly), typeof(CalendarDateGraphType));
    }
}
