using Kezek.Core.Applications;
using Kezek.Core.Notifications;
using Kezek.Core.Words;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Infrastructure.Persistence.Configurations;

internal sealed class ApplicationConfiguration : IEntityTypeConfiguration<Application>
{
    public void Configure(EntityTypeBuilder<Application> builder)
    {
        builder.ToTable("Applications");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Number).HasMaxLength(32);
        builder.HasIndex(a => a.Number).IsUnique();
        builder.Property(a => a.RegionCode).HasMaxLength(32);
        builder.Property(a => a.ActiveChildIin).HasMaxLength(12);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Property(a => a.State).HasMaxLength(64).HasDefaultValue(Application.InitialState);
        builder.Property(a => a.WaitingForLanguage).HasConversion(LanguageConversion.Code);
        builder.Property(a => a.BenefitDocumentType).HasMaxLength(BenefitClaim.MaxDocumentTypeLength);
        builder.Property(a => a.BenefitDocumentNumber).HasMaxLength(BenefitClaim.MaxDocumentNumberLength);
        builder.Property(a => a.BenefitEvidence).HasMaxLength(1000);
        builder.Property(a => a.HistoryHead).HasMaxLength(64);
        // The turn counts the applications whose turn has come, per queue.
        builder.HasIndex(a => new { a.RegionCode, a.GroupYear, a.Status });

        builder.OwnsOne(a => a.Child, child =>
        {
            child.Property(c => c.Iin).HasColumnName("ChildIin").HasMaxLength(12);
            child.Property(c => c.FullName).HasColumnName("ChildFullName").HasMaxLength(200);
            child.Property(c => c.NameKey).HasColumnName("ChildNameKey").HasMaxLength(200);
            child.Property(c => c.BirthDate).HasColumnName("ChildBirthDate");
            child.HasIndex(c => c.Iin);
            // The public search by full name and birth date.
            child.HasIndex(c => new { c.NameKey, c.BirthDate });
        });
        builder.Navigation(a => a.Child).IsRequired();

        builder.OwnsOne(a => a.Applicant, applicant =>
        {
            applicant.Property(p => p.Iin).HasColumnName("ApplicantIin").HasMaxLength(12);
            applicant.Property(p => p.FullName).HasColumnName("ApplicantFullName").HasMaxLength(200);
            applicant.Property(p => p.NameKey).HasColumnName("ApplicantNameKey").HasMaxLength(200);
            applicant.Property(p => p.BirthDate).HasColumnName("ApplicantBirthDate");
            applicant.Property(p => p.Phone).HasColumnName("ApplicantPhone").HasMaxLength(16);
            applicant.Property(p => p.Email).HasColumnName("ApplicantEmail").HasMaxLength(254);
            applicant.Property(p => p.Address).HasColumnName("ApplicantAddress").HasMaxLength(Applicant.MaxAddressLength);
            applicant.Property(p => p.AdditionalPhone).HasColumnName("ApplicantAdditionalPhone").HasMaxLength(16);
            applicant.Property(p => p.AdditionalEmail).HasColumnName("ApplicantAdditionalEmail").HasMaxLength(254);
            applicant.HasIndex(p => p.Iin);
        });
        builder.Navigation(a => a.Applicant).IsRequired();

        // One live application per child per region; a race between two registrations ends here.
        builder.HasIndex(a => new { a.RegionCode, a.ActiveChildIin }).IsUnique();
        // Attaching a parent finds the child's live application in whatever region it is.
        builder.HasIndex(a => a.ActiveChildIin);
        // A kindergarten's waiting list is read after every transition that frees one of its seats.
        builder.HasIndex(a => new { a.WaitingForKindergartenId, a.WaitingSince });
        // Queue numbers are a range count over this index.
        builder.HasIndex(a => new { a.RegionCode, a.GroupYear, a.InQueue, a.QueueRank, a.QueuedAt, a.Id });

        builder.HasMany(a => a.History).WithOne().HasForeignKey(h => h.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(a => a.History).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(a => a.Parents).WithOne().HasForeignKey(p => p.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Parents).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(a => a.Directions).WithOne().HasForeignKey(d => d.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(a => a.Directions).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(a => a.RankedKindergartens).WithOne().HasForeignKey(r => r.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.RankedKindergartens).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(a => a.TransferChoices).WithOne().HasForeignKey(r => r.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.TransferChoices).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class TransferChoiceConfiguration : IEntityTypeConfiguration<TransferChoice>
{
    public void Configure(EntityTypeBuilder<TransferChoice> builder)
    {
        builder.ToTable("TransferChoices");
        builder.HasIndex(r => new { r.ApplicationId, r.Rank }).IsUnique();
        // A transfer run reads who asked for each kindergarten.
        builder.HasIndex(r => r.KindergartenId);
        builder.HasOne<Kezek.Core.Regions.Kindergarten>().WithMany().HasForeignKey(r => r.KindergartenId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RankedKindergartenConfiguration : IEntityTypeConfiguration<RankedKindergarten>
{
    public void Configure(EntityTypeBuilder<RankedKindergarten> builder)
    {
        builder.ToTable("RankedKindergartens");
        builder.HasIndex(r => new { r.ApplicationId, r.Rank }).IsUnique();
        // An allocation run reads who ranked each kindergarten.
        builder.HasIndex(r => r.KindergartenId);
        builder.HasOne<Kezek.Core.Regions.Kindergarten>().WithMany().HasForeignKey(r => r.KindergartenId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ApplicationParentConfiguration : IEntityTypeConfiguration<ApplicationParent>
{
    public void Configure(EntityTypeBuilder<ApplicationParent> builder)
    {
        builder.ToTable("ApplicationParents");
        builder.Property(p => p.Iin).HasMaxLength(12);
        builder.Property(p => p.FullName).HasMaxLength(200);
        builder.HasIndex(p => p.Iin);
        builder.HasIndex(p => new { p.ApplicationId, p.Iin }).IsUnique();
    }
}

internal sealed class HistoryEntryConfiguration : IEntityTypeConfiguration<HistoryEntry>
{
    public void Configure(EntityTypeBuilder<HistoryEntry> builder)
    {
        builder.ToTable("HistoryEntries");
        builder.Property(h => h.ActorIin).HasMaxLength(12);
        builder.Property(h => h.ActorName).HasMaxLength(200);
        builder.Property(h => h.Action).HasMaxLength(64);
        builder.Property(h => h.Reason).HasMaxLength(2000);
        builder.Property(h => h.Evidence).HasMaxLength(1000);
        // An OCSP answer is a few kilobytes (base64); a CRL's evidence one line.
        builder.Property(h => h.RevocationEvidence).HasMaxLength(32_000);
        builder.Property(h => h.OtherRegionCode).HasMaxLength(32);
        builder.Property(h => h.OtherApplicationNumber).HasMaxLength(32);
        builder.Property(h => h.Hash).HasMaxLength(64);
        builder.Property(h => h.PreviousHash).HasMaxLength(64);
        builder.HasIndex(h => h.ApplicationId);
    }
}

internal sealed class DirectionConfiguration : IEntityTypeConfiguration<Direction>
{
    public void Configure(EntityTypeBuilder<Direction> builder)
    {
        builder.ToTable("Directions");
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.HasIndex(d => d.ApplicationId);
        builder.HasIndex(d => d.KindergartenId);
        builder.HasIndex(d => d.PlaceId);
        // The reminder sweep: issued directions expiring soon.
        builder.HasIndex(d => new { d.Status, d.ExpiresAt });
    }
}

internal sealed class NumberSequenceConfiguration : IEntityTypeConfiguration<NumberSequence>
{
    public void Configure(EntityTypeBuilder<NumberSequence> builder)
    {
        builder.ToTable("NumberSequences");
        builder.HasKey(s => new { s.RegionCode, s.Year });
        builder.Property(s => s.RegionCode).HasMaxLength(32);
    }
}

internal sealed class PlaceConfiguration : IEntityTypeConfiguration<Kezek.Core.Places.Place>
{
    public void Configure(EntityTypeBuilder<Kezek.Core.Places.Place> builder)
    {
        builder.ToTable("Places");
        builder.Property(p => p.RegionCode).HasMaxLength(32);
        builder.Property(p => p.Language).HasMaxLength(8).HasConversion(LanguageConversion.Code);
        // Free seats of a queue (turns, free places) and of a kindergarten's pool (choosing).
        // Free seats of a queue by mode, oldest first (the turn's seat that moves to free choice when a turn is missed).
        builder.HasIndex(p => new { p.RegionCode, p.GroupYear, p.TakenByApplicationId, p.Mode, p.PublishedAt });
        builder.HasIndex(p => new { p.KindergartenId, p.GroupYear, p.Language, p.TakenByApplicationId });
    }
}

internal sealed class WorkflowTimerConfiguration : IEntityTypeConfiguration<Kezek.Core.Lifecycle.WorkflowTimer>
{
    public void Configure(EntityTypeBuilder<Kezek.Core.Lifecycle.WorkflowTimer> builder)
    {
        builder.ToTable("WorkflowTimers");
        builder.Property(t => t.State).HasMaxLength(64);
        builder.Property(t => t.Trigger).HasMaxLength(64);
        builder.Property(t => t.Outcome).HasMaxLength(500);
        // The sweep reads due pending timers in due order.
        builder.HasIndex(t => new { t.Status, t.DueAt });
        builder.HasIndex(t => t.ApplicationId);
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Kezek.Core.Lifecycle.Notification>
{
    public void Configure(EntityTypeBuilder<Kezek.Core.Lifecycle.Notification> builder)
    {
        builder.ToTable("Notifications");
        builder.Property(n => n.RecipientIin).HasMaxLength(12);
        builder.Property(n => n.Template).HasMaxLength(64);
        builder.Property(n => n.Channel).HasMaxLength(16).HasConversion(c => c.Code, code => Channel.Parse(code));
        builder.Property(n => n.Data).HasMaxLength(4000);
        builder.Property(n => n.Language).HasMaxLength(2).HasConversion(LanguageConversion.Code);
        builder.Property(n => n.LastError).HasMaxLength(500);
        // The dispatcher reads pending rows in order.
        builder.HasIndex(n => new { n.Status, n.Id });
        builder.HasIndex(n => n.ApplicationId);
        builder.HasIndex(n => n.RecipientIin);
    }
}

internal sealed class WorkflowVersionConfiguration : IEntityTypeConfiguration<Kezek.Core.Lifecycle.WorkflowVersion>
{
    public void Configure(EntityTypeBuilder<Kezek.Core.Lifecycle.WorkflowVersion> builder)
    {
        builder.ToTable("WorkflowVersions");
        builder.HasKey(v => new { v.Name, v.Version });
        builder.Property(v => v.Name).HasMaxLength(32);
        builder.Property(v => v.ActivatedByIin).HasMaxLength(12);
        builder.Property(v => v.Reason).HasMaxLength(2000);
    }
}

internal sealed class IssuedDocumentConfiguration : IEntityTypeConfiguration<Kezek.Core.Documents.IssuedDocument>
{
    public void Configure(EntityTypeBuilder<Kezek.Core.Documents.IssuedDocument> builder)
    {
        builder.ToTable("Documents");
        builder.Property(d => d.VerificationCode).HasMaxLength(12);
        builder.HasIndex(d => d.VerificationCode).IsUnique();
        builder.HasIndex(d => d.ApplicationId);
        builder.Property(d => d.FactsSha256).HasMaxLength(64);
        // The documents still to render, oldest first: a small index of only those (the same filter on every provider).
        builder.HasIndex(d => d.IssuedAt, "IX_Documents_ToRender").HasFilter("\"RenderedAt\" IS NULL");
    }
}

internal sealed class ContactPreferencesConfiguration : IEntityTypeConfiguration<Kezek.Core.People.ContactPreferences>
{
    public void Configure(EntityTypeBuilder<Kezek.Core.People.ContactPreferences> builder)
    {
        builder.ToTable("ContactPreferences");
        builder.HasKey(p => p.Iin);
        builder.Property(p => p.Iin).HasMaxLength(12);
        builder.Property(p => p.Email).HasMaxLength(254);
        builder.Property(p => p.Language).HasMaxLength(2).HasConversion(LanguageConversion.Code);
    }
}
