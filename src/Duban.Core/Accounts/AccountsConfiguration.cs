using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Duban.Core.Accounts;

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> token)
    {
        token.Property(t => t.Name).HasMaxLength(100);
        token.Property(t => t.Hash).HasMaxLength(64);
        token.Property(t => t.Prefix).HasMaxLength(12);
        token.HasIndex(t => t.Hash).IsUnique();
        token.HasOne<AppUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        token.Ignore(t => t.IsActive);
    }
}

internal sealed class SignedOutSessionConfiguration : IEntityTypeConfiguration<SignedOutSession>
{
    public void Configure(EntityTypeBuilder<SignedOutSession> session)
    {
        session.Property(s => s.Id).HasMaxLength(SignedOutSession.IdLength);
        session.HasIndex(s => s.ExpiresAt);
    }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> user)
    {
        user.Property(u => u.DisplayName).HasMaxLength(50);
        user.HasOne<Organization.Person>().WithMany().HasForeignKey(u => u.PersonId).OnDelete(DeleteBehavior.SetNull);
        user.HasIndex(u => u.PersonId).IsUnique();
    }
}
