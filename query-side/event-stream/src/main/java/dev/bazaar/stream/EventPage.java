package dev.bazaar.stream;

import dev.bazaar.eventstore.rows.StreamedEvent;
import java.util.List;

/**
 * A page of the stream. {@code next} is where to resume ({@code after=next}): the last event's position, or, when
 * filters left the page short, the horizon the page covered, so a filtered consumer does not rescan what it skipped.
 * {@code head} is the horizon: every position at or below it is final (no later commit can appear there).
 */
public record EventPage(List<StreamedEvent> events, long next, long head) {
}
