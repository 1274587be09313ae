package dev.bazaar.localstripe;

import com.fasterxml.jackson.databind.node.ObjectNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;

/** Sends events the way Stripe does: JSON body, {@code Stripe-Signature: t=<ts>,v1=<HMAC-SHA256>}. */
public final class WebhookSender {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String secret;

    private volatile String url;

    WebhookSender(String url, String secret) {
        this.url = url;
        this.secret = secret;
    }

    void target(String newUrl) {
        url = newUrl;
    }

    /** Wraps the object into an event of the given type and posts it, in the background. */
    void send(String type, ObjectNode object) {
        String target = url;
        if (target == null || target.isBlank()) {
            return;
        }
        String payload = event(type, object).toString();
        HttpRequest request = HttpRequest.newBuilder(URI.create(target))
                .header("Content-Type", "application/json")
                .header("Stripe-Signature", sign(payload, System.currentTimeMillis() / 1000, secret))
                .POST(HttpRequest.BodyPublishers.ofString(payload))
                .build();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
    }

    static ObjectNode event(String type, ObjectNode object) {
        ObjectNode event = LocalStripe.JSON.createObjectNode();
        event.put("id", "evt_" + UUID.randomUUID().toString().replace("-", ""));
        event.put("object", "event");
        event.put("api_version", com.stripe.Stripe.API_VERSION);
        event.put("created", System.currentTimeMillis() / 1000);
        event.put("livemode", false);
        event.put("type", type);
        event.putObject("data").set("object", object);
        return event;
    }

    /** The header Stripe sends: the timestamp and the HMAC-SHA256 of "timestamp.payload" under the secret. */
    public static String sign(String payload, long timestamp, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8));
            return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(digest);
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

}
