-- Money an order holds after it completed: a refund the provider refused or returned after the escrow was released.
-- It waits for an admin to refund it again (GET /api/v1/admin/orders/holding-funds lists these orders).
ALTER TABLE order_summary ADD COLUMN held_after_completion_minor BIGINT NOT NULL DEFAULT 0;
CREATE INDEX order_summary_holding_funds ON order_summary (updated_at) WHERE held_after_completion_minor > 0;
