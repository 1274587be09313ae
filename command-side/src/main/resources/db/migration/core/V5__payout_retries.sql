-- Orders whose payout failed (no verified account yet), to be retried when the seller's account is verified.
ALTER TABLE order_payment_process ADD COLUMN payout_failed BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX order_payment_process_payout_failed_idx ON order_payment_process (seller_id) WHERE payout_failed;
