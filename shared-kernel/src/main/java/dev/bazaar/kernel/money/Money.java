package dev.bazaar.kernel.money;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money in integer minor units (cents for EUR/USD, yen for JPY) of an ISO 4217 currency.
 * Never a floating-point number: rounding errors in money are bugs auditors find.
 */
public record Money(long amountMinor, String currency) {

    public Money {
        Objects.requireNonNull(currency, "currency");
        Currency.getInstance(currency); // rejects codes that are not ISO 4217
    }

    public static Money of(long amountMinor, String currency) {
        return new Money(amountMinor, currency);
    }

    @JsonIgnore
    public boolean isPositive() {
        return amountMinor > 0;
    }

    @Override
    public String toString() {
        return amountMinor + " " + currency;
    }

}
