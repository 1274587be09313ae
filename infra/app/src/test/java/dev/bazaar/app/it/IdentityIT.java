package dev.bazaar.app.it;

import dev.bazaar.command.identity.AccountDirectory;
import dev.bazaar.command.identity.MailSink;
import dev.bazaar.app.security.AccessTokens;
import dev.bazaar.kernel.identity.UserId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accounts and the token lifecycle, over HTTP against the real PostgreSQL and Redis. Long because the lifecycle has
 * that many steps, each a scenario of its own.
 */
class IdentityIT extends IntegrationTest {

    @Autowired
    AccessTokens accessTokens;

    @Autowired
    AccountDirectory accounts;

    @Autowired
    MailSink mail;

    private Api.Response register(String email, String role) {
        return anonymous.post("/api/v1/users", Map.of("email", email, "password", PASSWORD,
                "displayName", "Ada Lovelace", "role", role));
    }

    private Api.Response logInAs(String email, String password) {
        return anonymous.post("/api/v1/auth/token", Map.of("email", email, "password", password));
    }

    private Api withToken(Api.Response login) {
        return Api.at(port).bearer(login.json().get("accessToken").asText(),
                UUID.fromString(login.json().get("userId").asText()));
    }

    @Test
    void two_concurrent_registrations_of_one_email_have_exactly_one_winner() throws Exception {
        String email = anEmail();
        int racers = 8;
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(racers);
        var answers = new ArrayList<Future<Api.Response>>();
        for (int i = 0; i < racers; i++) {
            // the same address, spelled differently: the claim is on the normalised address
            String spelling = i % 2 == 0 ? email : email.toUpperCase();
            answers.add(pool.submit((Callable<Api.Response>) () -> {
                start.await();
                return Api.at(port).post("/api/v1/users", Map.of("email", spelling, "password", PASSWORD,
                        "displayName", "Racer", "role", "buyer"));
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (var answer : answers) {
            var response = answer.get();
            statuses.add(response.status());
            if (response.status() == 409) {
                assertThat(response.json().get("type").asText()).endsWith("/email-taken");
            }
        }
        pool.shutdown();
        assertThat(statuses).as(statuses.toString()).containsOnlyOnce(201).containsOnly(201, 409);
        assertThat(logInAs(email, PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void an_access_token_is_an_es256_jwt_whose_key_is_published() throws Exception {
        var login = logInAs(registeredEmail("seller"), PASSWORD);
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().get("expiresIn").asLong()).isEqualTo(900);
        assertThat(login.json().get("refreshExpiresIn").asLong()).isEqualTo(7 * 24 * 3600);
        String header = new String(Base64.getUrlDecoder().decode(
                login.json().get("accessToken").asText().split("\\.")[0]));
        var jwks = anonymous.get("/.well-known/jwks.json");
        assertThat(jwks.status()).isEqualTo(200);
        String kid = new com.fasterxml.jackson.databind.ObjectMapper().readTree(header).get("kid").asText();
        assertThat(header).contains("\"alg\":\"ES256\"");
        assertThat(jwks.json().get("keys").findValuesAsText("kid")).contains(kid);
        assertThat(jwks.body()).doesNotContain("\"d\"");
    }

    @Test
    void an_expired_access_token_is_refused() {
        var seller = aSeller();
        var account = accounts.find(new UserId(seller.userId())).orElseThrow();
        String expired = accessTokens.issue(account, Instant.now().minus(Duration.ofMinutes(20)));
        var refused = Api.at(port).bearer(expired, seller.userId()).get("/api/v1/users/me");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asText()).endsWith("/invalid-token");
        assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(seller.get("/api/v1/users/me").status()).as("a fresh token works").isEqualTo(200);
    }

    @Test
    void a_refresh_token_works_once_and_its_reuse_revokes_the_whole_family() {
        var login = logInAs(registeredEmail("buyer"), PASSWORD);
        String first = login.json().get("refreshToken").asText();

        var rotated = anonymous.post("/api/v1/auth/refresh", Map.of("refreshToken", first));
        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        String second = rotated.json().get("refreshToken").asText();
        assertThat(second).isNotEqualTo(first);
        assertThat(withToken(rotated).get("/api/v1/users/me").status()).isEqualTo(200);

        var replayed = anonymous.post("/api/v1/auth/refresh", Map.of("refreshToken", first));
        assertThat(replayed.status()).as("a used token is refused").isEqualTo(401);
        var afterTheft = anonymous.post("/api/v1/auth/refresh", Map.of("refreshToken", second));
        assertThat(afterTheft.status()).as("reuse revoked the family, the newest token too").isEqualTo(401);
    }

    @Test
    void logging_out_ends_the_refresh_family() {
        var login = logInAs(registeredEmail("buyer"), PASSWORD);
        String refresh = login.json().get("refreshToken").asText();
        assertThat(anonymous.post("/api/v1/auth/logout", Map.of("refreshToken", refresh)).status()).isEqualTo(204);
        assertThat(anonymous.post("/api/v1/auth/refresh", Map.of("refreshToken", refresh)).status()).isEqualTo(401);
    }

    @Test
    void a_suspended_users_tokens_stop_working_at_once_and_reinstating_needs_a_new_login() {
        String email = registeredEmail("seller");
        var login = logInAs(email, PASSWORD);
        var seller = withToken(login);
        assertThat(seller.get("/api/v1/users/me").status()).isEqualTo(200);

        var suspended = admin.post("/api/v1/users/" + seller.userId() + "/suspend", Map.of("reason", "fraud review"));
        assertThat(suspended.status()).as(suspended.toString()).isEqualTo(200);
        assertThat(seller.get("/api/v1/users/me").status()).as("the very next request").isEqualTo(401);
        assertThat(anonymous.post("/api/v1/auth/refresh",
                Map.of("refreshToken", login.json().get("refreshToken").asText())).status()).isEqualTo(401);
        var refusedLogin = logInAs(email, PASSWORD);
        assertThat(refusedLogin.status()).isEqualTo(401);
        assertThat(refusedLogin.json().get("type").asText()).endsWith("/account-unavailable");

        assertThat(admin.post("/api/v1/users/" + seller.userId() + "/reinstate").status()).isEqualTo(200);
        assertThat(seller.get("/api/v1/users/me").status()).as("old tokens stay dead").isEqualTo(401);
        assertThat(withToken(logInAs(email, PASSWORD)).get("/api/v1/users/me").status()).isEqualTo(200);
    }

    @Test
    void changing_the_password_ends_every_session() {
        String email = registeredEmail("buyer");
        var login = logInAs(email, PASSWORD);
        var buyer = withToken(login);
        var wrong = buyer.post("/api/v1/users/" + buyer.userId() + "/password",
                Map.of("currentPassword", "not the password", "newPassword", "a brand new password"));
        assertThat(wrong.status()).isEqualTo(403);
        var changed = buyer.post("/api/v1/users/" + buyer.userId() + "/password",
                Map.of("currentPassword", PASSWORD, "newPassword", "a brand new password"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);

        assertThat(anonymous.post("/api/v1/auth/refresh",
                Map.of("refreshToken", login.json().get("refreshToken").asText())).status()).isEqualTo(401);
        assertThat(logInAs(email, PASSWORD).status()).isEqualTo(401);
        assertThat(logInAs(email, "a brand new password").status()).isEqualTo(200);
    }

    @Test
    void a_forgotten_password_is_reset_with_a_mailed_token_that_works_once() {
        String email = registeredEmail("buyer");
        UUID user = UUID.fromString(logInAs(email, PASSWORD).json().get("userId").asText());
        var requested = anonymous.post("/api/v1/auth/password-reset", Map.of("email", email));
        assertThat(requested.status()).isEqualTo(202);
        var unknown = anonymous.post("/api/v1/auth/password-reset", Map.of("email", anEmail()));
        assertThat(unknown.status()).as("the same answer for an unknown address").isEqualTo(202);

        String token = tokenFrom(mail.latest(new UserId(user), "Reset your password").orElseThrow().body());
        var reset = anonymous.post("/api/v1/auth/password-reset/confirm",
                Map.of("token", token, "newPassword", "reset to something new"));
        assertThat(reset.status()).as(reset.toString()).isEqualTo(200);
        assertThat(logInAs(email, "reset to something new").status()).isEqualTo(200);

        var again = anonymous.post("/api/v1/auth/password-reset/confirm",
                Map.of("token", token, "newPassword", "and once more again"));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("type").asText()).endsWith("/invalid-token");
    }

    @Test
    void an_email_address_is_verified_with_the_mailed_token() {
        var buyer = aUser("buyer");
        assertThat(buyer.get("/api/v1/users/me").json().get("emailVerified").asBoolean()).isFalse();
        assertThat(buyer.post("/api/v1/users/" + buyer.userId() + "/verification").status())
                .as("another mail on request").isEqualTo(202);
        String token = tokenFrom(mail.latest(new UserId(buyer.userId()), "Confirm your email address")
                .orElseThrow().body());
        var verified = anonymous.post("/api/v1/auth/verify-email", Map.of("token", token));
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        var me = buyer.get("/api/v1/users/me?consistentWith=" + verified.position());
        assertThat(me.json().get("emailVerified").asBoolean()).isTrue();
    }

    @Test
    void wrong_passwords_lock_the_account_with_429_and_retry_after() {
        String email = registeredEmail("buyer");
        for (int i = 0; i < 5; i++) {
            var wrong = Api.at(port).post("/api/v1/auth/token", Map.of("email", email, "password", "guess " + i));
            assertThat(wrong.status()).isEqualTo(401);
        }
        var locked = Api.at(port).post("/api/v1/auth/token", Map.of("email", email, "password", PASSWORD));
        assertThat(locked.status()).as("even the right password waits").isEqualTo(429);
        assertThat(locked.json().get("type").asText()).endsWith("/login-locked");
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, 15 * 60L);
    }

    @Test
    void an_unknown_email_and_a_wrong_password_get_the_same_answer() {
        String email = registeredEmail("buyer");
        var unknown = logInAs(anEmail(), PASSWORD);
        var wrong = logInAs(email, "not the password!");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.body()).isEqualTo(wrong.body());
    }

    @Test
    void a_user_profile_shows_personal_data_only_to_the_user_and_staff() {
        var seller = aSeller();
        var other = aUser("buyer");
        var support = aUser("support");
        var contact = seller.put("/api/v1/users/" + seller.userId() + "/contact", Map.of("phone", "+44 20 7946 0000",
                "address", Map.of("line1", "1 Fleet Street", "postalCode", "EC4Y 1AA", "city", "London",
                        "country", "gb")));
        assertThat(contact.status()).as(contact.toString()).isEqualTo(200);
        var mine = seller.get("/api/v1/users/me?consistentWith=" + contact.position());
        assertThat(mine.json().get("phone").asText()).isEqualTo("+44 20 7946 0000");
        assertThat(mine.json().get("address").get("country").asText()).isEqualTo("GB");
        assertThat(other.get("/api/v1/users/" + seller.userId()).json().has("address")).isFalse();
        assertThat(support.get("/api/v1/users/" + seller.userId()).json().get("address").get("city").asText())
                .isEqualTo("London");
        String stored = jdbc.queryForObject("""
                SELECT convert_from(payload, 'UTF8') FROM domain_event_entry
                WHERE aggregate_identifier = ? AND payload_type LIKE '%ContactDetailsChanged'
                """, String.class, seller.userId().toString());
        assertThat(stored).doesNotContain("London", "7946");
        var own = seller.get("/api/v1/users/me");
        assertThat(own.json().get("email").asText()).endsWith("@test.bazaar.dev");
        assertThat(own.json().get("displayName").asText()).isEqualTo("Test seller");
        var seen = other.get("/api/v1/users/" + seller.userId());
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.json().has("email")).isFalse();
        assertThat(seen.json().get("displayName").asText()).isEqualTo("Test seller");
        assertThat(support.get("/api/v1/users/" + seller.userId()).json().get("email").asText())
                .endsWith("@test.bazaar.dev");
        assertThat(anonymous.get("/api/v1/users/" + seller.userId()).status()).isEqualTo(401);
    }

    @Test
    void rotating_the_signing_key_keeps_existing_tokens_valid() {
        var seller = aSeller();
        var rotated = admin.post("/api/v1/admin/signing-keys/rotate");
        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        String kid = rotated.json().get("activeKid").asText();
        assertThat(seller.get("/api/v1/users/me").status()).as("old kid still accepted").isEqualTo(200);
        var jwks = anonymous.get("/.well-known/jwks.json").json().get("keys").findValuesAsText("kid");
        assertThat(jwks).contains(kid).hasSizeGreaterThan(1);
        var fresh = aSeller();
        assertThat(fresh.get("/api/v1/users/me").status()).isEqualTo(200);
    }

    @Test
    void responses_carry_security_headers() {
        var response = anonymous.get("/api/v1/categories");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.header("Content-Security-Policy")).contains("default-src 'none'");
        assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(response.header("Cache-Control")).contains("no-store");
        assertThat(response.header("RateLimit-Limit")).isNotNull();
    }

    @Test
    void no_plain_personal_data_or_password_reaches_the_event_store() {
        String email = registeredEmail("seller");
        String stored = jdbc.queryForObject("""
                SELECT string_agg(convert_from(payload, 'UTF8'), ' ') FROM domain_event_entry
                WHERE payload_type LIKE '%UserRegistered'
                """, String.class);
        assertThat(stored).doesNotContain(email, "Ada Lovelace", PASSWORD, "{bcrypt}");
    }

    @Test
    void forgetting_a_user_redacts_their_data_everywhere_even_after_a_rebuild() {
        String email = registeredEmail("seller");
        var seller = withToken(logInAs(email, PASSWORD));
        var bystander = aUser("buyer");
        assertThat(seller.put("/api/v1/users/" + seller.userId() + "/contact", Map.of("phone", "+49 30 1234567",
                "address", Map.of("line1", "Unter den Linden 1", "postalCode", "10117", "city", "Berlin",
                        "country", "de"))).status()).isEqualTo(200);
        assertThat(admin.get("/api/v1/users/" + seller.userId()).json().get("email").asText()).isEqualTo(email);
        long eventsBefore = jdbc.queryForObject(
                "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class,
                seller.userId().toString());

        var forgotten = seller.post("/api/v1/users/" + seller.userId() + "/forget");
        assertThat(forgotten.status()).as(forgotten.toString()).isEqualTo(200);
        assertRedacted(admin.get("/api/v1/users/" + seller.userId() + "?consistentWith=" + forgotten.position()));
        assertThat(seller.get("/api/v1/users/me").status()).as("a forgotten user's token is dead").isEqualTo(401);
        assertThat(logInAs(email, PASSWORD).status()).isEqualTo(401);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, seller.userId().toString())).as("history intact, plus the forgetting")
                .isEqualTo(eventsBefore + 1);

        rebuild("user-profile");
        assertRedacted(admin.get("/api/v1/users/" + seller.userId()));
        assertThat(admin.get("/api/v1/users/" + bystander.userId()).json().get("displayName").asText())
                .as("others unaffected by the rebuild").isEqualTo("Test buyer");
        assertThat(register(email, "seller").status()).as("the address is free again").isEqualTo(201);
    }

    private static void assertRedacted(Api.Response profile) {
        assertThat(profile.status()).as(profile.toString()).isEqualTo(200);
        assertThat(profile.json().get("status").asText()).isEqualTo("forgotten");
        assertThat(profile.json().get("email").asText()).isEqualTo("[redacted]");
        assertThat(profile.json().get("displayName").asText()).isEqualTo("[redacted]");
        assertThat(profile.json().path("phone").asText("[redacted]")).isEqualTo("[redacted]");
        assertThat(profile.json().path("address").asText("[redacted]")).isEqualTo("[redacted]");
        assertThat(profile.body()).doesNotContain("Berlin", "1234567");
    }

    private String registeredEmail(String role) {
        String email = anEmail();
        var registered = register(email, role);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        return email;
    }

    private static String tokenFrom(String mailBody) {
        return mailBody.substring(mailBody.lastIndexOf(' ') + 1);
    }

}
