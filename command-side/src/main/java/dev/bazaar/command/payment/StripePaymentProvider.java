package dev.bazaar.command.payment;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.CardException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.AccountCreateParams;
import com.stripe.param.AccountLinkCreateParams;
import com.stripe.param.PaymentIntentCaptureParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.TransferCreateParams;
import com.stripe.param.TransferReversalCreateParams;
import dev.bazaar.kernel.identity.UserId;
import dev.bazaar.kernel.money.Money;
import dev.bazaar.kernel.order.OrderId;

import java.util.Locale;
import java.util.Optional;

/** The payment port on Stripe, through stripe-java: Stripe's test mode, or the loopback server the project ships. */
class StripePaymentProvider implements PaymentProvider {

    private final StripeClient stripe;

    StripePaymentProvider(StripeClient stripe) {
        this.stripe = stripe;
    }

    @Override
    public Result authorize(OrderId orderId, Money amount, String paymentMethod, String idempotencyKey) {
        return call("authorize", () -> {
            PaymentIntent intent = stripe.v1().paymentIntents().create(PaymentIntentCreateParams.builder()
                    .setAmount(amount.amountMinor())
                    .setCurrency(currency(amount))
                    .setCaptureMethod(PaymentIntentCreateParams.CaptureMethod.MANUAL)
                    .setConfirm(true)
                    .setPaymentMethod(paymentMethod)
                    .addPaymentMethodType("card")
                    .setTransferGroup(orderId.toString())
                    .putMetadata("order_id", orderId.toString())
                    .build(), key(idempotencyKey));
            return "requires_capture".equals(intent.getStatus())
                    ? new Result.Done(intent.getId())
                    : new Result.Refused("payment needs " + intent.getStatus().replace('_', ' '));
        });
    }

    @Override
    public Result capture(String paymentIntentId, Money amount, String idempotencyKey) {
        return call("capture", () -> {
            PaymentIntent intent = stripe.v1().paymentIntents().capture(paymentIntentId,
                    PaymentIntentCaptureParams.builder()
                            .setAmountToCapture(amount.amountMinor())
                            .addExpand("latest_charge.balance_transaction")
                            .build(), key(idempotencyKey));
            long fee = Optional.ofNullable(intent.getLatestChargeObject())
                    .map(charge -> charge.getBalanceTransactionObject())
                    .map(balance -> balance.getFee())
                    .orElse(0L);
            return new Result.Done(intent.getId(), Money.of(fee, amount.currency()));
        });
    }

    @Override
    public Result releaseAuthorization(String paymentIntentId, String idempotencyKey) {
        return call("release", () -> new Result.Done(stripe.v1().paymentIntents()
                .cancel(paymentIntentId, key(idempotencyKey)).getId()));
    }

    @Override
    public Result refund(String paymentIntentId, Money amount, String idempotencyKey) {
        return call("refund", () -> new Result.Done(stripe.v1().refunds().create(RefundCreateParams.builder()
                .setPaymentIntent(paymentIntentId)
                .setAmount(amount.amountMinor())
                .build(), key(idempotencyKey)).getId()));
    }

    @Override
    public Result transfer(String connectedAccountId, Money amount, OrderId transferGroup, String idempotencyKey) {
        return call("transfer", () -> new Result.Done(stripe.v1().transfers().create(TransferCreateParams.builder()
                .setAmount(amount.amountMinor())
                .setCurrency(currency(amount))
                .setDestination(connectedAccountId)
                .setTransferGroup(transferGroup.toString())
                .putMetadata("order_id", transferGroup.toString())
                .build(), key(idempotencyKey)).getId()));
    }

    @Override
    public Result reverseTransfer(String transferId, Money amount, String idempotencyKey) {
        return call("reverse", () -> new Result.Done(stripe.v1().transfers().reversals().create(transferId,
                TransferReversalCreateParams.builder().setAmount(amount.amountMinor()).build(),
                key(idempotencyKey)).getId()));
    }

    @Override
    public Result openConnectedAccount(UserId sellerId, String idempotencyKey) {
        return call("open account", () -> new Result.Done(stripe.v1().accounts().create(AccountCreateParams.builder()
                .setType(AccountCreateParams.Type.EXPRESS)
                .putMetadata("seller_id", sellerId.toString())
                .build(), key(idempotencyKey)).getId()));
    }

    @Override
    public String onboardingLink(String connectedAccountId, String returnUrl) {
        Result link = call("onboarding link", () -> new Result.Done(stripe.v1().accountLinks().create(
                AccountLinkCreateParams.builder()
                        .setAccount(connectedAccountId)
                        .setType(AccountLinkCreateParams.Type.ACCOUNT_ONBOARDING)
                        .setReturnUrl(returnUrl)
                        .setRefreshUrl(returnUrl)
                        .build()).getUrl()));
        if (link instanceof Result.Done done) {
            return done.id();
        }
        throw new PaymentProviderUnavailable("no onboarding link: " + ((Result.Refused) link).reason(), null);
    }

    @Override
    public Optional<OrderId> orderOf(String paymentIntentId) {
        Result found = call("find payment", () -> new Result.Done(stripe.v1().paymentIntents()
                .retrieve(paymentIntentId).getMetadata().getOrDefault("order_id", "")));
        return found instanceof Result.Done done && !done.id().isEmpty()
                ? Optional.of(OrderId.of(done.id())) : Optional.empty();
    }

    private static String currency(Money amount) {
        return amount.currency().toLowerCase(Locale.ROOT);
    }

    private static RequestOptions key(String idempotencyKey) {
        return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
    }

    /** Refusals come back as answers; failures of the provider or the network as an exception to retry on. */
    private static Result call(String what, StripeCall call) {
        try {
            return call.run();
        }
        catch (CardException declined) {
            return new Result.Refused(Optional.ofNullable(declined.getDeclineCode()).orElse(declined.getCode()));
        }
        catch (ApiConnectionException | ApiException | RateLimitException unavailable) {
            throw new PaymentProviderUnavailable("Stripe " + what + " failed: " + unavailable.getMessage(),
                    unavailable);
        }
        catch (StripeException refused) {
            return new Result.Refused(Optional.ofNullable(refused.getCode()).orElse("refused") + ": "
                    + Optional.ofNullable(refused.getStripeError()).map(e -> e.getMessage()).orElse(""));
        }
    }

    @FunctionalInterface
    private interface StripeCall {

        Result run() throws StripeException;

    }

}
