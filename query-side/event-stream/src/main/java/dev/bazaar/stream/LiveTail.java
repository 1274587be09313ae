package dev.bazaar.stream;

import dev.bazaar.eventstore.rows.StreamedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Live consumers of the stream as Server-Sent Events. Each consumer has its own thread and its own cursor, reading
 * committed history from PostgreSQL like any page: a slow consumer only falls behind itself, never holds up the
 * command side or the other consumers. The event id of every message is its position, so a reconnecting client's
 * {@code Last-Event-ID} resumes exactly after the last event it got.
 */
@Component
class LiveTail implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LiveTail.class);

    private final EventStreamReader reader;

    private final Semaphore slots;

    private final Duration poll;

    private final Duration lifetime;

    private final AtomicInteger threads = new AtomicInteger();

    private final ExecutorService consumers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "event-live-tail-" + threads.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    LiveTail(EventStreamReader reader, EventStreamProperties properties) {
        this.reader = reader;
        this.slots = new Semaphore(properties.live().maxConsumers());
        this.poll = properties.live().poll();
        this.lifetime = properties.live().lifetime();
    }

    /** A new consumer from {@code after}; empty when every slot is taken. */
    Optional<SseEmitter> follow(long after, Set<String> payloadTypes, String aggregateType) {
        if (!slots.tryAcquire()) {
            return Optional.empty();
        }
        // the connection ends after its lifetime; the client reconnects with Last-Event-ID and loses nothing
        var emitter = new SseEmitter(lifetime.toMillis());
        consumers.execute(() -> {
            try {
                send(emitter, after, payloadTypes, aggregateType);
            } finally {
                slots.release();
            }
        });
        return Optional.of(emitter);
    }

    private void send(SseEmitter emitter, long after, Set<String> payloadTypes, String aggregateType) {
        long cursor = after;
        long deadline = System.nanoTime() + lifetime.toNanos();
        try {
            emitter.send(SseEmitter.event().comment("following after " + after));
            while (System.nanoTime() < deadline) {
                EventPage page = reader.read(cursor, 500, payloadTypes, aggregateType);
                for (StreamedEvent event : page.events()) {
                    emitter.send(SseEmitter.event().id(Long.toString(event.position())).name(event.type())
                            .data(event));
                }
                cursor = page.next();
                if (page.events().size() < 500) {
                    Thread.sleep(poll.toMillis());
                }
            }
            emitter.complete();
        } catch (IOException | IllegalStateException e) {
            log.debug("A live consumer left at position {}: {}", cursor, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            emitter.complete();
        } catch (RuntimeException e) {
            log.warn("A live consumer failed at position {}", cursor, e);
            emitter.completeWithError(e);
        }
    }

    @Override
    public void destroy() {
        consumers.shutdownNow();
    }

}
