package dev.bazaar.command.payment;

import com.stripe.StripeClient;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Stripe's test or live mode when a key is configured (STRIPE_API_KEY); otherwise the loopback Stripe-compatible
 * server that {@code ./bazaar run} starts, so the real stripe-java client code runs in demos and tests too.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PaymentProperties.class)
class PaymentConfiguration {

    @Bean
    StripeClient stripeClient(PaymentProperties payments) {
        var stripe = payments.stripe();
        int connectTimeoutMs = 1_000;
        int readTimeoutMs = stripe.readTimeoutMs();
        StripeClient.StripeClientBuilder builder = StripeClient.builder()
                .setHttpClient(new KeepAliveStripeHttpClient(connectTimeoutMs, readTimeoutMs))
                .setConnectTimeout(connectTimeoutMs)
                .setReadTimeout(readTimeoutMs)
                // a retry after a timeout carries the same idempotency key: Stripe answers it without acting twice
                .setMaxNetworkRetries(2);
        if (!stripe.keyed()) {
            return builder.setApiKey("sk_test_bazaar_local").setApiBase(stripe.localApiBase()).build();
        }
        return builder.setApiKey(stripe.apiKey()).build();
    }

    @Bean
    PaymentProvider paymentProvider(StripeClient stripe) {
        return new StripePaymentProvider(stripe);
    }

}
