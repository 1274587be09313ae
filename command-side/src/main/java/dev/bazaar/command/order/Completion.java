package dev.bazaar.command.order;

import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventhandling.GenericEventMessage;

import java.time.Duration;
import java.time.Instant;

/**
 * When a shipped or delivered order completes by itself, and the id of the deadline that will complete it (null for
 * a shipment or delivery recorded before their events named it, ADR 0013). The deadline also carries its due time, so
 * one that was not removed does nothing when a later delivery superseded it.
 */
record Completion(Instant due, String deadline) {

    /** A new completion, one window from now, replacing the one scheduled before (if it is known). */
    static Completion reschedule(Completion current, OrderTimings timings, DeadlineManager deadlines) {
        if (current != null) {
            current.cancel(deadlines);
        }
        Instant due = GenericEventMessage.clock.instant().plus(timings.completionWindow());
        return new Completion(due, deadlines.schedule(due, Order.COMPLETION_DEADLINE, due.toString()));
    }

    /** Removes the automatic completion: the buyer confirmed, or a dispute's resolution completed the order. */
    void cancel(DeadlineManager deadlines) {
        if (deadline != null) {
            deadlines.cancelSchedule(Order.COMPLETION_DEADLINE, deadline);
        }
    }

    /** Whether a firing deadline (its payload: the due time it was scheduled for) is this completion's. */
    boolean isDue(String firing) {
        return firing.equals(String.valueOf(due));
    }

    /** After a provider's dispute closed: a time that passed while the order was frozen is taken up a minute later. */
    void resumeIfOverdue(DeadlineManager deadlines) {
        if (due.isBefore(GenericEventMessage.clock.instant())) {
            deadlines.schedule(Duration.ofMinutes(1), Order.COMPLETION_DEADLINE, due.toString());
        }
    }

}
