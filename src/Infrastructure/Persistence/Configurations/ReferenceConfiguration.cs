using Kezek.Core.Audit;
using Kezek.Core.CivilRegistry;
using Kezek.Core.Identity;
using Kezek.Core.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kezek.Infrastructure.Persistence.Configurations;

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> builder)
    {
        builder.ToTable("Regions");
        builder.HasKey(r => r.Code);
        builder.Property(r => r.Code).HasMaxLength(32);
        builder.Property(r => r.NameRu).HasMaxLength(200);
        builder.Property(r => r.NameKk).HasMaxLength(200);
        builder.Property(r => r.NameEn).HasMaxLength(200);
        builder.Property(r => r.SupportPhone).HasMaxLength(32);
        builder.Property(r => r.SupportEmail).HasMaxLength(254);
        builder.Property(r => r.SupportHoursRu).HasMaxLength(200);
        builder.Property(r => r.SupportHoursKk).HasMaxLength(200);
        builder.Ignore(r => r.Support);
        // The regions whose rule sets ship with Kezek; other settlements are added by administrators (createRegion,
        // importRegions). Almaty's families call the city's call-centre, 1308.
        var almaty = new Region("almaty", "г. Алматы", "Алматы қ.", "Almaty");
        almaty.Describe(new RegionDescription("г. Алматы", "Алматы қ.", "Almaty", new SupportContacts("1308", null, null, null)));
        builder.HasData(
            almaty,
            new Region("astana", "г. Астана", "Астана қ.", "Astana"),
            new Region("aktobe", "г. Актобе", "Ақтөбе қ.", "Aktobe"));
    }
}

internal sealed class KindergartenConfiguration : IEntityTypeConfiguration<Kindergarten>
{
    public void Configure(EntityTypeBuilder<Kindergarten> builder)
    {
        builder.ToTable("Kindergartens");
        builder.Property(k => k.RegionCode).HasMaxLength(32);
        builder.Property(k => k.Bin).HasMaxLength(12);
        builder.Property(k => k.NameRu).HasMaxLength(300);
        builder.Property(k => k.NameKk).HasMaxLength(300);
        // The Russian address keeps the column it had before Kazakh addresses were kept.
        builder.Property(k => k.AddressRu).HasColumnName("Address").HasMaxLength(300);
        builder.Property(k => k.AddressKk).HasMaxLength(300);
        builder.Property(k => k.Languages).HasMaxLength(16);
        builder.Ignore(k => k.Location);
        builder.Ignore(k => k.LanguageList);
        builder.HasIndex(k => k.Bin).IsUnique();
        builder.HasIndex(k => k.RegionCode);
        builder.HasOne<Region>().WithMany().HasForeignKey(k => k.RegionCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class KindergartenGroupConfiguration : IEntityTypeConfiguration<KindergartenGroup>
{
    public void Configure(EntityTypeBuilder<KindergartenGroup> builder)
    {
        builder.ToTable("KindergartenGroups");
        builder.HasKey(g => new { g.KindergartenId, g.GroupYear, g.Language });
        builder.Property(g => g.Language).HasMaxLength(2);
        builder.HasOne<Kindergarten>().WithMany().HasForeignKey(g => g.KindergartenId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CivilRegistryRecordConfiguration : IEntityTypeConfiguration<CivilRegistryRecord>
{
    public void Configure(EntityTypeBuilder<CivilRegistryRecord> builder)
    {
        builder.ToTable("CivilRegistryRecords");
        builder.Property(r => r.ChildIin).HasMaxLength(12);
        builder.Property(r => r.ParentIin).HasMaxLength(12);
        builder.Property(r => r.ChildFullName).HasMaxLength(200);
        builder.Property(r => r.ParentFullName).HasMaxLength(200);
        builder.HasIndex(r => new { r.ChildIin, r.ParentIin }).IsUnique();
    }
}

internal sealed class NonceConfiguration : IEntityTypeConfiguration<Nonce>
{
    public void Configure(EntityTypeBuilder<Nonce> builder)
    {
        builder.ToTable("Nonces");
        builder.HasKey(n => n.Value);
        builder.Property(n => n.Value).HasMaxLength(64);
        builder.Property(n => n.IssuedToIin).HasMaxLength(12);
        builder.HasIndex(n => n.ExpiresAt);
    }
}

internal sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> builder)
    {
        builder.ToTable("Sessions");
        builder.HasKey(s => s.TokenHash);
        builder.Property(s => s.TokenHash).HasMaxLength(64);
        builder.Property(s => s.Iin).HasMaxLength(12);
        builder.Property(s => s.FullName).HasMaxLength(200);
        builder.Property(s => s.Bin).HasMaxLength(12);
        builder.HasIndex(s => s.ExpiresAt);
    }
}

internal sealed class RoleGrantConfiguration : IEntityTypeConfiguration<RoleGrant>
{
    public void Configure(EntityTypeBuilder<RoleGrant> builder)
    {
        builder.ToTable("RoleGrants");
        builder.Property(g => g.Iin).HasMaxLength(12);
        builder.Property(g => g.RegionCode).HasMaxLength(32);
        builder.Property(g => g.Bin).HasMaxLength(12);
        builder.Property(g => g.GrantedByIin).HasMaxLength(12);
        builder.Property(g => g.RevokedByIin).HasMaxLength(12);
        builder.Ignore(g => g.IsActive);
        builder.HasIndex(g => g.Iin);
    }
}

internal sealed class RuleSetVersionConfiguration : IEntityTypeConfiguration<RuleSetVersion>
{
    public void Configure(EntityTypeBuilder<RuleSetVersion> builder)
    {
        builder.ToTable("RuleSetVersions");
        // The key settles two activations racing for the same next version: one wins, one is told to retry.
        builder.HasKey(v => new { v.RegionCode, v.Version });
        builder.Property(v => v.RegionCode).HasMaxLength(32);
        builder.Property(v => v.ActivatedByIin).HasMaxLength(12);
        builder.Property(v => v.Reason).HasMaxLength(2000);
    }
}

internal sealed class HistoryAnchorConfiguration : IEntityTypeConfiguration<HistoryAnchor>
{
    public void Configure(EntityTypeBuilder<HistoryAnchor> builder)
    {
        builder.ToTable("HistoryAnchors");
        builder.Property(a => a.RegionCode).HasMaxLength(32);
        builder.Property(a => a.Hash).HasMaxLength(64);
        // One anchor per region and day: the instances that race to write it agree, and the second is refused.
        builder.HasIndex(a => new { a.RegionCode, a.Day }).IsUnique();
    }
}

internal sealed class StaffActionConfiguration : IEntityTypeConfiguration<StaffAction>
{
    public void Configure(EntityTypeBuilder<StaffAction> builder)
    {
        builder.ToTable("StaffActions");
        builder.Property(a => a.ActorIin).HasMaxLength(12);
        builder.Property(a => a.Action).HasMaxLength(64);
        builder.Property(a => a.Details).HasMaxLength(2000);
    }
}
