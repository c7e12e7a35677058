using Kezek.Core.Allocation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kezek.Infrastructure.Persistence.Configurations;

internal sealed class ReleaseWindowConfiguration : IEntityTypeConfiguration<ReleaseWindow>
{
    public void Configure(EntityTypeBuilder<ReleaseWindow> builder)
    {
        builder.ToTable("ReleaseWindows");
        builder.Property(w => w.RegionCode).HasMaxLength(32);
        // Publishing finds the open window of a region and group year.
        builder.HasIndex(w => new { w.RegionCode, w.GroupYear, w.Status });
    }
}

internal sealed class AllocationRunConfiguration : IEntityTypeConfiguration<AllocationRun>
{
    public void Configure(EntityTypeBuilder<AllocationRun> builder)
    {
        builder.ToTable("AllocationRuns");
        builder.Property(r => r.RegionCode).HasMaxLength(32);
        builder.Property(r => r.Mode).HasMaxLength(32);
        builder.Property(r => r.RuleSetName).HasMaxLength(64);
        builder.Property(r => r.Seed).HasMaxLength(64);
        builder.Property(r => r.InputsHash).HasMaxLength(64);
        builder.HasIndex(r => r.RegionCode);
    }
}

internal sealed class AllocationOutcomeConfiguration : IEntityTypeConfiguration<AllocationOutcome>
{
    public void Configure(EntityTypeBuilder<AllocationOutcome> builder)
    {
        builder.ToTable("AllocationOutcomes");
        builder.HasIndex(o => new { o.RunId, o.Position }).IsUnique();
        // The family reads its own outcomes.
        builder.HasIndex(o => o.ApplicationId);
        builder.HasOne<AllocationRun>().WithMany().HasForeignKey(o => o.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}
