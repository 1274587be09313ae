-- The acceptance sweep is the one way an order not accepted in time expires (ADR 0017). Orders authorised before it
-- (ADR 0015) had their expiry scheduled with db-scheduler instead: each of those still awaiting acceptance joins the
-- sweep's list with the acceptBy its authorisation named, and the scheduled expiries are removed (one that is being
-- run at this moment is left to finish). On a database without such orders this changes nothing.
UPDATE order_payment_process p
SET accept_by = CASE jsonb_typeof(a.payload -> 'acceptBy')
                    WHEN 'number' THEN to_timestamp((a.payload ->> 'acceptBy')::numeric)
                    ELSE (a.payload ->> 'acceptBy')::timestamptz
                END
FROM (SELECT e.aggregate_identifier, e.sequence_number, convert_from(e.payload, 'UTF8')::jsonb AS payload
      FROM domain_event_entry e
      WHERE e.type = 'Order' AND e.payload_type = 'dev.bazaar.kernel.order.PaymentAuthorized') a
WHERE p.accept_by IS NULL
  AND a.aggregate_identifier = p.order_id::text
  AND a.payload ->> 'acceptBy' IS NOT NULL
  AND NOT EXISTS (
      SELECT 1 FROM domain_event_entry later
      WHERE later.aggregate_identifier = a.aggregate_identifier
        AND later.sequence_number > a.sequence_number
        AND later.payload_type IN ('dev.bazaar.kernel.order.OrderAccepted', 'dev.bazaar.kernel.order.OrderDeclined',
                                   'dev.bazaar.kernel.order.OrderCancelled', 'dev.bazaar.kernel.order.OrderExpired'));

DELETE FROM scheduled_tasks
WHERE position(convert_to('order-acceptance', 'UTF8') IN task_data) > 0
  AND NOT picked;
