package dev.bazaar.command.common;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Retries a command that lost a race to append to the same aggregate (the event store's unique
 * (aggregate, sequence) constraint said no): reloaded, the command decides again on the newer state.
 * Domain refusals are never retried; they are answers.
 */
class ConflictRetryScheduler implements RetryScheduler {

    private static final Logger log = LoggerFactory.getLogger(ConflictRetryScheduler.class);

    private static final int MAX_RETRIES = 8;

    private final ScheduledExecutorService executor;

    ConflictRetryScheduler(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
            List<Class<? extends Throwable>[]> failures, Runnable dispatchTask) {
        if (!causedByConflict(lastFailure) || failures.size() > MAX_RETRIES) {
            return false;
        }
        long delayMillis = ThreadLocalRandom.current().nextLong(1, 5L * failures.size() + 2);
        log.info("{} lost an append race on its aggregate; retry {} in {} ms",
                commandMessage.getCommandName(), failures.size(), delayMillis);
        executor.schedule(dispatchTask, delayMillis, TimeUnit.MILLISECONDS);
        return true;
    }

    private static boolean causedByConflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }

}
