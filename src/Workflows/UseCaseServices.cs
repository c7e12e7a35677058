using Kezek.Workflows.Access;
using Kezek.Workflows.Actions;
using Kezek.Workflows.Attach;
using Kezek.Workflows.Audit;
using Kezek.Workflows.Benefits;
using Kezek.Workflows.Corrections;
using Kezek.Workflows.Choose;
using Kezek.Workflows.CivilRegistry;
using Kezek.Workflows.Contacts;
using Kezek.Workflows.Documents;
using Kezek.Workflows.Enroll;
using Kezek.Workflows.Extend;
using Kezek.Workflows.Intake;
using Kezek.Workflows.Journal;
using Kezek.Workflows.Lifecycle;
using Kezek.Workflows.Notifications;
using Kezek.Workflows.Places;
using Kezek.Workflows.Profile;
using Kezek.Workflows.Queue;
using Kezek.Workflows.Regions;
using Kezek.Workflows.RegionMove;
using Kezek.Workflows.Register;
using Kezek.Workflows.Revoke;
using Kezek.Workflows.Roles;
using Kezek.Workflows.RuleSets;
using Kezek.Workflows.Voucher;
using Kezek.Workflows.Withdraw;
using Microsoft.Extensions.DependencyInjection;

namespace Kezek.Workflows;

public static class UseCaseServices
{
    /// <summary>The access policy and one handler per use case (one folder each), per request.</summary>
    public static IServiceCollection AddKezekUseCases(this IServiceCollection services)
    {
        services.AddScoped<AccessPolicy>();
        services.AddScoped<Portal.ReadPortalSettingsHandler>();
        services.AddScoped<FamilyActions>();

        services.AddScoped<RegisterApplicationHandler>();
        services.AddScoped<QueueEntries>();
        services.AddScoped<AttachApplicationHandler>();
        services.AddScoped<ChooseKindergartenHandler>();
        services.AddScoped<ExtendDirectionHandler>();
        services.AddScoped<RevokeDirectionHandler>();
        services.AddScoped<WithdrawApplicationHandler>();
        services.AddScoped<ConfirmVoucherHandler>();
        services.AddScoped<RefuseVoucherHandler>();
        services.AddScoped<RestoreApplicationHandler>();
        services.AddScoped<EnrollChildHandler>();
        services.AddScoped<BenefitChanges>();
        services.AddScoped<ConfirmBenefitHandler>();
        services.AddScoped<RejectBenefitHandler>();
        services.AddScoped<OperatorRestoreHandler>();
        services.AddScoped<VerifyHistoryHandler>();
        services.AddScoped<HistoryAnchors>();
        services.AddScoped<StaffReads>();
        services.AddScoped<ManageOutbox>();
        services.AddScoped<ListRoleGrantsHandler>();
        services.AddSingleton<ReadWorkflowPartsHandler>();
        services.AddScoped<CountApplicationsByStateHandler>();
        services.AddScoped<ConsentToRegionMoveHandler>();
        services.AddScoped<Kezek.Workflows.Rankings.RankKindergartensHandler>();
        services.AddScoped<Kezek.Workflows.Windows.ReleaseWindows>();
        services.AddScoped<Kezek.Workflows.Windows.AllocationReads>();
        services.AddSingleton<Kezek.Workflows.Transfers.TransferLifecycle>();
        services.AddScoped<Kezek.Workflows.Transfers.RequestTransferHandler>();
        services.AddScoped<Kezek.Workflows.Transfers.RunTransfersHandler>();
        services.AddScoped<Kezek.Workflows.Transfers.TransferReads>();
        services.AddScoped<Kezek.Workflows.Windows.WindowReads>();
        services.AddScoped<MoveToRegionHandler>();
        services.AddScoped<CorrectChildFromRegistryHandler>();
        services.AddScoped<KindergartenIntake>();
        services.AddScoped<RefuseEnrollmentHandler>();
        services.AddScoped<ListKindergartenDirectionsHandler>();
        services.AddScoped<PublishPlacesHandler>();
        services.AddScoped<FreePlaces>();
        services.AddScoped<UpdateContactPreferencesHandler>();
        services.AddScoped<UpdateApplicantContactsHandler>();
        services.AddScoped<ListCabinetNotificationsHandler>();
        services.AddScoped<MarkNotificationsReadHandler>();
        services.AddScoped<DocumentAccess>();
        services.AddScoped<DocumentRendering>();

        services.AddScoped<ApplicationJournal>();
        services.AddScoped<ExportJournalHandler>();
        services.AddScoped<ReadApplicationHandler>();
        services.AddScoped<PublicQueueSearch>();
        services.AddScoped<PastQueuePositions>();
        services.AddScoped<Forecast.QueueTurns>();
        services.AddScoped<Forecast.ForecastWaiting>();
        services.AddScoped<Statistics.ReadQueueActivityHandler>();
        services.AddScoped<ListRegionsHandler>();
        services.AddScoped<ListKindergartensHandler>();
        services.AddScoped<ReadRegionPolicyHandler>();
        services.AddScoped<KindergartenGroups>();
        services.AddTransient<ReferenceEditor>();
        services.AddScoped<EditRegionHandler>();
        services.AddScoped<EditKindergartenHandler>();
        services.AddScoped<ImportReferenceHandler>();
        services.AddScoped<ReadRegionWorkflowHandler>();

        services.AddScoped<RoleGrants>();
        services.AddScoped<ImportCivilRegistryHandler>();
        services.AddScoped<ReadRuleSetHandler>();
        services.AddScoped<ValidateRuleSetHandler>();
        services.AddScoped<DryRunRuleSetHandler>();
        services.AddScoped<ActivateRuleSetHandler>();
        services.AddScoped<ValidateWorkflowHandler>();
        services.AddScoped<ActivateWorkflowHandler>();
        services.AddScoped<Versions.ExportVersionsInForceHandler>();
        return services;
    }
}
