using Microsoft.EntityFrameworkCore;

namespace Paddock.Data;

public static class MergingSave
{
    /// <summary>
    /// Saves, and when another writer changed one of these rows in the meantime (the row version moved), merges instead of
    /// failing: the fields this context changed win, the other writer's changes to every other field stay. For a job that
    /// must record its outcome whatever a drift check or the metering did to the same stack while it ran; a request handler
    /// should refuse with a conflict instead, so the person sees what changed.
    /// </summary>
    public static async Task SaveMergingAsync(this DbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateConcurrencyException e) when (attempt < 5)
            {
                foreach (var entry in e.Entries)
                {
                    var stored = await entry.GetDatabaseValuesAsync(ct);
                    if (stored is null)
                    {
                        throw;
                    }

                    foreach (var property in entry.Properties.Where(p => !p.IsModified))
                    {
                        property.CurrentValue = stored[property.Metadata];
                    }

                    entry.OriginalValues.SetValues(stored);
                }
            }
        }
    }
}
