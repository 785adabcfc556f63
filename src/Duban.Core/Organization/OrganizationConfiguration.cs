using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Duban.Core.Organization;

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> unit)
    {
        unit.Property(u => u.Name).HasMaxLength(Unit.NameMaxLength);
        unit.Property(u => u.Path).HasMaxLength(400);
        unit.HasIndex(u => u.Path);
        unit.HasIndex(u => u.ParentId);
        unit.HasOne<Unit>().WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
        unit.HasOne<Person>().WithMany().HasForeignKey(u => u.HeadPersonId).OnDelete(DeleteBehavior.SetNull);
        unit.HasOne<Person>().WithMany().HasForeignKey(u => u.LiaisonPersonId).OnDelete(DeleteBehavior.SetNull);
        unit.Ignore(u => u.Depth);
        unit.Ignore(u => u.IsActive);
    }
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> person)
    {
        person.Property(p => p.Name).HasMaxLength(Person.NameMaxLength);
        person.Property(p => p.Position).HasMaxLength(Person.PositionMaxLength);
        person.HasOne(p => p.Unit).WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
        person.HasIndex(p => new { p.UnitId, p.Name });
        person.Ignore(p => p.IsActive);
    }
}
