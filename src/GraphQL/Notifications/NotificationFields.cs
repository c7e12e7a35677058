using GraphQL.MicrosoftDI;
using GraphQL.Types;
using GraphQL;
using Kezek.GraphQL.Access;
using Kezek.GraphQL.Regions;
using Kezek.Workflows.Notifications;

namespace Kezek.GraphQL.Notifications;

public sealed class CabinetNotificationGraphType : ObjectGraphType<CabinetNotification>
{
    public CabinetNotificationGraphType()
    {
        Name = "Notification";
        Description = "A message in the cabinet (the same events as the e-mail and SMS).";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Row.Id);
        Field<NonNullGraphType<StringGraphType>>("event").Description("E.g. turn-came, direction-issued.").Resolve(c => c.Source.Row.Template);
        Field<NonNullGraphType<StringGraphType>>("applicationNumber").Resolve(c => c.Source.ApplicationNumber);
        Field<NonNullGraphType<StringGraphType>>("subject").Resolve(c => c.Source.Text.Subject);
        Field<NonNullGraphType<StringGraphType>>("text").Resolve(c => c.Source.Text.Sms);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("createdAt").InApplicationRegion(n => n.Row.ApplicationId, n => n.Row.CreatedAt);
        Field<DateTimeOffsetGraphType>("readAt").InApplicationRegion(n => n.Row.ApplicationId, n => n.Row.ReadAt);
    }
}

internal static class NotificationFields
{
    public static void AddQueries(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<CabinetNotificationGraphType>>>>("notifications")
            .Description("The signed-in person's cabinet messages, newest first (at most 100).")
            .Argument<BooleanGraphType>("unreadOnly")
            .Access(AccessRequirement.SignedInPerson)
            .Resolve().WithService<ListCabinetNotificationsHandler>()
            .ResolveAsync(async (c, handler) => await handler.HandleAsync(
                new ListCabinetNotifications(c.RequireViewer(), c.GetArgument<bool?>("unreadOnly") == true), c.CancellationToken));

    public static void AddMutations(ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<IntGraphType>>("markNotificationsRead")
            .Description("Marks the signed-in person's cabinet messages read; returns how many changed.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("ids")
            .Access(AccessRequirement.SignedInPerson)
            .Resolve().WithService<MarkNotificationsReadHandler>()
            .ResolveAsync(async (c, handler) => await handler.HandleAsync(
                new MarkNotificationsRead(c.RequireViewer(), c.GetArgument<List<string>>("ids")), c.CancellationToken));
}
