-- When an authorised order must be accepted by, kept by the payment process until the order is accepted, declined,
-- cancelled or expired; the acceptance sweep expires the ones past it (ADR 0015). Only those rows are indexed.
ALTER TABLE order_payment_process ADD COLUMN accept_by TIMESTAMPTZ;
CREATE INDEX order_payment_process_accept_by_idx ON order_payment_process (accept_by) WHERE accept_by IS NOT NULL;
