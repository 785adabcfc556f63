using Duban.Core.Campaigns;
using Duban.Core.Ledger;
using Duban.Core.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Duban.Core.Signals;

internal sealed class SignalFlagConfiguration : IEntityTypeConfiguration<SignalFlag>
{
    public void Configure(EntityTypeBuilder<SignalFlag> flag)
    {
        flag.ToTable("SignalFlags");
        // The key is what a computation finds a flag again by; unique, so two computations at once cannot raise it twice.
        flag.HasIndex(f => new { f.CampaignId, f.Key }).IsUnique();
        flag.HasIndex(f => new { f.ItemId, f.Kind });
        flag.HasIndex(f => new { f.UnitId, f.Id });
        flag.HasIndex(f => f.UnitPath);
        // The assessment counts the flags accepted in a period.
        flag.HasIndex(f => new { f.CampaignId, f.State, f.DecidedAt });
        flag.Property(f => f.Key).HasMaxLength(SignalFlag.KeyMaxLength);
        flag.Property(f => f.UnitPath).HasMaxLength(400);
        flag.Property(f => f.ItemCode).HasMaxLength(20);
        flag.Property(f => f.EvidenceHash).HasMaxLength(64);
        flag.Property(f => f.DismissedEvidenceHash).HasMaxLength(64);
        flag.Property(f => f.Explanation).HasMaxLength(SignalFlag.TextMaxLength);
        flag.Property(f => f.ExplainedBy).HasMaxLength(100);
        flag.Property(f => f.DecisionReason).HasMaxLength(SignalFlag.TextMaxLength);
        flag.Property(f => f.DecidedBy).HasMaxLength(100);
        flag.Property(f => f.Version).IsConcurrencyToken();
        flag.Ignore(f => f.Evidence);
        flag.HasOne<Campaign>().WithMany().HasForeignKey(f => f.CampaignId).OnDelete(DeleteBehavior.Restrict);
        flag.HasOne<Unit>().WithMany().HasForeignKey(f => f.UnitId).OnDelete(DeleteBehavior.Restrict);
        flag.HasOne<RectificationItem>().WithMany().HasForeignKey(f => f.ItemId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SignalComputationConfiguration : IEntityTypeConfiguration<SignalComputation>
{
    public void Configure(EntityTypeBuilder<SignalComputation> computation)
    {
        computation.ToTable("SignalComputations");
        computation.HasIndex(c => new { c.CampaignId, c.Current, c.AsOf });
        computation.Property(c => c.Stamp).HasMaxLength(SignalComputation.StampMaxLength);
        computation.HasOne<Campaign>().WithMany().HasForeignKey(c => c.CampaignId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SignalSightingConfiguration : IEntityTypeConfiguration<SignalSighting>
{
    public void Configure(EntityTypeBuilder<SignalSighting> sighting)
    {
        sighting.ToTable("SignalSightings");
        sighting.HasKey(s => new { s.ComputationId, s.FlagId });
        sighting.HasIndex(s => s.FlagId);
        // A list of flags reads a computation's sightings strongest first.
        sighting.HasIndex(s => new { s.ComputationId, s.Strength, s.FlagId });
        sighting.HasOne<SignalComputation>().WithMany().HasForeignKey(s => s.ComputationId).OnDelete(DeleteBehavior.Cascade);
        sighting.HasOne<SignalFlag>().WithMany().HasForeignKey(s => s.FlagId).OnDelete(DeleteBehavior.Restrict);
    }
}
