package dev.bazaar.command.payment;

import dev.bazaar.kernel.identity.UserId;
import dev.bazaar.kernel.money.Money;
import dev.bazaar.kernel.order.OrderId;

import java.util.Optional;

/**
 * The payment provider as the order process needs it. Every call that moves money takes an idempotency key derived
 * from the event that caused it, so a call repeated after a crash or a timeout never moves money twice. A refusal
 * (declined card, expired authorisation, unverified account) is an answer; an unreachable provider throws
 * {@link PaymentProviderUnavailable} and the caller tries again later with the same key.
 */
public interface PaymentProvider {

    /** Creates and confirms a payment held for manual capture; transferGroup ties later transfers to the order. */
    Result authorize(OrderId orderId, Money amount, String paymentMethod, String idempotencyKey);

    /** Captures; the answer's fee is what the provider kept (from the charge's balance transaction). */
    Result capture(String paymentIntentId, Money amount, String idempotencyKey);

    Result releaseAuthorization(String paymentIntentId, String idempotencyKey);

    Result refund(String paymentIntentId, Money amount, String idempotencyKey);

    Result transfer(String connectedAccountId, Money amount, OrderId transferGroup, String idempotencyKey);

    Result reverseTransfer(String transferId, Money amount, String idempotencyKey);

    /** Opens a connected account for a seller; the answer's id is the provider's account id. */
    Result openConnectedAccount(UserId sellerId, String idempotencyKey);

    /** Where the seller completes onboarding (a fresh link each time: they expire). */
    String onboardingLink(String connectedAccountId, String returnUrl);

    /** The order a payment belongs to, from the metadata written when it was created. */
    Optional<OrderId> orderOf(String paymentIntentId);

    /** What the provider answered: done (with the id of what it made) or refused (with why). */
    sealed interface Result {

        /** fee: what the provider kept of the money it moved, where it says so (a capture), else null. */
        record Done(String id, Money fee) implements Result {

            public Done(String id) {
                this(id, null);
            }

        }

        record Refused(String reason) implements Result {

        }

    }

}
