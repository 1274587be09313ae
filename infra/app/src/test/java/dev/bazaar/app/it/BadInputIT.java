package dev.bazaar.app.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input of every kind gets a 4xx problem+json naming what is wrong, and stores nothing. Long because it is one
 * table of cases, each checked the same way.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIT extends IntegrationTest {

    private Api seller;

    private Api otherSeller;

    private UUID category;

    private UUID draft;

    private UUID organisation;

    private Api buyer;

    private UUID forSale;

    private UUID paidOrder;

    @BeforeAll
    void aCategoryAndADraft() {
        anonymous = Api.at(port);
        admin = asAdmin(anonymous);
        seller = aSeller();
        otherSeller = aSeller();
        category = aCategory("Bad input");
        draft = seller.post("/api/v1/listings", aListing(category, "A draft", 100)).id();
        organisation = seller.post("/api/v1/organisations", Map.of("name", "Bad input Ltd")).id();
        buyer = aUser("buyer");
        forSale = seller.post("/api/v1/listings", aListing(category, "For sale", 1000)).id();
        assertThat(seller.post("/api/v1/listings/" + forSale + "/publish").status()).isEqualTo(200);
        paidOrder = buyer.post("/api/v1/orders", Map.of("listingId", forSale, "quantity", 1,
                "paymentMethod", "pm_card_visa")).id();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> seller.post(
                "/api/v1/orders/" + paidOrder + "/accept").status() == 200);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> "in_escrow".equals(
                buyer.get("/api/v1/orders/" + paidOrder).json().path("status").asText()));
    }

    private Map<String, Object> orderWith(String field, Object value) {
        var order = new java.util.HashMap<String, Object>(Map.of("listingId", forSale, "quantity", 1,
                "paymentMethod", "pm_card_visa"));
        if (value == null) {
            order.remove(field);
        }
        else {
            order.put(field, value);
        }
        return order;
    }

    record Case(String name, Function<BadInputIT, Api.Response> request, int status, String type, String field) {

        @Override
        public String toString() {
            return name;
        }

    }

    Stream<Case> cases() {
        return Stream.of(
                new Case("malformed JSON", t -> t.seller().post("/api/v1/listings", "{\"title\": "), 400,
                        "validation", "body"),
                new Case("a string where a number belongs",
                        t -> t.seller().post("/api/v1/listings", t.listingWith("quantity", "three")), 400,
                        "validation", "quantity"),
                new Case("a fraction where a whole number belongs",
                        t -> t.seller().post("/api/v1/listings", t.listingWith("quantity", 1.5)), 400,
                        "validation", "quantity"),
                new Case("an unknown field", t -> t.seller().post("/api/v1/listings", t.listingWith("colour", "red")),
                        400, "validation", "colour"),
                new Case("a body over the size limit",
                        t -> t.seller().post("/api/v1/listings", t.listingWith("description", "x".repeat(300_000))),
                        413, "payload-too-large", null),
                new Case("a chunked body over the size limit",
                        t -> t.seller().postChunked("/api/v1/listings", "{\"title\": \"" + "x".repeat(300_000) + "\"}"),
                        413, "payload-too-large", null),
                new Case("a chunked body over the size limit, with an idempotency key",
                        t -> t.seller().with("Idempotency-Key", "big-" + UUID.randomUUID())
                                .postChunked("/api/v1/listings", "{\"title\": \"" + "x".repeat(300_000) + "\"}"),
                        413, "payload-too-large", null),
                new Case("a title too short", t -> t.seller().post("/api/v1/listings", t.listingWith("title", "ab")),
                        400, "validation", "title"),
                new Case("a negative price",
                        t -> t.seller().post("/api/v1/listings",
                                t.listingWith("price", Map.of("amountMinor", -5, "currency", "EUR"))),
                        400, "validation", "price.amountMinor"),
                new Case("a currency that is not ISO 4217",
                        t -> t.seller().post("/api/v1/listings",
                                t.listingWith("price", Map.of("amountMinor", 5, "currency", "EURO"))),
                        400, "validation", "price.currency"),
                new Case("a category id that is not a UUID",
                        t -> t.seller().post("/api/v1/listings", t.listingWith("categoryId", "lamps")), 400,
                        "validation", "categoryId"),
                new Case("an unknown category",
                        t -> t.seller().post("/api/v1/listings", t.listingWith("categoryId", UUID.randomUUID())), 422,
                        "category-unavailable", null),
                new Case("an attribute the category does not define",
                        t -> t.seller().post("/api/v1/listings",
                                t.listingWith("attributes", Map.of("color", "red", "shape", "round"))),
                        422, "validation", "attributes.shape"),
                new Case("more than 20 images",
                        t -> t.seller().post("/api/v1/listings",
                                t.listingWith("imageUrls", Collections.nCopies(21, "https://img.example/a.jpg"))),
                        400, "validation", "imageUrls"),
                new Case("a path id that is not a UUID", t -> t.seller().post("/api/v1/listings/not-a-uuid/publish"),
                        400, "validation", "id"),
                new Case("an unknown listing",
                        t -> t.seller().post("/api/v1/listings/" + UUID.randomUUID() + "/publish"), 404,
                        "not-found", null),
                new Case("pausing a draft", t -> t.seller().post("/api/v1/listings/" + t.draft + "/pause"), 409,
                        "listing-transition", null),
                new Case("another seller's listing",
                        t -> t.otherSeller.post("/api/v1/listings/" + t.draft + "/close"), 403, "not-permitted", null),
                new Case("no acting user", t -> t.anonymous.post("/api/v1/listings/" + t.draft + "/close"), 401,
                        "unauthenticated", null),
                new Case("a bearer token that is not a JWT",
                        t -> t.anonymous.with("Authorization", "Bearer not-a-token")
                                .post("/api/v1/listings/" + t.draft + "/close"),
                        401, "invalid-token", null),
                new Case("a JWT signed by someone else",
                        t -> t.anonymous.with("Authorization", "Bearer " + ForeignToken.signedByAStranger(
                                t.seller.userId())).post("/api/v1/listings/" + t.draft + "/close"),
                        401, "invalid-token", null),
                new Case("a phone number that is not one",
                        t -> t.seller().put("/api/v1/users/" + t.seller.userId() + "/contact",
                                Map.of("phone", "call me maybe")), 400, "validation", "phone"),
                new Case("an address without a city",
                        t -> t.seller().put("/api/v1/users/" + t.seller.userId() + "/contact", Map.of("address",
                                Map.of("line1", "1 Main St", "postalCode", "12345", "country", "US"))),
                        400, "validation", "address.city"),
                new Case("a password shorter than twelve characters",
                        t -> t.anonymous.post("/api/v1/users", Map.of("email", "short@test.bazaar.dev",
                                "password", "too short", "displayName", "Shorty", "role", "buyer")),
                        400, "validation", "password"),
                new Case("a role nobody may register as",
                        t -> t.anonymous.post("/api/v1/users", Map.of("email", "emperor@test.bazaar.dev",
                                "password", "long enough password", "displayName", "Emperor", "role", "emperor")),
                        400, "validation", "role"),
                new Case("staff registering themselves",
                        t -> t.anonymous.post("/api/v1/users", Map.of("email", "sneaky@test.bazaar.dev",
                                "password", "long enough password", "displayName", "Sneaky", "role", "admin")),
                        403, "not-permitted", null),
                new Case("an email that is not one",
                        t -> t.anonymous.post("/api/v1/users", Map.of("email", "not-an-email",
                                "password", "long enough password", "displayName", "X", "role", "buyer")),
                        400, "validation", "email"),
                new Case("logging in with an unknown field",
                        t -> t.anonymous.post("/api/v1/auth/token", Map.of("email", "a@b.c", "password", "x",
                                "remember", true)), 400, "validation", "remember"),
                new Case("a seller creating a category",
                        t -> t.seller().post("/api/v1/categories", Map.of("name", "Mine")), 403, "not-permitted", null),
                new Case("a category without a name", t -> t.admin.post("/api/v1/categories", Map.of("name", "")), 400,
                        "validation", "name"),
                new Case("an unknown attribute type",
                        t -> t.admin.post("/api/v1/categories", Map.of("name", "X",
                                "attributes", List.of(Map.of("name", "a", "type", "COLOUR", "required", true)))),
                        400, "validation", "attributes[0].type"),
                new Case("renaming a category to nothing",
                        t -> t.admin.post("/api/v1/categories/" + t.category + "/rename", Map.of("name", " ")), 400,
                        "validation", "name"),
                new Case("renaming an unknown category",
                        t -> t.admin.post("/api/v1/categories/" + UUID.randomUUID() + "/rename", Map.of("name", "X")),
                        404, "not-found", null),
                new Case("moving a category under an unknown parent",
                        t -> t.admin.post("/api/v1/categories/" + t.category + "/move",
                                Map.of("parentId", UUID.randomUUID())),
                        422, "category-unavailable", null),
                new Case("moving a category under itself",
                        t -> t.admin.post("/api/v1/categories/" + t.category + "/move", Map.of("parentId", t.category)),
                        409, "category-cycle", null),
                new Case("a seller retiring a category",
                        t -> t.seller().post("/api/v1/categories/" + t.category + "/retire"), 403, "not-permitted",
                        null),
                new Case("a negative quantity",
                        t -> t.seller().post("/api/v1/listings/" + t.draft + "/quantity", Map.of("quantity", -1)), 400,
                        "validation", "quantity"),
                new Case("new details without a category",
                        t -> t.seller().put("/api/v1/listings/" + t.draft, Map.of("title", "A better lamp")), 400,
                        "validation", "categoryId"),
                new Case("an unsupported media type",
                        t -> t.seller().post("/api/v1/listings/" + t.draft + "/price", "text/plain", "cheap"),
                        415, "unsupported-media-type", null),
                new Case("a negative page", t -> t.anonymous.get("/api/v1/listings?page=-1"), 400, "validation",
                        "page"),
                new Case("a page size over 100", t -> t.anonymous.get("/api/v1/listings?size=1000"), 400, "validation",
                        "size"),
                new Case("an unknown status", t -> t.anonymous.get("/api/v1/listings?status=SOLD_OUT"), 400,
                        "validation", "status"),
                new Case("a position that is not a number", t -> t.anonymous.get("/api/v1/listings?consistentWith=abc"),
                        400, "validation", "consistentWith"),
                new Case("a negative position for the orders holding funds",
                        t -> t.admin.get("/api/v1/admin/orders/holding-funds?consistentWith=-1"), 400, "validation",
                        "consistentWith"),
                new Case("a seller filter that is not a UUID", t -> t.anonymous.get("/api/v1/listings?seller=me"), 400,
                        "validation", "seller"),
                new Case("a search price that is negative", t -> t.anonymous.get("/api/v1/search/listings?minPrice=-1"),
                        400, "validation", "minPrice"),
                new Case("reading an unknown listing",
                        t -> t.anonymous.get("/api/v1/listings/" + UUID.randomUUID()), 404,
                        "not-found", null),
                new Case("an organisation without a name",
                        t -> t.seller().post("/api/v1/organisations", Map.of("name", " ")), 400, "validation", "name"),
                new Case("an invitation with a role organisations do not have",
                        t -> t.seller().post("/api/v1/organisations/" + t.organisation + "/invitations",
                                Map.of("userId", t.otherSeller.userId(), "role", "emperor")), 400, "validation",
                        "role"),
                new Case("an invitation naming no user",
                        t -> t.seller().post("/api/v1/organisations/" + t.organisation + "/invitations",
                                Map.of("role", "member")), 400, "validation", "userId"),
                new Case("an invitation to an unknown organisation",
                        t -> t.seller().post("/api/v1/organisations/" + UUID.randomUUID() + "/invitations",
                                Map.of("userId", t.otherSeller.userId(), "role", "member")), 404, "not-found", null),
                new Case("an outsider inviting into an organisation",
                        t -> t.otherSeller.post("/api/v1/organisations/" + t.organisation + "/invitations",
                                Map.of("userId", t.otherSeller.userId(), "role", "owner")), 403, "not-permitted", null),
                new Case("the last owner leaving",
                        t -> t.seller().delete("/api/v1/organisations/" + t.organisation + "/members/"
                                + t.seller.userId()), 409, "membership-conflict", null),
                new Case("a listing for an organisation the seller is not in",
                        t -> t.otherSeller.post("/api/v1/listings", t.listingWith("organisationId", t.organisation)),
                        403, "not-permitted", null),
                new Case("a refresh token nobody issued",
                        t -> t.anonymous.post("/api/v1/auth/refresh", Map.of("refreshToken", "made-up")), 401,
                        "invalid-token", null),
                new Case("a refresh without a token",
                        t -> t.anonymous.post("/api/v1/auth/refresh", Map.of()), 400, "validation", "refreshToken"),
                new Case("a verification token nobody issued",
                        t -> t.anonymous.post("/api/v1/auth/verify-email", Map.of("token", "made-up")), 400,
                        "invalid-token", null),
                new Case("a password reset with a weak new password",
                        t -> t.anonymous.post("/api/v1/auth/password-reset/confirm",
                                Map.of("token", "made-up", "newPassword", "short")), 400, "validation",
                        "newPassword"),
                new Case("a suspension without a reason",
                        t -> t.admin.post("/api/v1/users/" + t.otherSeller.userId() + "/suspend", Map.of()), 400,
                        "validation", "reason"),
                new Case("suspending an unknown user",
                        t -> t.admin.post("/api/v1/users/" + UUID.randomUUID() + "/suspend",
                                Map.of("reason", "who?")), 404, "not-found", null),
                // orders
                new Case("an order without a payment method",
                        t -> t.buyer.post("/api/v1/orders", t.orderWith("paymentMethod", null)), 400, "validation",
                        "paymentMethod"),
                new Case("an order of no units", t -> t.buyer.post("/api/v1/orders", t.orderWith("quantity", 0)), 400,
                        "validation", "quantity"),
                new Case("negative shipping", t -> t.buyer.post("/api/v1/orders", t.orderWith("shipping",
                        Map.of("amountMinor", -1, "currency", "EUR"))), 400, "validation", "shipping.amountMinor"),
                new Case("shipping in another currency than the listing's", t -> t.buyer.post("/api/v1/orders",
                        t.orderWith("shipping", Map.of("amountMinor", 100, "currency", "USD"))), 422, "validation",
                        "shipping.currency"),
                new Case("an order for a listing that does not exist", t -> t.buyer.post("/api/v1/orders",
                        t.orderWith("listingId", UUID.randomUUID())), 404, "not-found", null),
                new Case("an order for more units than are left", t -> t.buyer.post("/api/v1/orders",
                        t.orderWith("quantity", 50)), 409, "out-of-stock", null),
                new Case("an order for a draft", t -> t.buyer.post("/api/v1/orders", t.orderWith("listingId", t.draft)),
                        409, "listing-not-for-sale", null),
                new Case("a refund of more than was paid", t -> t.seller().post("/api/v1/orders/" + t.paidOrder
                        + "/refund", Map.of("amount", Map.of("amountMinor", 1001, "currency", "EUR"))), 422,
                        "refund-not-possible", null),
                new Case("a refund in another currency", t -> t.seller().post("/api/v1/orders/" + t.paidOrder
                        + "/refund", Map.of("amount", Map.of("amountMinor", 10, "currency", "USD"))), 422,
                        "refund-not-possible", null),
                new Case("a negative refund", t -> t.seller().post("/api/v1/orders/" + t.paidOrder + "/refund",
                        Map.of("amount", Map.of("amountMinor", -10, "currency", "EUR"))), 400, "validation",
                        "amount.amountMinor"),
                new Case("accepting an order twice", t -> t.seller().post("/api/v1/orders/" + t.paidOrder
                        + "/accept"), 409, "order-transition", null),
                new Case("resolving a dispute nobody opened", t -> t.admin.post("/api/v1/orders/" + t.paidOrder
                        + "/resolve-dispute", Map.of("refundToBuyer", Map.of("amountMinor", 0, "currency", "EUR"))),
                        409, "order-transition", null),
                new Case("retrying a payout that never failed", t -> t.admin.post("/api/v1/orders/" + t.paidOrder
                        + "/retry-payout"), 409, "no-failed-payout", null),
                new Case("recovering a seller's debt on an order where nothing is owed", t -> t.admin.post(
                        "/api/v1/orders/" + t.paidOrder + "/recover-seller-debt"), 409, "nothing-owed", null),
                new Case("an order id that is not a UUID", t -> t.buyer.post("/api/v1/orders/42/confirm"), 400,
                        "validation", "id"),
                new Case("an unknown order status filter", t -> t.buyer.get("/api/v1/orders?status=LOST"), 400,
                        "validation", "status"),
                new Case("orders seen as neither buyer nor seller", t -> t.buyer.get("/api/v1/orders?as=owner"), 400,
                        "validation", null),
                new Case("a webhook without a signature", t -> t.anonymous.post("/api/v1/webhooks/stripe",
                        "application/json", "{\"id\":\"evt_1\",\"type\":\"x\"}"), 400, "webhook-signature", null),
                new Case("a page of no checkpoints", t -> t.admin.get("/api/v1/audit/checkpoints?limit=0"), 400,
                        "validation", "limit"),
                new Case("a checkpoint position that is not a number",
                        t -> t.admin.get("/api/v1/audit/checkpoints?after=first"), 400, "validation", "after"),
                new Case("an event type the catalogue does not have",
                        t -> t.admin.get("/api/v1/events?types=OrderPlaced,OrderTeleported"), 400, "validation",
                        "types"),
                new Case("a stream position below zero", t -> t.admin.get("/api/v1/events?after=-1"), 400,
                        "validation", "after"),
                new Case("a stream page over the largest", t -> t.admin.get("/api/v1/events?limit=10001"), 400,
                        "validation", "limit"),
                new Case("an unknown stream format", t -> t.admin.get("/api/v1/events?format=xml"), 400,
                        "validation", "format"),
                new Case("history of an aggregate type that does not exist",
                        t -> t.admin.get("/api/v1/audit/aggregates/invoice/42/events"), 400, "validation", "type"),
                new Case("an aggregate's state at a version below zero",
                        t -> t.admin.get("/api/v1/audit/aggregates/listing/" + t.draft + "/state?version=-1"), 400,
                        "validation", "version"),
                new Case("an aggregate's state as of a time that is not one",
                        t -> t.admin.get("/api/v1/audit/aggregates/listing/" + t.draft + "/state?asOf=noon"), 400,
                        "validation", "asOf"),
                new Case("an aggregate's state at a version and a time at once",
                        t -> t.admin.get("/api/v1/audit/aggregates/listing/" + t.draft
                                + "/state?version=0&asOf=2030-01-01T00:00:00Z"), 400, "validation", "asOf"),
                new Case("a history search from a time that is not one",
                        t -> t.admin.get("/api/v1/audit/events?from=yesterday"), 400, "validation", "from"),
                new Case("a history search by an actor id with a quote",
                        t -> t.admin.get("/api/v1/audit/events?actorId=x'y"), 400, "validation", "actorId"),
                new Case("a live stream resumed from an event id that is not a position",
                        t -> t.admin.get("/api/v1/events/live", Map.of("Last-Event-ID", "last")), 400, "validation",
                        null),
                new Case("a stream filtered by an aggregate type in lower case",
                        t -> t.admin.get("/api/v1/events?aggregateType=order"), 400, "validation", "aggregateType"),
                new Case("a money trail for an order id that is not a UUID",
                        t -> t.admin.get("/api/v1/audit/orders/42/money-trail"), 400, "validation", "id"),
                new Case("the history of an aggregate id with characters ids never have",
                        t -> t.admin.get("/api/v1/audit/aggregates/user/a_b/events"), 400, "validation", "id"),
                new Case("dead letters of a processor that does not exist",
                        t -> t.admin.get("/api/v1/admin/processors/no-such-processor/dead-letters"), 404, "not-found",
                        null),
                new Case("dead letters of a processor name with characters names never have",
                        t -> t.admin.get("/api/v1/admin/processors/Ledger_1/dead-letters"), 400, "validation",
                        "name"),
                new Case("a page of dead letters over the largest",
                        t -> t.admin.get("/api/v1/admin/processors/ledger/dead-letters?limit=501"), 400,
                        "validation", "limit"),
                new Case("an API key for an event type the catalogue does not have",
                        t -> t.admin.post("/api/v1/admin/api-keys", Map.of("name", "bad", "eventTypes",
                                List.of("OrderTeleported"))), 400, "validation", "eventTypes"),
                new Case("an API key for no event types",
                        t -> t.admin.post("/api/v1/admin/api-keys", Map.of("name", "bad", "eventTypes", List.of())),
                        400, "validation", "eventTypes"),
                new Case("an API key without a name",
                        t -> t.admin.post("/api/v1/admin/api-keys", Map.of("eventTypes", List.of("OrderPlaced"))),
                        400, "validation", "name"),
                new Case("revoking an API key that does not exist",
                        t -> t.admin.delete("/api/v1/admin/api-keys/" + UUID.randomUUID()), 404, "not-found", null),
                new Case("revoking an API key by an id that is not a UUID",
                        t -> t.admin.delete("/api/v1/admin/api-keys/42"), 400, "validation", "id"),
                new Case("an unknown path", t -> t.anonymous.get("/api/v1/nothing-here"), 404, "not-found", null),
                new Case("an admin endpoint for a seller", t -> t.seller().get("/api/v1/admin/projections"), 403,
                        "not-permitted", null),
                new Case("an empty idempotency key",
                        t -> t.seller().with("Idempotency-Key", " ").post("/api/v1/listings/" + t.draft + "/publish"),
                        400, "validation", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void bad_input_is_refused_with_a_problem_and_changes_nothing(Case badInput) {
        long eventsBefore = storedEvents();

        Api.Response response = badInput.request().apply(this);

        assertThat(response.status()).as(response.toString()).isEqualTo(badInput.status());
        assertThat(response.contentType()).startsWith("application/problem+json");
        var problem = response.json();
        assertThat(problem.get("type").asText()).isEqualTo("https://bazaar.dev/problems/" + badInput.type());
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("status").asInt()).isEqualTo(badInput.status());
        assertThat(problem.has("detail")).isTrue();
        assertThat(problem.get("errors").isArray()).isTrue();
        if (badInput.field() != null) {
            assertThat(problem.get("errors").findValuesAsText("field")).contains(badInput.field());
        }
        assertThat(response.body()).doesNotContain("Exception", "at dev.bazaar", "SELECT ", "org.");
        assertThat(storedEvents()).as("no event stored").isEqualTo(eventsBefore);
    }

    private Api seller() {
        return seller.on(port);
    }

    private Map<String, Object> listingWith(String field, Object value) {
        var listing = new java.util.HashMap<>(aListing(category, "A good lamp", 100));
        listing.put(field, value);
        return listing;
    }

}
