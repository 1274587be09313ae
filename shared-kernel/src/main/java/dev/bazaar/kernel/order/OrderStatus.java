package dev.bazaar.kernel.order;

/** Where an order stands in the transaction process (docs/transactions.md has the diagram). */
public enum OrderStatus {

    /** Placed; the provider has not yet authorised the payment. */
    PAYMENT_PENDING,
    /** Authorised; waiting for the seller to accept before the deadline. */
    AWAITING_ACCEPTANCE,
    /** Accepted; the capture is under way. */
    CAPTURE_PENDING,
    /** Captured and held in escrow; waiting for the seller to ship or perform. */
    IN_ESCROW,
    SHIPPED,
    DELIVERED,
    /** Done; the escrow is released to the seller (less commission and refunds). */
    COMPLETED,
    /** Ended before capture: declined, cancelled, expired, payment or capture failed. */
    CANCELLED;

    public boolean isOpen() {
        return this != COMPLETED && this != CANCELLED;
    }

}
