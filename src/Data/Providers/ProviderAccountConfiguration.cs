using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Paddock.Core.Environments;
using Paddock.Core.Providers;

namespace Paddock.Data.Providers;

internal sealed class ProviderAccountConfiguration : IEntityTypeConfiguration<ProviderAccount>
{
    public void Configure(EntityTypeBuilder<ProviderAccount> builder)
    {
        builder.ToTable("provider_accounts");
        builder.Property(a => a.Name).HasMaxLength(60).IsRequired();
        builder.Property(a => a.Endpoint).HasMaxLength(500).IsRequired();
        builder.HasIndex(a => a.Name).IsUnique();
        // At most one default: the database says so, whatever two racing requests do.
        builder.HasIndex(a => a.IsDefault).IsUnique().HasFilter("is_default");
        builder.Ignore(a => a.UsesTls);
        builder.Property(a => a.Version).IsXminRowVersion();
    }
}

internal sealed class EnvironmentProviderAccountConfiguration : IEntityTypeConfiguration<ProjectEnvironment>
{
    public void Configure(EntityTypeBuilder<ProjectEnvironment> builder) =>
        // An account in use cannot be deleted: its environments' stacks would lose their engine.
        builder.HasOne<ProviderAccount>().WithMany().HasForeignKey(e => e.ProviderAccountId).OnDelete(DeleteBehavior.Restrict);
}

internal sealed class InstallationConfiguration : IEntityTypeConfiguration<Installation>
{
    public void Configure(EntityTypeBuilder<Installation> builder)
    {
        builder.ToTable("installation");
        builder.Property(i => i.Id).ValueGeneratedNever();
    }
}
