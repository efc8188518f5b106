using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Paddock.Core.Events;
using Paddock.Core.Notifications;
using Paddock.Core.Projects;

namespace Paddock.Data.Notifications;

internal sealed class NotificationChannelConfiguration : IEntityTypeConfiguration<NotificationChannel>
{
    public void Configure(EntityTypeBuilder<NotificationChannel> builder)
    {
        builder.ToTable("notification_channels");
        builder.Property(c => c.Name).HasMaxLength(60).IsRequired();
        builder.Property(c => c.SmsBaseUrl).HasMaxLength(2000);
        builder.Property(c => c.SmsAccountSid).HasMaxLength(64);
        builder.Property(c => c.SmsFrom).HasMaxLength(40);
        builder.Property(c => c.TargetHint).HasMaxLength(300);
        builder.HasIndex(c => new { c.ProjectId, c.Name }).IsUnique();
        builder.HasOne<Project>().WithMany().HasForeignKey(c => c.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(c => c.Version).IsXminRowVersion();
    }
}

internal sealed class NotificationRuleConfiguration : IEntityTypeConfiguration<NotificationRule>
{
    public void Configure(EntityTypeBuilder<NotificationRule> builder)
    {
        builder.ToTable("notification_rules");
        builder.Property(r => r.EventType).HasMaxLength(60).IsRequired();
        builder.HasIndex(r => new { r.ChannelId, r.EventType }).IsUnique();
        // The dispatcher's lookup: which channels want this project's event of this type.
        builder.HasIndex(r => new { r.ProjectId, r.EventType });
        builder.HasOne<NotificationChannel>().WithMany().HasForeignKey(r => r.ChannelId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NotificationTemplateConfiguration : IEntityTypeConfiguration<NotificationTemplate>
{
    public void Configure(EntityTypeBuilder<NotificationTemplate> builder)
    {
        builder.ToTable("notification_templates");
        builder.Property(t => t.EventType).HasMaxLength(60).IsRequired();
        builder.Property(t => t.Subject).HasMaxLength(200).IsRequired();
        builder.Property(t => t.Body).HasMaxLength(4000).IsRequired();
        builder.HasIndex(t => new { t.ProjectId, t.EventType }).IsUnique();
        builder.HasOne<Project>().WithMany().HasForeignKey(t => t.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> builder)
    {
        builder.ToTable("webhook_subscriptions");
        builder.Property(w => w.Url).HasMaxLength(2000).IsRequired();
        builder.Property(w => w.Description).HasMaxLength(200);
        builder.HasIndex(w => w.ProjectId);
        builder.HasOne<Project>().WithMany().HasForeignKey(w => w.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(w => w.Version).IsXminRowVersion();
    }
}

internal sealed class DeliveryConfiguration : IEntityTypeConfiguration<Delivery>
{
    public void Configure(EntityTypeBuilder<Delivery> builder)
    {
        builder.ToTable("deliveries");
        builder.Property(d => d.EventType).HasMaxLength(60).IsRequired();
        builder.Property(d => d.LastError).HasMaxLength(500);
        // Exactly one delivery per message and target, whatever number of dispatchers fan out at once.
        builder.HasIndex(d => new { d.MessageId, d.TargetId }).IsUnique();
        // The sender's queue: pending deliveries by due time, without scanning the history.
        builder.HasIndex(d => d.NextAttemptAt).HasFilter("status = 'Pending'");
        builder.HasIndex(d => new { d.ProjectId, d.TargetId });
        builder.HasOne<OutboxMessage>().WithMany().HasForeignKey(d => d.MessageId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Project>().WithMany().HasForeignKey(d => d.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DeliveryAttemptConfiguration : IEntityTypeConfiguration<DeliveryAttempt>
{
    public void Configure(EntityTypeBuilder<DeliveryAttempt> builder)
    {
        builder.ToTable("delivery_attempts");
        builder.Property(a => a.Error).HasMaxLength(500);
        builder.HasIndex(a => a.DeliveryId);
        builder.HasOne<Delivery>().WithMany().HasForeignKey(a => a.DeliveryId).OnDelete(DeleteBehavior.Cascade);
    }
}
