package dev.bazaar.command.web;

import dev.bazaar.kernel.money.Money;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * Money as clients send it: integer minor units and an ISO 4217 code,
 * e.g. {@code {"amountMinor": 1999, "currency": "EUR"}}.
 */
public record MoneyBody(@NotNull @Positive Long amountMinor, @NotNull @IsoCurrency String currency) {

    public Money toMoney() {
        return Money.of(amountMinor, currency);
    }

}
