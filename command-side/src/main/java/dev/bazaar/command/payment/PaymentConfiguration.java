package dev.bazaar.command.payment;

import com.stripe.StripeClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Stripe's test or live mode when a key is configured (STRIPE_API_KEY); otherwise the loopback Stripe-compatible
 * server that {@code ./bazaar run} starts, so the real stripe-java client code runs in demos and tests too.
 */
@Configuration(proxyBeanMethods = false)
class PaymentConfiguration {

    @Bean
    StripeClient stripeClient(@Value("${bazaar.payments.stripe.api-key:}") String apiKey,
            @Value("${bazaar.payments.stripe.local-api-base:http://127.0.0.1:12111}") String localApiBase,
            @Value("${bazaar.payments.stripe.read-timeout-ms:5000}") int readTimeoutMs) {
        int connectTimeoutMs = 1_000;
        StripeClient.StripeClientBuilder builder = StripeClient.builder()
                .setHttpClient(new KeepAliveStripeHttpClient(connectTimeoutMs, readTimeoutMs))
                .setConnectTimeout(connectTimeoutMs)
                .setReadTimeout(readTimeoutMs)
                // a retry after a timeout carries the same idempotency key: Stripe answers it without acting twice
                .setMaxNetworkRetries(2);
        if (apiKey.isBlank()) {
            return builder.setApiKey("sk_test_bazaar_local").setApiBase(localApiBase).build();
        }
        return builder.setApiKey(apiKey).build();
    }

    @Bean
    PaymentProvider paymentProvider(StripeClient stripe) {
        return new StripePaymentProvider(stripe);
    }

}
