using Duban.Core.Campaigns;
using Duban.Core.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Duban.Core.Assessment;

internal sealed class AssessmentSchemeConfiguration : IEntityTypeConfiguration<AssessmentScheme>
{
    public void Configure(EntityTypeBuilder<AssessmentScheme> scheme)
    {
        scheme.ToTable("AssessmentSchemes");
        // Two saving the next version of a family at once: the second fails here and is asked to refresh.
        scheme.HasIndex(s => new { s.Family, s.Version }).IsUnique();
        scheme.Property(s => s.Name).HasMaxLength(100);
        scheme.Property(s => s.CreatedBy).HasMaxLength(100);
        scheme.Property(s => s.BaseScore).HasPrecision(9, 2);
    }
}

internal sealed class AssessmentRunConfiguration : IEntityTypeConfiguration<AssessmentRun>
{
    public void Configure(EntityTypeBuilder<AssessmentRun> run)
    {
        run.ToTable("AssessmentRuns");
        run.HasIndex(r => new { r.State, r.PublishedAt });
        run.Property(r => r.CampaignName).HasMaxLength(Campaign.NameMaxLength);
        run.Property(r => r.Title).HasMaxLength(AssessmentRun.TitleMaxLength);
        run.Property(r => r.SchemeName).HasMaxLength(100);
        run.Property(r => r.ComputedBy).HasMaxLength(100);
        run.Property(r => r.PublishedBy).HasMaxLength(100);
        run.Property(r => r.ExcellentFrom).HasPrecision(9, 2);
        run.Property(r => r.GoodFrom).HasPrecision(9, 2);
        run.Property(r => r.FairFrom).HasPrecision(9, 2);
        run.Property(r => r.Version).IsConcurrencyToken();
        run.Ignore(r => r.Grading);
        run.Ignore(r => r.Scheme);
        run.Ignore(r => r.IsPublished);
        run.HasMany(r => r.Results).WithOne().HasForeignKey(r => r.RunId).OnDelete(DeleteBehavior.Cascade);
        run.Navigation(r => r.Results).UsePropertyAccessMode(PropertyAccessMode.Field);
        run.HasOne<Campaign>().WithMany().HasForeignKey(r => r.CampaignId).OnDelete(DeleteBehavior.Restrict);
        run.HasOne<AssessmentScheme>().WithMany().HasForeignKey(r => r.SchemeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AssessmentResultConfiguration : IEntityTypeConfiguration<AssessmentResult>
{
    public void Configure(EntityTypeBuilder<AssessmentResult> result)
    {
        result.ToTable("AssessmentResults");
        result.HasIndex(r => new { r.RunId, r.UnitId }).IsUnique();
        result.HasIndex(r => r.UnitPath);
        result.Property(r => r.UnitPath).HasMaxLength(400);
        result.Property(r => r.UnitName).HasMaxLength(100);
        result.Property(r => r.HeadName).HasMaxLength(100);
        result.Property(r => r.Veto).HasMaxLength(200);
        result.Property(r => r.Base).HasPrecision(9, 2);
        result.Property(r => r.LinesTotal).HasPrecision(9, 2);
        result.Property(r => r.Adjusted).HasPrecision(9, 2);
        result.Property(r => r.Total).HasPrecision(9, 2);
        result.Property(r => r.Version).IsConcurrencyToken();
        result.HasOne(r => r.Breakdown).WithOne().HasForeignKey<AssessmentBreakdown>(b => b.ResultId).OnDelete(DeleteBehavior.Cascade);
        result.HasOne<Unit>().WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AssessmentBreakdownConfiguration : IEntityTypeConfiguration<AssessmentBreakdown>
{
    public void Configure(EntityTypeBuilder<AssessmentBreakdown> breakdown)
    {
        breakdown.ToTable("AssessmentBreakdowns");
        breakdown.HasKey(b => b.ResultId);
        breakdown.Ignore(b => b.Lines);
    }
}

internal sealed class AssessmentAdjustmentConfiguration : IEntityTypeConfiguration<AssessmentAdjustment>
{
    public void Configure(EntityTypeBuilder<AssessmentAdjustment> adjustment)
    {
        adjustment.ToTable("AssessmentAdjustments");
        adjustment.HasIndex(a => new { a.RunId, a.State });
        adjustment.HasIndex(a => a.ResultId);
        adjustment.HasIndex(a => a.UnitPath);
        adjustment.Property(a => a.UnitPath).HasMaxLength(400);
        adjustment.Property(a => a.UnitName).HasMaxLength(100);
        adjustment.Property(a => a.Points).HasPrecision(9, 2);
        adjustment.Property(a => a.Reason).HasMaxLength(AssessmentAdjustment.ReasonMaxLength);
        adjustment.Property(a => a.DecisionReason).HasMaxLength(AssessmentAdjustment.ReasonMaxLength);
        adjustment.Property(a => a.FileName).HasMaxLength(200);
        adjustment.Property(a => a.ContentType).HasMaxLength(100);
        adjustment.Property(a => a.Sha256).HasMaxLength(64);
        adjustment.Property(a => a.ProposedBy).HasMaxLength(100);
        adjustment.Property(a => a.DecidedBy).HasMaxLength(100);
        adjustment.Property(a => a.Version).IsConcurrencyToken();
        adjustment.HasOne<AssessmentResult>().WithMany().HasForeignKey(a => a.ResultId).OnDelete(DeleteBehavior.Cascade);
        adjustment.HasOne<Unit>().WithMany().HasForeignKey(a => a.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AssessmentAppealConfiguration : IEntityTypeConfiguration<AssessmentAppeal>
{
    public void Configure(EntityTypeBuilder<AssessmentAppeal> appeal)
    {
        appeal.ToTable("AssessmentAppeals");
        appeal.HasIndex(a => new { a.RunId, a.State });
        appeal.HasIndex(a => new { a.ResultId, a.Indicator });
        appeal.HasIndex(a => a.UnitPath);
        appeal.Property(a => a.UnitPath).HasMaxLength(400);
        appeal.Property(a => a.UnitName).HasMaxLength(100);
        appeal.Property(a => a.Indicator).HasMaxLength(50);
        appeal.Property(a => a.IndicatorName).HasMaxLength(100);
        appeal.Property(a => a.LinePoints).HasPrecision(9, 2);
        appeal.Property(a => a.CorrectedPoints).HasPrecision(9, 2);
        appeal.Property(a => a.Reason).HasMaxLength(AssessmentAppeal.ReasonMaxLength);
        appeal.Property(a => a.DecisionReason).HasMaxLength(AssessmentAppeal.ReasonMaxLength);
        appeal.Property(a => a.FileName).HasMaxLength(200);
        appeal.Property(a => a.ContentType).HasMaxLength(100);
        appeal.Property(a => a.Sha256).HasMaxLength(64);
        appeal.Property(a => a.FiledBy).HasMaxLength(100);
        appeal.Property(a => a.DecidedBy).HasMaxLength(100);
        appeal.Property(a => a.Version).IsConcurrencyToken();
        appeal.HasOne<AssessmentResult>().WithMany().HasForeignKey(a => a.ResultId).OnDelete(DeleteBehavior.Cascade);
        appeal.HasOne<Unit>().WithMany().HasForeignKey(a => a.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
