package dev.bazaar.command.payment;

/** The provider could not be reached or failed on its side: try again later, with the same idempotency key. */
public class PaymentProviderUnavailable extends RuntimeException {

    public PaymentProviderUnavailable(String message, Throwable cause) {
        super(message, cause);
    }

}
