package dev.bazaar.command.order;

import java.time.Duration;

/**
 * How long the order process waits: for the seller to accept an authorised order, and for the buyer to confirm or
 * dispute before a shipped or delivered order completes by itself.
 */
public record OrderTimings(Duration acceptanceWindow, Duration completionWindow) {

}
