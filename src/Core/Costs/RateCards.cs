using Microsoft.EntityFrameworkCore;
using Paddock.Core.Common;
using Paddock.Core.Identity;

namespace Paddock.Core.Costs;

public sealed record RateCardDto(Guid? Id, Guid? ProviderAccountId, string Name, string Currency, decimal CpuHour, decimal GibHour, decimal DefaultCpu,
    decimal DefaultMemoryGib, IReadOnlyDictionary<string, decimal> InstanceTypes, bool IsBuiltIn)
{
    public static RateCardDto From(RateCard card, bool builtIn = false) => new(builtIn ? null : card.Id, card.ProviderAccountId, card.Name, card.Currency,
        card.CpuHour, card.GibHour, card.DefaultCpu, card.DefaultMemoryGib, card.InstanceTypes, builtIn);
}

/// <summary>Finds the card that prices a launch: the provider account's own, else the installation's default, else the built-in one.</summary>
public static class RateCardLookup
{
    public static async Task<RateCard> ForAsync(IPaddockDbContext db, Guid? providerAccountId, DateTimeOffset now, CancellationToken ct)
    {
        var cards = await db.RateCards.AsNoTracking().Where(c => c.ProviderAccountId == null || c.ProviderAccountId == providerAccountId).ToListAsync(ct);
        return cards.FirstOrDefault(c => providerAccountId is not null && c.ProviderAccountId == providerAccountId)
            ?? cards.FirstOrDefault(c => c.ProviderAccountId is null)
            ?? RateCard.Default(now);
    }
}

public static class ListRateCards
{
    public sealed record Query;

    public sealed class Handler(HandlerContext ctx)
    {
        public async Task<Result<IReadOnlyList<RateCardDto>>> HandleAsync(Query query, CancellationToken ct)
        {
            if (await ctx.Access.DemandAsync(Permission.ProvidersManage, null, ct) is { } denied)
            {
                return denied;
            }

            var cards = await ctx.Db.RateCards.AsNoTracking().OrderBy(c => c.ProviderAccountId != null).ThenBy(c => c.Name).ToListAsync(ct);
            IReadOnlyList<RateCardDto> result = cards.Any(c => c.ProviderAccountId is null)
                ? [.. cards.Select(c => RateCardDto.From(c))]
                : [RateCardDto.From(RateCard.Default(ctx.Now), builtIn: true), .. cards.Select(c => RateCardDto.From(c))];
            return Result<IReadOnlyList<RateCardDto>>.Success(result);
        }
    }
}

/// <summary>Creates or replaces the card of one provider account (or the default card, with no account).</summary>
public static class SaveRateCard
{
    public sealed record Command(RateCardSettings Settings);

    public sealed class Handler(HandlerContext ctx)
    {
        public async Task<Result<RateCardDto>> HandleAsync(Command command, CancellationToken ct)
        {
            if (await ctx.Access.DemandAsync(Permission.ProvidersManage, null, ct) is { } denied)
            {
                return denied;
            }

            if (RateCardRules.Validate(command.Settings) is { } invalid)
            {
                return invalid;
            }

            if (command.Settings.ProviderAccountId is { } accountId && !await ctx.Db.ProviderAccounts.AnyAsync(a => a.Id == accountId, ct))
            {
                return ValidationError.For("providerAccountId", $"No provider account '{accountId}' exists.");
            }

            var card = await ctx.Db.RateCards.FirstOrDefaultAsync(c => c.ProviderAccountId == command.Settings.ProviderAccountId, ct);
            if (card is null)
            {
                card = RateCard.Create(command.Settings, ctx.Now);
                ctx.Db.RateCards.Add(card);
            }
            else
            {
                card.Apply(command.Settings, ctx.Now);
            }

            await ctx.Db.SaveChangesAsync(ct);
            return RateCardDto.From(card);
        }
    }
}
