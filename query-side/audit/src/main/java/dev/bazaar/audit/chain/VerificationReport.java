package dev.bazaar.audit.chain;

/**
 * The outcome of a verification: {@code OK} when every chained position recomputes to its stored digest and every
 * checkpoint's signature holds; otherwise {@code DIVERGED} with the first position that does not.
 * {@code storeHead} beyond {@code verifiedThrough} is history the chain has not reached yet (not a failure).
 */
public record VerificationReport(String status, long verifiedThrough, long storeHead, long positionsVerified,
        long checkpointsVerified, Divergence firstDivergence, long millis, long positionsPerSecond) {

    public record Divergence(long position, String reason) {
    }

}
