package dev.bazaar.command.payment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import dev.bazaar.kernel.problem.Refusal;
import dev.bazaar.command.common.SystemActor;
import dev.bazaar.kernel.money.Money;
import dev.bazaar.kernel.order.OrderId;
import dev.bazaar.kernel.order.RecordPaymentAuthorization;
import dev.bazaar.kernel.order.RecordProviderDispute;
import dev.bazaar.kernel.order.RecordProviderDisputeClosed;
import dev.bazaar.kernel.order.RecordProviderDisputeFundsReinstated;
import dev.bazaar.kernel.order.RecordProviderDisputeFundsWithdrawn;
import dev.bazaar.kernel.order.RecordProviderDisputeUpdated;
import dev.bazaar.kernel.order.RecordRefundReturned;
import dev.bazaar.kernel.payout.PayoutAccountId;
import dev.bazaar.kernel.payout.RecordPayoutAccountVerified;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Stripe's webhooks. The signature (HMAC of timestamp and body, within a tolerance) is checked before anything is
 * read; a bad one gets 400 and leaves no trace. Each Stripe event is acted on once (its id is remembered after the
 * commands it caused are stored), and every command it causes is idempotent on the aggregate, so a repeated or
 * late delivery changes nothing and an early one (a dispute closed before it was opened) still lands right.
 */
@RestController
class StripeWebhookController {

    private static final Logger LOG = LoggerFactory.getLogger(StripeWebhookController.class);

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the loopback Stripe signs with unless STRIPE_WEBHOOK_SECRET says otherwise. */
    private static final String LOCAL_WEBHOOK_SECRET = "whsec_bazaar_local_demo";

    private final String secret;

    private final long toleranceSeconds;

    private final JdbcTemplate jdbc;

    private final CommandGateway commands;

    private final PaymentProvider provider;

    private final PayoutAccounts payoutAccounts;

    StripeWebhookController(PaymentProperties payments, JdbcTemplate jdbc, CommandGateway commands,
            PaymentProvider provider, PayoutAccounts payoutAccounts) {
        String secret = payments.stripe().webhookSecret();
        if (secret.isBlank() && payments.stripe().keyed()) {
            throw new IllegalStateException("STRIPE_API_KEY is set but STRIPE_WEBHOOK_SECRET is not: webhooks from "
                    + "Stripe could not be verified");
        }
        // the loopback server's demo secret, used only when no real Stripe account is configured
        this.secret = secret.isBlank() ? LOCAL_WEBHOOK_SECRET : secret;
        this.toleranceSeconds = payments.stripe().webhookToleranceSeconds();
        this.jdbc = jdbc;
        this.commands = commands;
        this.provider = provider;
        this.payoutAccounts = payoutAccounts;
    }

    @PostMapping("/api/v1/webhooks/stripe")
    Map<String, Object> receive(@RequestBody(required = false) String payload,
            @RequestHeader(value = "Stripe-Signature", required = false) String signature) {
        JsonNode event = verified(payload, signature);
        String id = event.path("id").asText();
        String type = event.path("type").asText();
        Integer seen = jdbc.queryForObject("SELECT count(*) FROM provider_webhook_event WHERE event_id = ?",
                Integer.class, id);
        if (seen != null && seen > 0) {
            return Map.of("received", true, "duplicate", true);
        }
        act(type, event.path("data").path("object"));
        jdbc.update("INSERT INTO provider_webhook_event (event_id, type) VALUES (?, ?) ON CONFLICT DO NOTHING", id,
                type);
        return Map.of("received", true, "duplicate", false);
    }

    private JsonNode verified(String payload, String signature) {
        if (payload == null || signature == null) {
            throw new InvalidWebhook("a Stripe webhook needs its body and its Stripe-Signature header.");
        }
        try {
            Webhook.Signature.verifyHeader(payload, signature, secret, toleranceSeconds);
            return JSON.readTree(payload);
        }
        catch (SignatureVerificationException e) {
            throw new InvalidWebhook("the Stripe-Signature does not match (or is too old): " + e.getMessage());
        }
        catch (IOException e) {
            throw new InvalidWebhook("the body is not JSON.");
        }
    }

    /** The typed data object of stripe-java may be empty for another API version: read the JSON itself. */
    private void act(String type, JsonNode object) {
        switch (type) {
            case "payment_intent.amount_capturable_updated" -> orderIn(object).ifPresent(order -> send(
                    new RecordPaymentAuthorization(order, object.path("id").asText(), money(object, "amount"))));
            case "charge.dispute.created" -> orderOfPayment(object).ifPresent(order -> send(new RecordProviderDispute(
                    order, object.path("id").asText(), money(object, "amount"), object.path("reason").asText())));
            case "charge.dispute.closed" -> orderOfPayment(object).ifPresent(order -> send(
                    new RecordProviderDisputeClosed(order, object.path("id").asText(),
                            object.path("status").asText(), money(object, "amount"), object.path("reason").asText())));
            // Stripe reports a refund that failed after it succeeded under either name, depending on the API version
            case "charge.refund.updated", "refund.updated", "refund.failed" -> {
                if ("failed".equals(object.path("status").asText())) {
                    orderOfPayment(object).ifPresent(order -> send(new RecordRefundReturned(order,
                            object.path("id").asText(), object.path("failure_reason").asText("unknown"))));
                }
            }
            case "charge.dispute.updated" -> orderOfPayment(object).ifPresent(order -> send(
                    new RecordProviderDisputeUpdated(order, object.path("id").asText(),
                            object.path("status").asText(), money(object, "amount"), object.path("reason").asText())));
            case "charge.dispute.funds_withdrawn" -> orderOfPayment(object).ifPresent(order -> send(
                    new RecordProviderDisputeFundsWithdrawn(order, object.path("id").asText(), money(object, "amount"),
                            disputeFee(object, false), object.path("reason").asText())));
            case "charge.dispute.funds_reinstated" -> orderOfPayment(object).ifPresent(order -> send(
                    new RecordProviderDisputeFundsReinstated(order, object.path("id").asText(),
                            money(object, "amount"), disputeFee(object, true))));
            case "account.updated" -> {
                if (object.path("payouts_enabled").asBoolean(false)) {
                    String account = object.path("id").asText();
                    payoutAccounts.sellerOf(account).ifPresent(seller -> send(
                            new RecordPayoutAccountVerified(new PayoutAccountId(seller), account)));
                }
            }
            default -> LOG.debug("Stripe event {} needs nothing from us", type);
        }
    }

    private Optional<OrderId> orderIn(JsonNode paymentIntent) {
        String order = paymentIntent.path("metadata").path("order_id").asText("");
        return order.isEmpty() ? Optional.empty() : Optional.of(OrderId.of(order));
    }

    /** The order a dispute or a refund belongs to, by its payment intent. */
    private Optional<OrderId> orderOfPayment(JsonNode object) {
        String paymentIntent = object.path("payment_intent").asText("");
        return paymentIntent.isEmpty() ? Optional.empty() : provider.orderOf(paymentIntent);
    }

    /**
     * From the dispute's balance transactions (Stripe lists the withdrawal and, once won, the reinstatement): the fee
     * the withdrawal charged, or the fee the reinstatement gave back (a negative fee on it); zero if none is listed.
     */
    private static Money disputeFee(JsonNode dispute, boolean returned) {
        long fee = 0;
        for (JsonNode transaction : dispute.path("balance_transactions")) {
            long amount = transaction.path("amount").asLong();
            if (returned && amount > 0) {
                fee = Math.max(0, -transaction.path("fee").asLong());
            }
            else if (!returned && amount < 0) {
                fee = Math.max(0, transaction.path("fee").asLong());
            }
        }
        return Money.of(fee, dispute.path("currency").asText("").toUpperCase(Locale.ROOT));
    }

    private static Money money(JsonNode object, String field) {
        return Money.of(object.path(field).asLong(), object.path("currency").asText("").toUpperCase(Locale.ROOT));
    }

    private void send(Object command) {
        try {
            commands.sendAndWait(SystemActor.orderProcessCommand(command));
        }
        catch (AggregateNotFoundException notOurs) {
            LOG.warn("Stripe reported on {} that Bazaar does not know; ignored", notOurs.getAggregateIdentifier());
        }
    }

    /** Bad signature or body: 400, nothing stored. */
    static class InvalidWebhook extends Refusal {

        InvalidWebhook(String detail) {
            super("webhook-signature", 400, "Webhook rejected: " + detail);
        }

    }

}
