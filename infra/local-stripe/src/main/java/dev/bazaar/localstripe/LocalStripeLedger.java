package dev.bazaar.localstripe;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bazaar.localstripe.LocalStripe.Answer;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The objects the local Stripe knows and the rules Stripe applies to them. One lock: correctness over speed. Longer
 * than 300 lines because payments, transfers, accounts and disputes change each other's objects under that one lock;
 * the HTTP routing is in {@link LocalStripe}, the state file in {@link StripeJournal}.
 */
public final class LocalStripeLedger {

    /**
     * Every object as JSON text, not as a tree: a Jackson tree takes several times the memory of its text, and with
     * trees a few hundred thousand orders' payment intents, charges and balance transactions filled the 512 MB heap.
     * With a state file, the text is read from there (ObjectTexts).
     */
    private final ObjectTexts objects = new ObjectTexts();

    private final Map<String, Integer> requestCounts = new ConcurrentHashMap<>();

    private final WebhookSender webhooks;

    /** The objects the request being answered created or looked up, as trees to change (guarded by this). */
    private final Map<String, ObjectNode> touched = new LinkedHashMap<>();

    private StripeJournal journal;

    private final String baseUrl;

    LocalStripeLedger(WebhookSender webhooks, String baseUrl) {
        this.webhooks = webhooks;
        this.baseUrl = baseUrl;
    }

    /** Loads the state kept in the file and keeps every change there from now on. */
    synchronized StripeJournal keepIn(Path file, Map<String, LocalStripe.KeptAnswer> answersByIdempotencyKey) {
        Map<String, Long> places = new HashMap<>();
        journal = StripeJournal.open(file, places, answersByIdempotencyKey);
        objects.keepIn(journal, places);
        return journal;
    }

    WebhookSender webhooks() {
        return webhooks;
    }

    Map<String, Integer> requestCounts() {
        return new TreeMap<>(requestCounts);
    }

    /** The object with this id as the local Stripe holds it now (for tests), or null. */
    public ObjectNode find(String id) {
        String object = objects.get(id);
        return object == null ? null : tree(object);
    }

    /** The first object of a type that carries the metadata value (e.g. an order's payment intent), or null. */
    public ObjectNode findBy(String type, String metadataKey, String value) {
        return withMetadata(type, metadataKey, value).findFirst().orElse(null);
    }

    /** How many objects of a type carry the metadata value (e.g. payment intents of one order). */
    public long count(String type, String metadataKey, String value) {
        return withMetadata(type, metadataKey, value).count();
    }

    /** The metadata values (e.g. order ids) that more than one object of the type carries, in one pass. */
    public java.util.List<String> sharedMetadata(String type, String metadataKey) {
        Map<String, Long> counts = objects.texts()
                .filter(text -> text.contains("\"" + type + "\"")) // a cheap first cut, as above
                .map(LocalStripeLedger::tree)
                .filter(object -> type.equals(object.path("object").asText()))
                .map(object -> object.path("metadata").path(metadataKey).asText(""))
                .filter(value -> !value.isEmpty())
                .collect(java.util.stream.Collectors.groupingBy(value -> value,
                        java.util.stream.Collectors.counting()));
        return counts.entrySet().stream().filter(entry -> entry.getValue() > 1).map(Map.Entry::getKey).sorted()
                .toList();
    }

    private java.util.stream.Stream<ObjectNode> withMetadata(String type, String metadataKey, String value) {
        return objects.texts()
                .filter(text -> text.contains(value)) // a cheap first cut: values here are ids, never escaped
                .map(LocalStripeLedger::tree)
                .filter(object -> type.equals(object.path("object").asText()))
                .filter(object -> value.equals(object.path("metadata").path(metadataKey).asText()));
    }

    synchronized Answer answer(String method, String path, Map<String, String> form) {
        touched.clear();
        Answer answer = act(method, path, form);
        // reads of the API change nothing; everything else (the test helpers' pages too) may have
        if (!(method.equals("GET") && path.startsWith("/v1/"))) {
            touched.forEach((id, object) -> objects.put(id, object.toString()));
            if (journal != null && !touched.isEmpty()) {
                journal.flush();
            }
        }
        touched.clear();
        return answer;
    }

    private Answer act(String method, String path, Map<String, String> form) {
        String route = route(method, path);
        requestCounts.merge(route, 1, Integer::sum);
        return switch (route) {
            case "POST /v1/payment_intents" -> createPaymentIntent(form);
            case "GET /v1/payment_intents/{id}" -> existing(path);
            case "POST /v1/payment_intents/{id}/capture" -> capture(id(path), form);
            case "POST /v1/payment_intents/{id}/cancel" -> cancel(id(path));
            case "POST /v1/refunds" -> refund(form);
            case "POST /v1/transfers" -> transfer(form);
            case "POST /v1/transfers/{id}/reversals" -> reverse(id(path), form);
            case "POST /v1/accounts" -> createAccount(form);
            case "GET /v1/accounts/{id}" -> existing(path);
            case "POST /v1/account_links" -> accountLink(form);
            case "GET /_local/onboard/{id}" -> completeOnboarding(id(path));
            case "POST /_local/payment_intents/{id}/expire" -> expire(id(path));
            case "POST /_local/disputes" -> openDispute(form);
            case "POST /_local/disputes/{id}/close" -> closeDispute(id(path), form);
            case "POST /_local/disputes/{id}/update" -> updateDispute(id(path), form);
            case "POST /_local/refunds/{id}/fail" -> failRefund(id(path), form);
            default -> Answer.error(404, "invalid_request_error", "resource_missing", "Unrecognized request URL ("
                    + method + ": " + path + ").");
        };
    }

    private Answer createPaymentIntent(Map<String, String> form) {
        String method = form.getOrDefault("payment_method", "");
        if (method.startsWith("pm_card_chargeDeclined")) {
            String reason = method.equals("pm_card_chargeDeclinedInsufficientFunds") ? "insufficient_funds"
                    : "generic_decline";
            return Answer.declined(reason);
        }
        if (!method.startsWith("pm_card_")) {
            return Answer.error(400, "invalid_request_error", "resource_missing", "No such PaymentMethod: '"
                    + method + "'");
        }
        ObjectNode intent = newObject("pi", "payment_intent");
        intent.put("amount", Long.parseLong(form.getOrDefault("amount", "0")));
        intent.put("amount_capturable", intent.get("amount").asLong());
        intent.put("amount_received", 0);
        intent.put("currency", form.getOrDefault("currency", "usd"));
        intent.put("capture_method", form.getOrDefault("capture_method", "automatic"));
        intent.put("payment_method", method);
        intent.put("transfer_group", form.get("transfer_group"));
        intent.put("latest_charge", "ch_" + intent.get("id").asText().substring(3));
        intent.put("status", "manual".equals(intent.get("capture_method").asText()) ? "requires_capture"
                : "succeeded");
        intent.set("metadata", metadata(form));
        return Answer.ok(intent);
    }

    private Answer capture(String id, Map<String, String> form) {
        ObjectNode intent = touch(id);
        if (intent == null) {
            return missing(id);
        }
        if (!"requires_capture".equals(intent.get("status").asText())) {
            return unexpectedState(intent, "captured");
        }
        long amount = Long.parseLong(form.getOrDefault("amount_to_capture", intent.get("amount").asText()));
        intent.put("amount_received", amount);
        intent.put("amount_capturable", 0);
        intent.put("status", "succeeded");
        ObjectNode balance = newObject("txn", "balance_transaction");
        balance.put("amount", amount);
        balance.put("currency", intent.get("currency").asText());
        balance.put("fee", fee(amount));
        balance.put("net", amount - fee(amount));
        ObjectNode charge = newObject("ch", "charge");
        charge.put("amount", amount);
        charge.put("currency", intent.get("currency").asText());
        charge.put("payment_intent", id);
        charge.put("balance_transaction", balance.get("id").asText());
        intent.put("latest_charge", charge.get("id").asText());
        if (form.containsValue("latest_charge.balance_transaction")) {
            ObjectNode expanded = intent.deepCopy();
            ObjectNode expandedCharge = charge.deepCopy();
            expandedCharge.set("balance_transaction", balance.deepCopy());
            expanded.set("latest_charge", expandedCharge);
            return Answer.ok(expanded);
        }
        return Answer.ok(intent);
    }

    private Answer cancel(String id) {
        ObjectNode intent = touch(id);
        if (intent == null) {
            return missing(id);
        }
        if ("succeeded".equals(intent.get("status").asText()) || "canceled".equals(intent.get("status").asText())) {
            return unexpectedState(intent, "canceled");
        }
        intent.put("status", "canceled");
        intent.put("amount_capturable", 0);
        return Answer.ok(intent);
    }

    /** Test helper: the authorisation ran out (Stripe cancels uncaptured payments after about seven days). */
    private Answer expire(String id) {
        ObjectNode intent = touch(id);
        if (intent == null) {
            return missing(id);
        }
        intent.put("status", "canceled");
        intent.put("cancellation_reason", "automatic");
        return Answer.ok(intent);
    }

    private Answer refund(Map<String, String> form) {
        ObjectNode intent = touch(form.getOrDefault("payment_intent", ""));
        if (intent == null) {
            return missing(form.get("payment_intent"));
        }
        if (!"succeeded".equals(intent.get("status").asText())) {
            return Answer.error(400, "invalid_request_error", "charge_not_captured",
                    "This PaymentIntent has not been captured; cancel it instead.");
        }
        long refundable = intent.get("amount_received").asLong() - intent.path("amount_refunded").asLong(0);
        long amount = Long.parseLong(form.getOrDefault("amount", Long.toString(refundable)));
        if (amount > refundable) {
            return Answer.error(400, "invalid_request_error", "amount_too_large", "Refund amount (" + amount
                    + ") is greater than unrefunded amount on charge (" + refundable + ")");
        }
        intent.put("amount_refunded", intent.path("amount_refunded").asLong(0) + amount);
        ObjectNode refund = newObject("re", "refund");
        refund.put("amount", amount);
        refund.put("currency", intent.get("currency").asText());
        refund.put("payment_intent", intent.get("id").asText());
        refund.put("status", "succeeded");
        refund.set("metadata", metadata(form));
        return Answer.ok(refund);
    }

    private Answer transfer(Map<String, String> form) {
        ObjectNode account = touch(form.getOrDefault("destination", ""));
        if (account == null) {
            return missing(form.get("destination"));
        }
        if (!account.get("payouts_enabled").asBoolean()) {
            return Answer.error(400, "invalid_request_error", "insufficient_capabilities_for_transfer",
                    "Your destination account needs to have at least one of the following capabilities enabled: "
                            + "transfers, crypto_transfers, legacy_payments");
        }
        ObjectNode transfer = newObject("tr", "transfer");
        transfer.put("amount", Long.parseLong(form.getOrDefault("amount", "0")));
        transfer.put("amount_reversed", 0);
        transfer.put("currency", form.getOrDefault("currency", "usd"));
        transfer.put("destination", account.get("id").asText());
        transfer.put("transfer_group", form.get("transfer_group"));
        transfer.put("reversed", false);
        transfer.set("metadata", metadata(form));
        return Answer.ok(transfer);
    }

    private Answer reverse(String transferId, Map<String, String> form) {
        ObjectNode transfer = touch(transferId);
        if (transfer == null) {
            return missing(transferId);
        }
        long reversible = transfer.get("amount").asLong() - transfer.get("amount_reversed").asLong();
        long amount = Long.parseLong(form.getOrDefault("amount", Long.toString(reversible)));
        if (amount > reversible) {
            return Answer.error(400, "invalid_request_error", "amount_too_large",
                    "Reversal amount exceeds what remains of the transfer (" + reversible + ")");
        }
        transfer.put("amount_reversed", transfer.get("amount_reversed").asLong() + amount);
        ObjectNode reversal = newObject("trr", "transfer_reversal");
        reversal.put("amount", amount);
        reversal.put("currency", transfer.get("currency").asText());
        reversal.put("transfer", transferId);
        return Answer.ok(reversal);
    }

    private Answer createAccount(Map<String, String> form) {
        ObjectNode account = newObject("acct", "account");
        account.put("type", form.getOrDefault("type", "express"));
        account.put("charges_enabled", false);
        account.put("payouts_enabled", false);
        account.put("details_submitted", false);
        account.set("metadata", metadata(form));
        return Answer.ok(account);
    }

    private Answer accountLink(Map<String, String> form) {
        String account = form.getOrDefault("account", "");
        if (!objects.contains(account) && !touched.containsKey(account)) {
            return missing(form.get("account"));
        }
        ObjectNode link = LocalStripe.JSON.createObjectNode();
        link.put("object", "account_link");
        link.put("created", now());
        link.put("expires_at", now() + 300);
        link.put("url", baseUrl + "/_local/onboard/" + form.get("account"));
        return Answer.ok(link);
    }

    /** What the seller finishing Stripe's onboarding pages amounts to; Stripe then sends account.updated. */
    private Answer completeOnboarding(String accountId) {
        ObjectNode account = touch(accountId);
        if (account == null) {
            return missing(accountId);
        }
        account.put("charges_enabled", true);
        account.put("payouts_enabled", true);
        account.put("details_submitted", true);
        webhooks.send("account.updated", account.deepCopy());
        return Answer.html("Onboarding of " + accountId + " is complete; you can close this page.");
    }

    /**
     * Test helper: the buyer's bank disputes the charge. As Stripe does, sends charge.dispute.created and
     * charge.dispute.funds_withdrawn: the disputed amount and the dispute fee ({@code fee}, default 1500 minor units,
     * Stripe's 15.00) leave the platform's balance, listed in the dispute's balance transactions.
     */
    private Answer openDispute(Map<String, String> form) {
        ObjectNode intent = touch(form.getOrDefault("payment_intent", ""));
        if (intent == null) {
            return missing(form.get("payment_intent"));
        }
        ObjectNode dispute = newObject("dp", "dispute");
        long amount = intent.get("amount_received").asLong();
        dispute.put("amount", amount);
        dispute.put("currency", intent.get("currency").asText());
        dispute.put("charge", intent.get("latest_charge").asText());
        dispute.put("payment_intent", intent.get("id").asText());
        dispute.put("reason", form.getOrDefault("reason", "fraudulent"));
        dispute.put("status", "needs_response");
        dispute.putArray("balance_transactions").add(disputeTransaction(dispute, -amount,
                Long.parseLong(form.getOrDefault("fee", "1500"))));
        webhooks.send("charge.dispute.created", dispute.deepCopy());
        webhooks.send("charge.dispute.funds_withdrawn", dispute.deepCopy());
        return Answer.ok(dispute);
    }

    /**
     * Test helper: a refund that succeeded cannot reach the buyer after all ({@code reason}, default
     * expired_or_canceled_card): its amount returns to the platform's balance. Sends charge.refund.updated and
     * refund.failed, as Stripe does depending on the API version.
     */
    private Answer failRefund(String id, Map<String, String> form) {
        ObjectNode refund = touch(id);
        if (refund == null || !"refund".equals(refund.path("object").asText())) {
            return missing(id);
        }
        if (!"failed".equals(refund.get("status").asText())) {
            ObjectNode intent = touch(refund.get("payment_intent").asText());
            intent.put("amount_refunded", intent.path("amount_refunded").asLong(0) - refund.get("amount").asLong());
            refund.put("status", "failed");
            refund.put("failure_reason", form.getOrDefault("reason", "expired_or_canceled_card"));
        }
        webhooks.send("charge.refund.updated", refund.deepCopy());
        webhooks.send("refund.failed", refund.deepCopy());
        return Answer.ok(refund);
    }

    /** Test helper: the dispute moves on ({@code status}, e.g. under_review); sends charge.dispute.updated. */
    private Answer updateDispute(String id, Map<String, String> form) {
        ObjectNode dispute = touch(id);
        if (dispute == null) {
            return missing(id);
        }
        dispute.put("status", form.getOrDefault("status", "under_review"));
        webhooks.send("charge.dispute.updated", dispute.deepCopy());
        return Answer.ok(dispute);
    }

    /**
     * Test helper: the bank decides ({@code status} won or lost). Won, the disputed amount comes back first (and the
     * fee, if {@code fee_returned} says so): charge.dispute.funds_reinstated, then charge.dispute.closed.
     */
    private Answer closeDispute(String id, Map<String, String> form) {
        ObjectNode dispute = touch(id);
        if (dispute == null) {
            return missing(id);
        }
        String status = form.getOrDefault("status", "won");
        dispute.put("status", status);
        if ("won".equals(status)) {
            ((ArrayNode) dispute.get("balance_transactions")).add(disputeTransaction(dispute,
                    dispute.get("amount").asLong(), -Long.parseLong(form.getOrDefault("fee_returned", "0"))));
            webhooks.send("charge.dispute.funds_reinstated", dispute.deepCopy());
        }
        webhooks.send("charge.dispute.closed", dispute.deepCopy());
        return Answer.ok(dispute);
    }

    private ObjectNode disputeTransaction(ObjectNode dispute, long amount, long fee) {
        ObjectNode balance = newObject("txn", "balance_transaction");
        balance.put("amount", amount);
        balance.put("currency", dispute.get("currency").asText());
        balance.put("fee", fee);
        balance.put("net", amount - fee);
        balance.put("reporting_category", "dispute");
        balance.put("source", dispute.get("id").asText());
        return balance;
    }

    /** The object with this id, noted as touched by the request (it may change and is then kept), or null. */
    private ObjectNode touch(String id) {
        ObjectNode object = touched.get(id);
        if (object == null && objects.contains(id)) {
            object = tree(objects.get(id));
            touched.put(id, object);
        }
        return object;
    }

    private static ObjectNode tree(String json) {
        try {
            return (ObjectNode) LocalStripe.JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Answer existing(String path) {
        String id = id(path);
        ObjectNode object = touch(id);
        return object == null ? missing(id) : Answer.ok(object);
    }

    /** The route of a request, its object ids replaced: "POST /v1/payment_intents/{id}/capture". */
    static String route(String method, String path) {
        return method + " " + path.replaceAll("/(pi|re|tr|trr|acct|dp|ch|txn)_\\w+", "/{id}");
    }

    private ObjectNode newObject(String prefix, String type) {
        ObjectNode object = LocalStripe.JSON.createObjectNode();
        String id = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        object.put("id", id);
        object.put("object", type);
        object.put("created", now());
        object.put("livemode", false);
        touched.put(id, object);
        return object;
    }

    private static ObjectNode metadata(Map<String, String> form) {
        ObjectNode metadata = LocalStripe.JSON.createObjectNode();
        form.forEach((name, value) -> {
            if (name.startsWith("metadata[") && name.endsWith("]")) {
                metadata.put(name.substring("metadata[".length(), name.length() - 1), value);
            }
        });
        return metadata;
    }

    private static String id(String path) {
        Matcher matcher = Pattern.compile("(pi|re|tr|trr|acct|dp|ch|txn)_\\w+").matcher(path);
        return matcher.find() ? matcher.group() : "";
    }

    /** Stripe's standard card pricing: 2.9 % (rounded) plus 30 minor units. */
    static long fee(long amount) {
        return (amount * 29 + 500) / 1000 + 30;
    }

    private static Answer missing(String id) {
        return Answer.error(404, "invalid_request_error", "resource_missing", "No such object: '" + id + "'");
    }

    private static Answer unexpectedState(ObjectNode intent, String action) {
        return Answer.error(400, "invalid_request_error", "payment_intent_unexpected_state",
                "This PaymentIntent could not be " + action + " because it has a status of "
                        + intent.get("status").asText() + ".");
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }

}
