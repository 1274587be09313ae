package dev.bazaar.command.payment;

import com.stripe.exception.ApiConnectionException;
import com.stripe.net.HttpClient;
import com.stripe.net.HttpContent;
import com.stripe.net.HttpHeaders;
import com.stripe.net.StripeRequest;
import com.stripe.net.StripeResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * stripe-java's transport with the client's description header built once. stripe-java's own
 * ({@code HttpURLConnectionClient}) rebuilds that header on every call, which reads Gson's version from the class
 * path: under the order benchmark that lookup through Spring Boot's nested jars was a good part of the payment
 * process's CPU. Like stripe-java's, it uses {@link HttpURLConnection}, whose connections are kept alive and reused
 * once a response is read to its end (the JDK's {@code java.net.http} client was tried and measured slower here: its
 * hand-offs between threads cost more than they save on two busy cores). Retries, idempotency keys, error mapping
 * and the wire format stay stripe-java's own; this class only moves bytes.
 */
final class KeepAliveStripeHttpClient extends HttpClient {

    private final int defaultConnectTimeoutMs;

    private final int defaultReadTimeoutMs;

    private final String clientUserAgent = buildXStripeClientUserAgentString();

    KeepAliveStripeHttpClient(int connectTimeoutMs, int readTimeoutMs) {
        this.defaultConnectTimeoutMs = connectTimeoutMs;
        this.defaultReadTimeoutMs = readTimeoutMs;
    }

    @Override
    public StripeResponse request(StripeRequest request) throws ApiConnectionException {
        try {
            HttpURLConnection connection = open(request);
            int status = connection.getResponseCode();
            String body;
            try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
                body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Map<String, List<String>> headers = new HashMap<>();
            connection.getHeaderFields().forEach((name, values) -> {
                if (name != null) {
                    headers.put(name, values);
                }
            });
            return new StripeResponse(status, HttpHeaders.of(headers), body);
        } catch (IOException e) {
            throw new ApiConnectionException("IOException during API request to Stripe (" + request.url().getHost()
                    + "): " + e.getMessage(), e);
        }
    }

    private HttpURLConnection open(StripeRequest request) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) request.url().openConnection();
        Integer connectTimeout = request.options() == null ? null : request.options().getConnectTimeout();
        Integer readTimeout = request.options() == null ? null : request.options().getReadTimeout();
        connection.setConnectTimeout(connectTimeout == null ? defaultConnectTimeoutMs : connectTimeout);
        connection.setReadTimeout(readTimeout == null ? defaultReadTimeoutMs : readTimeout);
        connection.setUseCaches(false);
        connection.setRequestMethod(request.method().name());
        request.headers().map().forEach((name, values) ->
                connection.setRequestProperty(name, String.join(",", values)));
        connection.setRequestProperty("User-Agent", buildUserAgentString(request));
        connection.setRequestProperty("X-Stripe-Client-User-Agent", clientUserAgent);
        HttpContent content = request.content();
        if (content != null) {
            byte[] bytes = content.byteArrayContent();
            connection.setDoOutput(true);
            connection.setFixedLengthStreamingMode(bytes.length);
            connection.setRequestProperty("Content-Type", content.contentType());
            try (OutputStream out = connection.getOutputStream()) {
                out.write(bytes);
            }
        }
        return connection;
    }

}
