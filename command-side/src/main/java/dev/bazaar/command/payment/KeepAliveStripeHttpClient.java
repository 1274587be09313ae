package dev.bazaar.command.payment;

import com.stripe.exception.ApiConnectionException;
import com.stripe.net.HttpClient;
import com.stripe.net.HttpContent;
import com.stripe.net.HttpHeaders;
import com.stripe.net.StripeRequest;
import com.stripe.net.StripeResponse;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * stripe-java's transport on a pool of kept-alive connections (Apache HttpClient 5, blocking, on the caller's thread),
 * with the client's description header built once. stripe-java's own ({@code HttpURLConnectionClient}) rebuilds that
 * header on every call, reading Gson's version from the class path through Spring Boot's nested jars; and the JDK's
 * {@code HttpURLConnection} checks a kept-alive connection before each reuse with a one-millisecond read that ends in a
 * {@code SocketTimeoutException}, a stack trace per call. Here a pooled connection is checked only after two seconds
 * idle. The JDK's {@code java.net.http} client was tried and measured slower: its hand-offs between threads cost more
 * than they save on two busy cores. Retries, idempotency keys, error mapping and the wire format stay stripe-java's
 * own; this class only moves bytes.
 */
final class KeepAliveStripeHttpClient extends HttpClient {

    private final int defaultReadTimeoutMs;

    private final String clientUserAgent = buildXStripeClientUserAgentString();

    private final CloseableHttpClient http;

    KeepAliveStripeHttpClient(int connectTimeoutMs, int readTimeoutMs) {
        this.defaultReadTimeoutMs = readTimeoutMs;
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(64)
                        .setMaxConnPerRoute(64)
                        .setDefaultSocketConfig(SocketConfig.custom().setTcpNoDelay(true).build())
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.ofMilliseconds(connectTimeoutMs))
                                .setSocketTimeout(Timeout.ofMilliseconds(readTimeoutMs))
                                .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                                .build())
                        .build())
                // stripe-java retries itself, with the same idempotency key
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableContentCompression()
                .build();
    }

    @Override
    public StripeResponse request(StripeRequest request) throws ApiConnectionException {
        try {
            return http.execute(toHttp(request), response -> {
                String body = response.getEntity() == null ? ""
                        : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
                Map<String, List<String>> headers = new HashMap<>();
                for (Header header : response.getHeaders()) {
                    headers.computeIfAbsent(header.getName(), name -> new ArrayList<>()).add(header.getValue());
                }
                return new StripeResponse(response.getCode(), HttpHeaders.of(headers), body);
            });
        } catch (IOException | URISyntaxException e) {
            throw new ApiConnectionException("IOException during API request to Stripe (" + request.url().getHost()
                    + "): " + e.getMessage(), e);
        }
    }

    private HttpUriRequestBase toHttp(StripeRequest request) throws URISyntaxException {
        var http = new HttpUriRequestBase(request.method().name(), request.url().toURI());
        Integer readTimeout = request.options() == null ? null : request.options().getReadTimeout();
        http.setConfig(RequestConfig.custom()
                .setResponseTimeout(Timeout.ofMilliseconds(readTimeout == null ? defaultReadTimeoutMs : readTimeout))
                .build());
        request.headers().map().forEach((name, values) -> http.setHeader(name, String.join(",", values)));
        http.setHeader("User-Agent", buildUserAgentString(request));
        http.setHeader("X-Stripe-Client-User-Agent", clientUserAgent);
        HttpContent content = request.content();
        if (content != null) {
            http.setEntity(new ByteArrayEntity(content.byteArrayContent(), ContentType.parse(content.contentType())));
        }
        return http;
    }

}
