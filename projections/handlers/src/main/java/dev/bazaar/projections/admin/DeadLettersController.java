package dev.bazaar.projections.admin;

import dev.bazaar.kernel.problem.NotFound;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The events a projection could not apply, parked per aggregate (the rest of that aggregate's events wait behind the
 * failed one, so a read model never applies them out of order), and their retry once the cause is fixed.
 */
@RestController
@RequestMapping("/api/v1/admin/processors/{name}/dead-letters")
class DeadLettersController {

    private static final String NAME = "[a-z][a-z-]{0,63}";

    private final EventProcessingConfiguration processing;

    DeadLettersController(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    record Letter(String eventId, String type, String aggregateType, String aggregateId, Long sequence,
            Long position, Instant timestamp, Instant enqueuedAt, Instant lastTouched, String causeType,
            String causeMessage) {
    }

    record Sequence(String sequence, List<Letter> letters) {
    }

    record Queue(String processor, long letters, long sequences, List<Sequence> oldest) {
    }

    record Retried(String processor, int attempted, int succeeded, long lettersLeft, long sequencesLeft) {
    }

    /** The queue's size and its first {@code limit} sequences, each with its letters in order. */
    @GetMapping
    Queue queue(@PathVariable @Pattern(regexp = NAME) String name,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queueOf(name);
        List<Sequence> sequences = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            if (sequences.size() == limit) {
                break;
            }
            List<Letter> letters = new ArrayList<>();
            sequence.forEach(letter -> letters.add(letter(letter)));
            sequences.add(new Sequence(letters.get(0).aggregateId(), letters));
        }
        return new Queue(name, queue.size(), queue.amountOfSequences(), sequences);
    }

    /**
     * Retries every parked sequence once, oldest first: a sequence whose letters all apply leaves the queue, one that
     * fails again stays, with the new cause.
     */
    @PostMapping("/retry")
    Retried retry(@PathVariable @Pattern(regexp = NAME) String name) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queueOf(name);
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing.sequencedDeadLetterProcessor(name)
                .orElseThrow(() -> new NotFound("dead-letter queue of processor", name));
        long sequences = queue.amountOfSequences();
        int attempted = 0;
        int succeeded = 0;
        for (; attempted < sequences; attempted++) {
            if (processor.processAny()) {
                succeeded++;
            }
        }
        return new Retried(name, attempted, succeeded, queue.size(), queue.amountOfSequences());
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queueOf(String name) {
        return processing.deadLetterQueue(name).orElseThrow(() -> new NotFound("dead-letter queue of processor",
                name));
    }

    private static Letter letter(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> event = letter.message();
        String aggregateType = null;
        String aggregateId = null;
        Long sequence = null;
        if (event instanceof DomainEventMessage<?> domain) {
            aggregateType = domain.getType();
            aggregateId = domain.getAggregateIdentifier();
            sequence = domain.getSequenceNumber();
        }
        Long position = event instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null
                ? tracked.trackingToken().position().stream().boxed().findFirst().orElse(null) : null;
        String type = event.getPayloadType().getSimpleName();
        return new Letter(event.getIdentifier(), type, aggregateType, aggregateId, sequence, position,
                event.getTimestamp(), letter.enqueuedAt(), letter.lastTouched(),
                letter.cause().map(cause -> cause.type()).orElse(null),
                letter.cause().map(cause -> cause.message()).orElse(null));
    }

}
