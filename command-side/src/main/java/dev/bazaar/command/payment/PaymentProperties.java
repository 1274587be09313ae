package dev.bazaar.command.payment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Bazaar reaches the payment provider ({@code bazaar.payments.*}).
 *
 * @param stripe              Stripe's keys, or the loopback Stripe when no key is set
 * @param onboardingReturnUrl where a seller lands after the provider's onboarding
 */
@ConfigurationProperties("bazaar.payments")
public record PaymentProperties(@DefaultValue Stripe stripe,
        @DefaultValue("http://127.0.0.1:8080/api/v1/payout-account") String onboardingReturnUrl) {

    /**
     * @param apiKey                  Stripe's secret key (test or live); empty: the loopback Stripe at
     *                                {@code localApiBase}
     * @param localApiBase            where the loopback Stripe listens
     * @param webhookSecret           the signing secret of Stripe's webhooks (required with a key)
     * @param webhookToleranceSeconds how old a webhook's signature may be
     * @param readTimeoutMs           how long a call to Stripe may take to answer
     */
    public record Stripe(@DefaultValue("") String apiKey, @DefaultValue("http://127.0.0.1:12111") String localApiBase,
            @DefaultValue("") String webhookSecret, @DefaultValue("300") long webhookToleranceSeconds,
            @DefaultValue("5000") int readTimeoutMs) {

        /** Whether a real Stripe account is configured (else the loopback Stripe is used). */
        public boolean keyed() {
            return !apiKey.isBlank();
        }
    }

}
