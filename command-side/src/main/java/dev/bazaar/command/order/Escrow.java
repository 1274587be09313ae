package dev.bazaar.command.order;

import dev.bazaar.kernel.money.Money;

/**
 * Where an order's captured money is: still held by the platform, released to the seller, or the platform's
 * commission. Refunds and lost provider disputes take from what is held first, then from what was released,
 * seller and commission in proportion. captured = held + seller + commission + refunded + lost, always.
 */
record Escrow(String currency, long captured, long held, long seller, long commission) {

    static Escrow none(String currency) {
        return new Escrow(currency, 0, 0, 0, 0);
    }

    Escrow capture(Money amount) {
        return new Escrow(currency, captured + amount.amountMinor(), held + amount.amountMinor(), seller, commission);
    }

    /** What a refund could still give back to the buyer. */
    long refundable() {
        return held + seller + commission;
    }

    /**
     * How a refund of amount divides between the held funds, the seller's share and the commission: escrow first;
     * then seller and commission in proportion, or (the platform keeping its commission) the seller's share first.
     */
    Split split(long amount, boolean returnCommission) {
        long fromEscrow = Math.min(amount, held);
        long rest = amount - fromEscrow;
        long released = seller + commission;
        long fromCommission = returnCommission
                ? released == 0 ? 0 : Math.min(commission, Math.multiplyExact(rest, commission) / released)
                : Math.max(0, rest - seller);
        return new Split(fromEscrow, rest - fromCommission, fromCommission);
    }

    Escrow take(long fromEscrow, long fromSeller, long fromCommission) {
        return new Escrow(currency, captured, held - fromEscrow, seller - fromSeller, commission - fromCommission);
    }

    Escrow giveBack(long toEscrow, long toSeller, long toCommission) {
        return take(-toEscrow, -toSeller, -toCommission);
    }

    Escrow release(Money toSeller, Money toCommission) {
        long released = toSeller.amountMinor() + toCommission.amountMinor();
        return new Escrow(currency, captured, held - released, seller + toSeller.amountMinor(),
                commission + toCommission.amountMinor());
    }

    Money money(long amountMinor) {
        return Money.of(amountMinor, currency);
    }

    record Split(long fromEscrow, long fromSeller, long fromCommission) {

    }

}
