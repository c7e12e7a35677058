using GraphQL;
using GraphQL.Types;
using Kezek.Core.Lifecycle;
using Kezek.Core.Notifications;
using Kezek.GraphQL.Access;
using Kezek.Workflows.Notifications;
using Kezek.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kezek.GraphQL.Notifications;

/// <summary>A message in the family's cabinet, with its text rendered from the same template as the e-mail and SMS.</summary>
public sealed record CabinetNotification(Notification Row, string ApplicationNumber, RenderedNotification Text);

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
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("createdAt").Resolve(c => Kezek.Core.Regions.KazakhstanTime.ToLocal(c.Source.Row.CreatedAt));
        Field<DateTimeOffsetGraphType>("readAt").Resolve(c => c.Source.Row.ReadAt is { } read ? Kezek.Core.Regions.KazakhstanTime.ToLocal(read) : null);
    }
}

internal static class NotificationFields
{
    public const int MaxListed = 100;

    public static void AddQueries(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<CabinetNotificationGraphType>>>>("notifications")
            .Description("The signed-in person's cabinet messages, newest first (at most 100).")
            .Argument<BooleanGraphType>("unreadOnly")
            .Access(AccessRequirement.SignedInPerson)
            .ResolveAsync(async c =>
            {
                var viewer = c.RequireViewer();
                var db = c.RequestServices!.GetRequiredService<IKezekDb>();
                var rows = db.Notifications.AsNoTracking().Where(n => n.RecipientIin == viewer.Iin && n.Channel == "cabinet");
                if (c.GetArgument<bool?>("unreadOnly") == true)
                    rows = rows.Where(n => n.ReadAt == null);
                var list = await rows.OrderByDescending(n => n.Id).Take(MaxListed).ToListAsync(c.CancellationToken);
                var dispatcher = c.RequestServices!.GetRequiredService<OutboxDispatcher>();
                var renderer = c.RequestServices!.GetRequiredService<INotificationRenderer>();
                var result = new List<CabinetNotification>(list.Count);
                foreach (var row in list)
                {
                    var values = await dispatcher.ValuesAsync(row, c.CancellationToken);
                    RenderedNotification text;
                    try
                    {
                        text = renderer.Render(row.Template, row.Language, values);
                    }
                    catch (InvalidOperationException)
                    {
                        // One message that cannot be rendered does not hide the others: it shows by its event and number.
                        text = new RenderedNotification(row.Template, "", row.Template + " " + values["applicationNumber"]);
                    }

                    result.Add(new CabinetNotification(row, values["applicationNumber"] ?? "", text));
                }

                return result;
            });

    public static void AddMutations(ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<IntGraphType>>("markNotificationsRead")
            .Description("Marks the signed-in person's cabinet messages read; returns how many changed.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("ids")
            .Access(AccessRequirement.SignedInPerson)
            .ResolveAsync(async c =>
            {
                var viewer = c.RequireViewer();
                var ids = c.GetArgument<List<string>>("ids").Select(id => long.TryParse(id, out var value) ? value : -1).ToList();
                var now = c.RequestServices!.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
                return await c.RequestServices!.GetRequiredService<IKezekDb>().Notifications
                    .Where(n => ids.Contains(n.Id) && n.RecipientIin == viewer.Iin && n.Channel == "cabinet" && n.ReadAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), c.CancellationToken);
            });
}
