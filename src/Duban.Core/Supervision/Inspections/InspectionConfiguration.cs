using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Duban.Core.Supervision.Inspections;

internal sealed class InspectionConfiguration : IEntityTypeConfiguration<Inspection>
{
    public void Configure(EntityTypeBuilder<Inspection> inspection)
    {
        inspection.ToTable("Inspections");
        // An inspection concerns several units: it is seen by whoever sees one of its targets. Each target is
        // unit-scoped and sealed with a covert visit, and EF applies the targets' filter inside this one.
        inspection.HasQueryFilter(i => i.Targets.Any());
        inspection.HasIndex(i => new { i.Year, i.Number }).IsUnique();
        inspection.HasIndex(i => i.Code).IsUnique();
        inspection.HasIndex(i => new { i.CampaignId, i.PlannedOn });
        inspection.Property(i => i.Code).HasMaxLength(20);
        inspection.Property(i => i.Title).HasMaxLength(Inspection.TitleMaxLength);
        inspection.Property(i => i.CreatedBy).HasMaxLength(100);
        inspection.Property(i => i.PublishedBy).HasMaxLength(100);
        inspection.Ignore(i => i.IsSealed);
        inspection.Property(i => i.Version).IsConcurrencyToken();
        // One 回头看 per draw, even when two are planned at once.
        inspection.HasIndex(i => i.DrawId).IsUnique();
        inspection.HasOne<Campaigns.Campaign>().WithMany().HasForeignKey(i => i.CampaignId).OnDelete(DeleteBehavior.Restrict);
        inspection.HasMany(i => i.Targets).WithOne().HasForeignKey(t => t.InspectionId).OnDelete(DeleteBehavior.Cascade);
        inspection.HasMany(i => i.Inspectors).WithOne().HasForeignKey(t => t.InspectionId).OnDelete(DeleteBehavior.Cascade);
        inspection.HasMany(i => i.Findings).WithOne(f => f.Inspection).HasForeignKey(f => f.InspectionId).OnDelete(DeleteBehavior.Cascade);
        inspection.Navigation(i => i.Targets).HasField("_targets");
        inspection.Navigation(i => i.Inspectors).HasField("_inspectors");
        inspection.Navigation(i => i.Findings).HasField("_findings");
    }
}

internal sealed class InspectionTargetConfiguration : IEntityTypeConfiguration<InspectionTarget>
{
    public void Configure(EntityTypeBuilder<InspectionTarget> target)
    {
        target.ToTable("InspectionTargets");
        target.HasIndex(t => new { t.UnitId, t.InspectionId });
        target.HasIndex(t => t.UnitPath);
        target.Property(t => t.UnitName).HasMaxLength(100);
        target.HasOne<Organization.Unit>().WithMany().HasForeignKey(t => t.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InspectorConfiguration : IEntityTypeConfiguration<Inspector>
{
    public void Configure(EntityTypeBuilder<Inspector> inspector)
    {
        inspector.ToTable("Inspectors");
        inspector.Property(i => i.Name).HasMaxLength(100);
        inspector.Property(i => i.UnitName).HasMaxLength(100);
        inspector.HasOne<Organization.Person>().WithMany().HasForeignKey(i => i.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InspectionFindingConfiguration : IEntityTypeConfiguration<InspectionFinding>
{
    public void Configure(EntityTypeBuilder<InspectionFinding> finding)
    {
        finding.ToTable("InspectionFindings");
        finding.HasIndex(f => new { f.UnitId, f.InspectionId });
        finding.HasIndex(f => f.UnitPath);
        finding.HasIndex(f => f.ItemId);
        finding.Property(f => f.UnitName).HasMaxLength(100);
        finding.Property(f => f.Problem).HasMaxLength(InspectionFinding.ProblemMaxLength);
        finding.Property(f => f.Answer).HasMaxLength(InspectionFinding.AnswerMaxLength);
        finding.Property(f => f.RecordedBy).HasMaxLength(100);
        finding.Property(f => f.AnsweredBy).HasMaxLength(100);
        finding.HasOne<Organization.Unit>().WithMany().HasForeignKey(f => f.UnitId).OnDelete(DeleteBehavior.Restrict);
        finding.HasOne(f => f.Item).WithMany().HasForeignKey(f => f.ItemId).OnDelete(DeleteBehavior.Restrict);
        finding.HasMany(f => f.Files).WithOne().HasForeignKey(f => f.FindingId).OnDelete(DeleteBehavior.Cascade);
        finding.Navigation(f => f.Files).HasField("_files");
    }
}

internal sealed class FindingFileConfiguration : IEntityTypeConfiguration<FindingFile>
{
    public void Configure(EntityTypeBuilder<FindingFile> file)
    {
        file.ToTable("FindingFiles");
        file.Property(f => f.FileName).HasMaxLength(Ledger.EvidenceFile.FileNameMaxLength);
        file.Property(f => f.ContentType).HasMaxLength(100);
        file.Property(f => f.Sha256).HasMaxLength(64);
    }
}
