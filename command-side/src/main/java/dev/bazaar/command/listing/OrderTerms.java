package dev.bazaar.command.listing;

import dev.bazaar.command.common.InvalidRequest;
import dev.bazaar.kernel.problem.Violation;
import dev.bazaar.kernel.money.Money;
import dev.bazaar.kernel.order.PlaceOrder;

import java.util.ArrayList;
import java.util.List;

/** What an order costs, decided from the listing's price at the moment it is placed. */
record OrderTerms(int quantity, Money unitPrice, Money shipping, Money total) {

    static final int MAX_QUANTITY = 1_000;

    static OrderTerms of(PlaceOrder command, Money unitPrice) {
        List<Violation> violations = new ArrayList<>();
        if (command.quantity() < 1 || command.quantity() > MAX_QUANTITY) {
            violations.add(new Violation("quantity", "must be between 1 and " + MAX_QUANTITY));
        }
        Money shipping = command.shipping() == null ? Money.of(0, unitPrice.currency()) : command.shipping();
        if (!shipping.currency().equals(unitPrice.currency())) {
            violations.add(new Violation("shipping.currency", "must be the listing's currency, "
                    + unitPrice.currency()));
        }
        if (shipping.amountMinor() < 0) {
            violations.add(new Violation("shipping.amountMinor", "must not be negative"));
        }
        if (command.paymentMethod() == null || command.paymentMethod().isBlank()) {
            violations.add(new Violation("paymentMethod", "must name the payment method to charge"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequest(violations);
        }
        try {
            long items = Math.multiplyExact(unitPrice.amountMinor(), (long) command.quantity());
            Money total = Money.of(Math.addExact(items, shipping.amountMinor()), unitPrice.currency());
            return new OrderTerms(command.quantity(), unitPrice, shipping, total);
        }
        catch (ArithmeticException tooLarge) {
            throw new InvalidRequest(List.of(new Violation("quantity", "makes the total too large")));
        }
    }

}
