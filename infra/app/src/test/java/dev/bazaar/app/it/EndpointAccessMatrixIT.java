package dev.bazaar.app.it;

import dev.bazaar.command.identity.MailSink;
import dev.bazaar.kernel.identity.UserId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import static dev.bazaar.app.it.EndpointAccessMatrixIT.Caller.ADMIN;
import static dev.bazaar.app.it.EndpointAccessMatrixIT.Caller.ANONYMOUS;
import static dev.bazaar.app.it.EndpointAccessMatrixIT.Caller.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint, called by every kind of caller: anonymous, a buyer, the seller who owns the listing (or the user
 * the path names), another seller, an admin, an auditor, a support agent and an analytics pipeline. Each cell
 * asserts 2xx, 401 or 403 with a request that is otherwise valid, so a refusal can only come from authorisation. An
 * endpoint that has no row fails {@link #every_endpoint_has_a_row_in_the_matrix}. Long because it is one table of
 * every endpoint; split, a missing row could hide between files.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndpointAccessMatrixIT extends OrderTestSupport {

    enum Caller { ANONYMOUS, BUYER, OWNER, OTHER_SELLER, ADMIN, AUDITOR, SUPPORT, ANALYTICS, API_KEY }

    /** HIDDEN: 404, for what the caller may not even know exists. */
    enum Outcome { OK, UNAUTHENTICATED, FORBIDDEN, HIDDEN }

    private record Row(String endpoint, Map<Caller, Outcome> expected, BiFunction<EndpointAccessMatrixIT, Caller,
            Api.Response> call) {
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping controllers;

    @Autowired
    MailSink mail;

    private final Map<Caller, Api> callers = new EnumMap<>(Caller.class);

    private UUID category;

    @BeforeAll
    void everyKindOfCaller() {
        connect();
        callers.put(ANONYMOUS, Api.at(port));
        callers.put(Caller.BUYER, aUser("buyer"));
        callers.put(OWNER, aSeller());
        callers.put(Caller.OTHER_SELLER, aSeller());
        callers.put(ADMIN, asAdmin(Api.at(port)));
        callers.put(Caller.AUDITOR, aUser("auditor"));
        callers.put(Caller.ANALYTICS, aUser("analytics"));
        callers.put(Caller.SUPPORT, aUser("support"));
        // a pipeline's key opens the event stream and nothing else
        String key = callers.get(ADMIN).post("/api/v1/admin/api-keys", Map.of("name", "matrix", "eventTypes",
                List.of("CategoryCreated", "ListingPublished"))).json().get("key").asText();
        callers.put(Caller.API_KEY, Api.at(port).with("X-Api-Key", key));
        category = aCategory("Matrix");
    }

    private static List<Row> matrix() {
        return List.of(
                // catalogue reads: public
                row("GET /api/v1/listings", everyone(), (t, c) -> t.api(c).get("/api/v1/listings")),
                row("GET /api/v1/listings/{id}", everyone(), (t, c) -> t.api(c).get(t.readableDraft())),
                row("GET /api/v1/categories", everyone(), (t, c) -> t.api(c).get("/api/v1/categories")),
                row("GET /api/v1/search/listings", everyone(), (t, c) -> t.api(c).get("/api/v1/search/listings?q=x")),
                // categories: admins only
                row("POST /api/v1/categories", only(ADMIN),
                        (t, c) -> t.api(c).post("/api/v1/categories", Map.of("name", "M " + UUID.randomUUID()))),
                row("POST /api/v1/categories/{id}/rename", only(ADMIN), (t, c) -> t.api(c)
                        .post("/api/v1/categories/" + t.freshCategory() + "/rename", Map.of("name", "Renamed"))),
                row("POST /api/v1/categories/{id}/move", only(ADMIN), (t, c) -> t.api(c)
                        .post("/api/v1/categories/" + t.freshCategory() + "/move", "{\"parentId\": null}")),
                row("POST /api/v1/categories/{id}/retire", only(ADMIN), (t, c) -> t.api(c)
                        .post("/api/v1/categories/" + t.freshCategory() + "/retire")),
                // listings: sellers create; the owning seller and admins change
                row("POST /api/v1/listings", only(OWNER, Caller.OTHER_SELLER),
                        (t, c) -> t.api(c).post("/api/v1/listings", aListing(t.category, "Matrix lamp", 100))),
                row("PUT /api/v1/listings/{id}", only(OWNER, ADMIN), (t, c) -> t.api(c).put("/api/v1/listings/"
                        + t.draft(), Map.of("title", "Renamed lamp", "description", "Still a lamp",
                        "categoryId", t.category, "attributes", Map.of("color", "blue"), "imageUrls", List.of()))),
                row("POST /api/v1/listings/{id}/price", only(OWNER, ADMIN), (t, c) -> t.api(c).post(
                        "/api/v1/listings/" + t.draft() + "/price",
                        Map.of("price", Map.of("amountMinor", 250, "currency", "EUR")))),
                row("POST /api/v1/listings/{id}/quantity", only(OWNER, ADMIN), (t, c) -> t.api(c).post(
                        "/api/v1/listings/" + t.draft() + "/quantity", Map.of("quantity", 7))),
                row("POST /api/v1/listings/{id}/publish", only(OWNER, ADMIN),
                        (t, c) -> t.api(c).post("/api/v1/listings/" + t.draft() + "/publish")),
                row("POST /api/v1/listings/{id}/pause", only(OWNER, ADMIN),
                        (t, c) -> t.api(c).post("/api/v1/listings/" + t.published() + "/pause")),
                row("POST /api/v1/listings/{id}/resume", only(OWNER, ADMIN),
                        (t, c) -> t.api(c).post("/api/v1/listings/" + t.paused() + "/resume")),
                row("POST /api/v1/listings/{id}/close", only(OWNER, ADMIN),
                        (t, c) -> t.api(c).post("/api/v1/listings/" + t.draft() + "/close")),
                // accounts
                row("POST /api/v1/users", everyone(), (t, c) -> t.api(c).post("/api/v1/users", Map.of(
                        "email", anEmail(), "password", PASSWORD, "displayName", "New", "role", "buyer"))),
                row("GET /api/v1/users/me", signedIn(), (t, c) -> t.api(c).get("/api/v1/users/me")),
                row("GET /api/v1/users/{id}", signedIn(),
                        (t, c) -> t.api(c).get("/api/v1/users/" + t.api(OWNER).userId())),
                row("POST /api/v1/users/{id}/password", only(OWNER), (t, c) -> t.onAFreshUser(c, "/password",
                        Map.of("currentPassword", PASSWORD, "newPassword", "another good password"))),
                row("POST /api/v1/users/{id}/verification", only(OWNER), (t, c) -> t.onAFreshUser(c, "/verification",
                        null)),
                row("PUT /api/v1/users/{id}/contact", only(OWNER), (t, c) -> {
                    Api target = t.freshUser();
                    Api who = c == OWNER ? target : t.api(c);
                    return who.put("/api/v1/users/" + target.userId() + "/contact",
                            Map.of("phone", "+44 20 7946 0000"));
                }),
                row("POST /api/v1/users/{id}/forget", only(OWNER, ADMIN), (t, c) -> t.onAFreshUser(c, "/forget", null)),
                row("POST /api/v1/users/{id}/suspend", only(ADMIN),
                        (t, c) -> t.onAFreshUser(c, "/suspend", Map.of("reason", "matrix"))),
                row("POST /api/v1/users/{id}/reinstate", only(ADMIN), (t, c) -> t.onAFreshUser(c, "/reinstate", null)),
                // organisations: OWNER founded the organisation (or, for accept, was invited to it)
                row("POST /api/v1/organisations", only(Caller.BUYER, OWNER, Caller.OTHER_SELLER),
                        (t, c) -> t.api(c).post("/api/v1/organisations", Map.of("name", "Matrix Ltd"))),
                row("POST /api/v1/organisations/{id}/invitations", only(OWNER, ADMIN), (t, c) -> t.api(c).post(
                        "/api/v1/organisations/" + t.organisation() + "/invitations",
                        Map.of("userId", UUID.randomUUID(), "role", "member"))),
                row("POST /api/v1/organisations/{id}/invitations/accept", only(OWNER), (t, c) -> t.api(c).post(
                        "/api/v1/organisations/" + t.organisationInviting(t.api(OWNER)) + "/invitations/accept")),
                row("PUT /api/v1/organisations/{id}/members/{userId}", only(OWNER, ADMIN), (t, c) -> {
                    var member = t.freshUser();
                    return t.api(c).put("/api/v1/organisations/" + t.organisationWith(member) + "/members/"
                            + member.userId(), Map.of("role", "manager"));
                }),
                row("DELETE /api/v1/organisations/{id}/members/{userId}", only(OWNER, ADMIN), (t, c) -> {
                    var member = t.freshUser();
                    return t.api(c).delete("/api/v1/organisations/" + t.organisationWith(member) + "/members/"
                            + member.userId());
                }),
                row("GET /api/v1/organisations/mine", signedIn(),
                        (t, c) -> t.api(c).get("/api/v1/organisations/mine")),
                row("GET /api/v1/organisations/{id}", visibleTo(OWNER, ADMIN, Caller.SUPPORT),
                        (t, c) -> t.api(c).get(t.readableOrganisation())),
                // the token lifecycle: public, the secret in the body is the proof
                row("POST /api/v1/auth/token", everyone(), (t, c) -> t.api(c).post("/api/v1/auth/token",
                        Map.of("email", t.freshEmail(), "password", PASSWORD))),
                row("POST /api/v1/auth/refresh", everyone(), (t, c) -> t.api(c).post("/api/v1/auth/refresh",
                        Map.of("refreshToken", t.freshRefreshToken()))),
                row("POST /api/v1/auth/logout", everyone(), (t, c) -> t.api(c).post("/api/v1/auth/logout",
                        Map.of("refreshToken", t.freshRefreshToken()))),
                row("POST /api/v1/auth/verify-email", everyone(), (t, c) -> t.api(c).post("/api/v1/auth/verify-email",
                        Map.of("token", t.mailedToken(t.freshUser().userId(), "Confirm your email address")))),
                row("POST /api/v1/auth/password-reset", everyone(), (t, c) -> t.api(c).post(
                        "/api/v1/auth/password-reset", Map.of("email", anEmail()))),
                row("POST /api/v1/auth/password-reset/confirm", everyone(), (t, c) -> t.api(c).post(
                        "/api/v1/auth/password-reset/confirm", Map.of("token", t.resetToken(),
                                "newPassword", "a reset password"))),
                row("GET /.well-known/jwks.json", everyone(), (t, c) -> t.api(c).get("/.well-known/jwks.json")),
                // orders: BUYER ordered from OWNER's listing; the aggregate checks the party of each step
                row("POST /api/v1/orders", only(Caller.BUYER), (t, c) -> t.api(c).post("/api/v1/orders", Map.of(
                        "listingId", t.published(), "quantity", 1, "paymentMethod", "pm_card_visa"))),
                row("POST /api/v1/orders/{id}/accept", only(OWNER, ADMIN),
                        (t, c) -> t.api(c).post("/api/v1/orders/" + t.orderAwaitingAcceptance() + "/accept")),
                row("POST /api/v1/orders/{id}/decline", only(OWNER, ADMIN), (t, c) -> t.api(c).post(
                        "/api/v1/orders/" + t.orderAwaitingAcceptance() + "/decline", Map.of("reason", "sold out"))),
                row("POST /api/v1/orders/{id}/cancel", only(Caller.BUYER, ADMIN),
                        (t, c) -> t.api(c).post("/api/v1/orders/" + t.orderAwaitingAcceptance() + "/cancel")),
                row("POST /api/v1/orders/{id}/ship", only(OWNER, ADMIN),
                        (t, c) -> t.api(c).post("/api/v1/orders/" + t.orderInEscrow() + "/ship")),
                row("POST /api/v1/orders/{id}/deliver", only(OWNER, ADMIN),
                        (t, c) -> t.api(c).post("/api/v1/orders/" + t.orderInEscrow() + "/deliver")),
                row("POST /api/v1/orders/{id}/fulfil", only(OWNER, ADMIN),
                        (t, c) -> t.api(c).post("/api/v1/orders/" + t.orderInEscrow() + "/fulfil")),
                row("POST /api/v1/orders/{id}/confirm", only(Caller.BUYER, ADMIN),
                        (t, c) -> t.api(c).post("/api/v1/orders/" + t.orderInEscrow() + "/confirm")),
                row("POST /api/v1/orders/{id}/refund", only(OWNER, ADMIN), (t, c) -> t.api(c).post(
                        "/api/v1/orders/" + t.orderInEscrow() + "/refund",
                        Map.of("amount", Map.of("amountMinor", 100, "currency", "EUR")))),
                row("POST /api/v1/orders/{id}/open-dispute", only(Caller.BUYER, ADMIN), (t, c) -> t.api(c).post(
                        "/api/v1/orders/" + t.orderInEscrow() + "/open-dispute", Map.of("reason", "broken"))),
                row("POST /api/v1/orders/{id}/resolve-dispute", only(ADMIN), (t, c) -> t.api(c).post(
                        "/api/v1/orders/" + t.disputedOrder() + "/resolve-dispute",
                        Map.of("refundToBuyer", Map.of("amountMinor", 0, "currency", "EUR")))),
                // refused by the security rules before any order is looked at: only the admin needs a real debt
                row("POST /api/v1/orders/{id}/recover-seller-debt", only(ADMIN), (t, c) -> t.api(c).post(
                        "/api/v1/orders/" + (c == ADMIN ? t.orderOwedBySeller() : UUID.randomUUID())
                                + "/recover-seller-debt")),
                row("POST /api/v1/orders/{id}/retry-payout", only(ADMIN), (t, c) -> t.api(c).post(
                        "/api/v1/orders/" + (c == ADMIN ? t.orderWithFailedPayout() : UUID.randomUUID())
                                + "/retry-payout")),
                row("GET /api/v1/orders/{id}", visibleTo(Caller.BUYER, OWNER, ADMIN, Caller.AUDITOR, Caller.SUPPORT),
                        (t, c) -> t.api(c).get(t.readableOrder(""))),
                row("GET /api/v1/orders/{id}/ledger", visibleTo(Caller.BUYER, OWNER, ADMIN, Caller.AUDITOR,
                        Caller.SUPPORT), (t, c) -> t.api(c).get(t.readableOrder("/ledger"))),
                row("GET /api/v1/orders", signedIn(), (t, c) -> t.api(c).get("/api/v1/orders?as=seller")),
                row("GET /api/v1/sellers/{id}/balance", visibleTo(OWNER, ADMIN, Caller.AUDITOR),
                        (t, c) -> t.api(c).get("/api/v1/sellers/" + t.api(OWNER).userId() + "/balance")),
                row("GET /api/v1/sellers/{id}/dashboard", visibleTo(OWNER, ADMIN, Caller.AUDITOR, Caller.SUPPORT),
                        (t, c) -> t.api(c).get("/api/v1/sellers/" + t.api(OWNER).userId() + "/dashboard")),
                row("POST /api/v1/payout-account", only(OWNER, Caller.OTHER_SELLER),
                        (t, c) -> t.api(c).post("/api/v1/payout-account")),
                row("GET /api/v1/payout-account", only(OWNER, Caller.OTHER_SELLER),
                        (t, c) -> t.api(c).get("/api/v1/payout-account")),
                row("GET /api/v1/ledger/invariants", only(ADMIN, Caller.AUDITOR),
                        (t, c) -> t.api(c).get("/api/v1/ledger/invariants")),
                // the payment provider proves itself with the webhook signature, not a token
                row("POST /api/v1/webhooks/stripe", everyone(), (t, c) -> {
                    String payload = "{\"id\":\"evt_" + UUID.randomUUID() + "\",\"type\":\"customer.created\","
                            + "\"data\":{\"object\":{}}}";
                    return t.api(c).with("Stripe-Signature", dev.bazaar.localstripe.WebhookSender.sign(payload,
                            java.time.Instant.now().getEpochSecond(), WEBHOOK_SECRET))
                            .post("/api/v1/webhooks/stripe", "application/json", payload);
                }),
                // operations: admins only
                row("GET /api/v1/audit/chain", only(ADMIN, Caller.AUDITOR),
                        (t, c) -> t.api(c).get("/api/v1/audit/chain")),
                row("GET /api/v1/audit/checkpoints", only(ADMIN, Caller.AUDITOR),
                        (t, c) -> t.api(c).get("/api/v1/audit/checkpoints?limit=5")),
                row("GET /api/v1/audit/aggregates/{type}/{id}/events", only(ADMIN, Caller.AUDITOR),
                        (t, c) -> t.api(c).get("/api/v1/audit/aggregates/category/" + t.category + "/events")),
                row("GET /api/v1/audit/aggregates/{type}/{id}/state", only(ADMIN, Caller.AUDITOR),
                        (t, c) -> t.api(c).get("/api/v1/audit/aggregates/category/" + t.category + "/state")),
                row("GET /api/v1/audit/events", only(ADMIN, Caller.AUDITOR),
                        (t, c) -> t.api(c).get("/api/v1/audit/events?type=CategoryCreated&limit=5")),
                row("GET /api/v1/audit/orders/{id}/money-trail", only(ADMIN, Caller.AUDITOR),
                        (t, c) -> t.api(c).get(t.readableOrder("/money-trail").replace("/api/v1/orders/",
                                "/api/v1/audit/orders/"))),
                row("GET /api/v1/audit/verify", only(ADMIN, Caller.AUDITOR),
                        (t, c) -> t.api(c).get("/api/v1/audit/verify")),
                row("GET /api/v1/events", only(ADMIN, Caller.AUDITOR, Caller.ANALYTICS, Caller.API_KEY),
                        (t, c) -> t.api(c).get("/api/v1/events?limit=5")),
                row("GET /api/v1/events/live", only(ADMIN, Caller.AUDITOR, Caller.ANALYTICS, Caller.API_KEY),
                        (t, c) -> t.api(c).get("/api/v1/events/live?after=" + Long.MAX_VALUE / 2)),
                row("GET /api/v1/events/schema", only(ADMIN, Caller.AUDITOR, Caller.ANALYTICS, Caller.API_KEY),
                        (t, c) -> t.api(c).get("/api/v1/events/schema")),
                row("GET /api/v1/events/types", only(ADMIN, Caller.AUDITOR, Caller.ANALYTICS, Caller.API_KEY),
                        (t, c) -> t.api(c).get("/api/v1/events/types")),
                row("GET /api/v1/admin/processors", only(ADMIN),
                        (t, c) -> t.api(c).get("/api/v1/admin/processors")),
                row("GET /api/v1/admin/processors/{name}/dead-letters", only(ADMIN),
                        (t, c) -> t.api(c).get("/api/v1/admin/processors/ledger/dead-letters")),
                row("POST /api/v1/admin/processors/{name}/dead-letters/retry", only(ADMIN),
                        (t, c) -> t.api(c).post("/api/v1/admin/processors/ledger/dead-letters/retry")),
                row("GET /api/v1/admin/orders/holding-funds", only(ADMIN),
                        (t, c) -> t.api(c).get("/api/v1/admin/orders/holding-funds")),
                row("POST /api/v1/admin/processors/{name}/rebuild", only(ADMIN),
                        (t, c) -> t.api(c).post("/api/v1/admin/processors/organisation-read-model/rebuild")),
                row("POST /api/v1/admin/api-keys", only(ADMIN), (t, c) -> t.api(c).post("/api/v1/admin/api-keys",
                        Map.of("name", "cell", "eventTypes", List.of("OrderPlaced")))),
                row("GET /api/v1/admin/api-keys", only(ADMIN), (t, c) -> t.api(c).get("/api/v1/admin/api-keys")),
                row("DELETE /api/v1/admin/api-keys/{id}", only(ADMIN), (t, c) -> t.api(c).delete(
                        "/api/v1/admin/api-keys/" + t.api(ADMIN).post("/api/v1/admin/api-keys", Map.of("name", "doomed",
                                "eventTypes", List.of("OrderPlaced"))).json().get("id").asText())),
                row("GET /api/v1/admin/projections", only(ADMIN),
                        (t, c) -> t.api(c).get("/api/v1/admin/projections")),
                row("GET /api/v1/admin/projections/{name}", only(ADMIN),
                        (t, c) -> t.api(c).get("/api/v1/admin/projections/listing-read-model")),
                row("POST /api/v1/admin/projections/{name}/rebuild", only(ADMIN),
                        (t, c) -> t.api(c).post("/api/v1/admin/projections/category-read-model/rebuild")),
                row("POST /api/v1/admin/keys/rewrap", only(ADMIN),
                        (t, c) -> t.api(c).post("/api/v1/admin/keys/rewrap")),
                row("POST /api/v1/admin/signing-keys/rotate", only(ADMIN),
                        (t, c) -> t.api(c).post("/api/v1/admin/signing-keys/rotate")),
                // served outside the controllers: listed so that their rules are tested too
                row("GET /actuator/health", everyone(), (t, c) -> t.api(c).get("/actuator/health")),
                row("GET /actuator/prometheus", only(ADMIN), (t, c) -> t.api(c).get("/actuator/prometheus")),
                row("GET /v3/api-docs", everyone(), (t, c) -> t.api(c).get("/v3/api-docs")));
    }

    @TestFactory
    Stream<DynamicTest> every_endpoint_answers_every_caller_as_the_matrix_says() {
        return matrix().stream().flatMap(row -> Arrays.stream(Caller.values()).map(caller -> DynamicTest.dynamicTest(
                row.endpoint() + " as " + caller + " is " + row.expected().get(caller), () -> {
                    var response = row.call().apply(this, caller);
                    switch (row.expected().get(caller)) {
                        case OK -> assertThat(response.status()).as(response.toString()).isBetween(200, 299);
                        case UNAUTHENTICATED -> assertThat(response.status()).as(response.toString()).isEqualTo(401);
                        case FORBIDDEN -> assertThat(response.status()).as(response.toString()).isEqualTo(403);
                        case HIDDEN -> assertThat(response.status()).as(response.toString()).isEqualTo(404);
                        default -> throw new IllegalStateException();
                    }
                    if (response.status() >= 400) {
                        assertThat(response.contentType()).startsWith("application/problem+json");
                    }
                })));
    }

    @Test
    void every_endpoint_has_a_row_in_the_matrix() {
        Set<String> served = new TreeSet<>();
        controllers.getHandlerMethods().forEach((mapping, handler) -> {
            if (!handler.getBeanType().getPackageName().startsWith("dev.bazaar")) {
                return;
            }
            for (var method : mapping.getMethodsCondition().getMethods()) {
                for (String pattern : mapping.getPatternValues()) {
                    served.add(method + " " + pattern);
                }
            }
        });
        Set<String> inMatrix = new TreeSet<>();
        matrix().forEach(row -> inMatrix.add(row.endpoint()));
        assertThat(served).as("endpoints without a row in EndpointAccessMatrixIT").isSubsetOf(inMatrix);
        assertThat(served).as("sanity: the controllers were found").hasSizeGreaterThan(30);
    }

    // ---- the matrix's vocabulary

    private static Row row(String endpoint, Map<Caller, Outcome> expected,
            BiFunction<EndpointAccessMatrixIT, Caller, Api.Response> call) {
        return new Row(endpoint, expected, call);
    }

    private static Map<Caller, Outcome> everyone() {
        var expected = new EnumMap<Caller, Outcome>(Caller.class);
        Arrays.stream(Caller.values()).forEach(caller -> expected.put(caller, Outcome.OK));
        expected.put(Caller.API_KEY, Outcome.UNAUTHENTICATED);
        return expected;
    }

    private static Map<Caller, Outcome> signedIn() {
        var expected = everyone();
        expected.put(ANONYMOUS, Outcome.UNAUTHENTICATED);
        return expected;
    }

    /** Signed-in callers not listed get 404, not 403: they may not learn that it exists. */
    private static Map<Caller, Outcome> visibleTo(Caller... allowed) {
        var expected = new EnumMap<Caller, Outcome>(Caller.class);
        Arrays.stream(Caller.values()).forEach(caller -> expected.put(caller, Outcome.HIDDEN));
        expected.put(ANONYMOUS, Outcome.UNAUTHENTICATED);
        expected.put(Caller.API_KEY, Outcome.UNAUTHENTICATED);
        Arrays.stream(allowed).forEach(caller -> expected.put(caller, Outcome.OK));
        return expected;
    }

    private static Map<Caller, Outcome> only(Caller... allowed) {
        var expected = new EnumMap<Caller, Outcome>(Caller.class);
        Arrays.stream(Caller.values()).forEach(caller -> expected.put(caller, Outcome.FORBIDDEN));
        expected.put(ANONYMOUS, Outcome.UNAUTHENTICATED);
        expected.put(Caller.API_KEY, Outcome.UNAUTHENTICATED);
        Arrays.stream(allowed).forEach(caller -> expected.put(caller, Outcome.OK));
        return expected;
    }

    // ---- fresh resources, so that one cell's call never changes what the next cell finds

    private Api api(Caller caller) {
        return callers.get(caller);
    }

    private UUID freshCategory() {
        var created = admin.post("/api/v1/categories", Map.of("name", "Matrix " + UUID.randomUUID()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.id();
    }

    private UUID draft() {
        var created = api(OWNER).post("/api/v1/listings", aListing(category, "Matrix lamp", 1000));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.id();
    }

    /** The path of a new draft, with the position the read model must reach before answering. */
    private String readableDraft() {
        var created = api(OWNER).post("/api/v1/listings", aListing(category, "Matrix lamp", 1000));
        return "/api/v1/listings/" + created.id() + "?consistentWith=" + created.position();
    }

    private UUID published() {
        UUID id = draft();
        assertThat(api(OWNER).post("/api/v1/listings/" + id + "/publish").status()).isEqualTo(200);
        return id;
    }

    private UUID paused() {
        UUID id = published();
        assertThat(api(OWNER).post("/api/v1/listings/" + id + "/pause").status()).isEqualTo(200);
        return id;
    }

    /** A new order of BUYER's from OWNER's listing, authorised and waiting for OWNER to accept it. */
    private UUID orderAwaitingAcceptance() {
        var placed = api(Caller.BUYER).post("/api/v1/orders", Map.of("listingId", published(), "quantity", 1,
                "paymentMethod", "pm_card_visa"));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        awaitOrder(placed.id(), "awaiting_acceptance");
        return placed.id();
    }

    private UUID orderInEscrow() {
        UUID order = orderAwaitingAcceptance();
        assertThat(api(OWNER).post("/api/v1/orders/" + order + "/accept").status()).isEqualTo(200);
        awaitOrder(order, "in_escrow");
        return order;
    }

    private UUID disputedOrder() {
        UUID order = orderInEscrow();
        assertThat(api(Caller.BUYER).post("/api/v1/orders/" + order + "/open-dispute", Map.of("reason", "broken"))
                .status()).isEqualTo(200);
        return order;
    }

    /** A completed order whose payout failed: its seller never opened a payout account. */
    private UUID orderWithFailedPayout() {
        UUID order = orderInEscrow();
        assertThat(api(Caller.BUYER).post("/api/v1/orders/" + order + "/confirm").status()).isEqualTo(200);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> events(order, "PayoutFailed") == 1);
        return order;
    }

    /** A paid-out order of a new seller's, on which the seller owes part of a refund. */
    private UUID orderOwedBySeller() {
        try {
            return anOrderTheSellerOwesOn(aSeller(), aUser("buyer"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The path of a new order (plus a suffix), with the position its read models must reach before answering. */
    private String readableOrder(String suffix) {
        var placed = api(Caller.BUYER).post("/api/v1/orders", Map.of("listingId", published(), "quantity", 1,
                "paymentMethod", "pm_card_visa"));
        return "/api/v1/orders/" + placed.id() + suffix + "?consistentWith=" + placed.position();
    }

    private void awaitOrder(UUID order, String status) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .pollInterval(java.time.Duration.ofMillis(50))
                .until(() -> status.equals(api(ADMIN).get("/api/v1/orders/" + order).json().path("status").asText()));
    }

    /** A new organisation founded by OWNER. */
    private UUID organisation() {
        var created = api(OWNER).post("/api/v1/organisations", Map.of("name", "Matrix Ltd"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.id();
    }

    private String readableOrganisation() {
        var created = api(OWNER).post("/api/v1/organisations", Map.of("name", "Matrix Ltd"));
        return "/api/v1/organisations/" + created.id() + "?consistentWith=" + created.position();
    }

    /** A new organisation, founded by someone else, that has invited the user. */
    private UUID organisationInviting(Api invitee) {
        var founder = freshUser();
        UUID id = founder.post("/api/v1/organisations", Map.of("name", "Inviting Ltd")).id();
        var invited = founder.post("/api/v1/organisations/" + id + "/invitations",
                Map.of("userId", invitee.userId(), "role", "member"));
        assertThat(invited.status()).as(invited.toString()).isEqualTo(200);
        return id;
    }

    /** A new organisation founded by OWNER, which the member has joined. */
    private UUID organisationWith(Api member) {
        UUID id = organisation();
        assertThat(api(OWNER).post("/api/v1/organisations/" + id + "/invitations",
                Map.of("userId", member.userId(), "role", "member")).status()).isEqualTo(200);
        assertThat(member.post("/api/v1/organisations/" + id + "/invitations/accept").status()).isEqualTo(200);
        return id;
    }

    private String freshEmail() {
        return anAccount("seller");
    }

    private Api freshUser() {
        return logIn(Api.at(port), freshEmail(), PASSWORD);
    }

    private String freshRefreshToken() {
        var login = Api.at(port).post("/api/v1/auth/token", Map.of("email", freshEmail(), "password", PASSWORD));
        return login.json().get("refreshToken").asText();
    }

    private String mailedToken(UUID user, String subject) {
        String body = mail.latest(new UserId(user), subject).orElseThrow().body();
        return body.substring(body.lastIndexOf(' ') + 1);
    }

    private String resetToken() {
        String email = freshEmail();
        var login = Api.at(port).post("/api/v1/auth/token", Map.of("email", email, "password", PASSWORD));
        UUID user = UUID.fromString(login.json().get("userId").asText());
        assertThat(Api.at(port).post("/api/v1/auth/password-reset", Map.of("email", email)).status()).isEqualTo(202);
        return mailedToken(user, "Reset your password");
    }

    /** Calls {@code /api/v1/users/{id}<action>} on a new user; as OWNER, that user is the caller. */
    private Api.Response onAFreshUser(Caller caller, String action, Object body) {
        Api target = freshUser();
        Api who = caller == OWNER ? target : api(caller);
        String path = "/api/v1/users/" + target.userId() + action;
        return body == null ? who.post(path) : who.post(path, body);
    }

}
