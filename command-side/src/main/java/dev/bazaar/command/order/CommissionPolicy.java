package dev.bazaar.command.order;

import dev.bazaar.kernel.category.CategoryId;
import dev.bazaar.kernel.identity.UserId;
import dev.bazaar.kernel.money.Money;

import java.util.Map;
import java.util.UUID;

/**
 * The platform's commission in basis points (1/100 of a percent): a seller's own rate wins over their listing's
 * category's, which wins over the default. The rate is fixed into the order when it is placed, so a later change of
 * configuration never changes what an existing order owes. A refund after the escrow was released gives the
 * commission back in proportion when refundsReturnCommission, or takes it all from the seller's share first (the
 * platform keeps its commission) otherwise.
 */
public record CommissionPolicy(int defaultBasisPoints, Map<UUID, Integer> categories, Map<UUID, Integer> sellers,
        boolean refundsReturnCommission) {

    public CommissionPolicy {
        categories = Map.copyOf(categories);
        sellers = Map.copyOf(sellers);
        requireRate(defaultBasisPoints);
        categories.values().forEach(CommissionPolicy::requireRate);
        sellers.values().forEach(CommissionPolicy::requireRate);
    }

    public int basisPointsFor(UserId seller, CategoryId category) {
        Integer own = sellers.get(seller.value());
        if (own != null) {
            return own;
        }
        return category == null ? defaultBasisPoints : categories.getOrDefault(category.value(), defaultBasisPoints);
    }

    /** The platform's share of an amount, rounded down: a fraction of a cent goes to the seller. */
    static Money commissionOn(Money amount, int basisPoints) {
        return Money.of(Math.multiplyExact(amount.amountMinor(), (long) basisPoints) / 10_000, amount.currency());
    }

    private static void requireRate(int basisPoints) {
        if (basisPoints < 0 || basisPoints > 10_000) {
            throw new IllegalArgumentException("A commission is 0..10000 basis points, not " + basisPoints);
        }
    }

}
