using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Duban.Core.Audit;

internal sealed class AuditConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> audit)
    {
        audit.HasKey(e => e.Sequence);
        audit.Property(e => e.Sequence).ValueGeneratedNever();
        audit.Property(e => e.ActorName).HasMaxLength(100);
        audit.Property(e => e.Action).HasMaxLength(100);
        audit.Property(e => e.EntityType).HasMaxLength(100);
        audit.Property(e => e.EntityId).HasMaxLength(100);
        audit.Property(e => e.PreviousHash).HasMaxLength(64);
        audit.Property(e => e.Hash).HasMaxLength(64);
        audit.HasIndex(e => e.At);
        audit.HasIndex(e => new { e.EntityType, e.EntityId });
    }
}
