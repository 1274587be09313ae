package dev.bazaar.command.common;

import dev.bazaar.kernel.identity.Actor;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.Registration;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import dev.bazaar.eventstore.rows.StoredEvents;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;

/** How the command side uses Axon: metadata on every event, cached aggregates, retries of lost races. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AggregateCacheProperties.class)
class CommandSideConfiguration {

    /** Actor and request correlation travel from the command into every event it causes. */
    @Bean
    CorrelationDataProvider actorAndCorrelation() {
        return new SimpleCorrelationDataProvider(Actor.ID_KEY, Actor.ROLE_KEY, CommandSender.CORRELATION_KEY);
    }

    /** The command that caused an event, for auditors who follow a chain of cause and effect. */
    @Bean
    CorrelationDataProvider causation() {
        return message -> {
            Map<String, Object> data = new HashMap<>();
            data.put("causationId", message.getIdentifier());
            return data;
        };
    }

    /**
     * Aggregates stay in memory between commands, saving the load of their events; a copy made stale by another
     * instance's write is never decided on (a command that refuses or changes nothing checks its copy against the
     * store's last sequence number; one that appends is guarded by the store's unique key). The bound keeps the heap
     * predictable: an evicted aggregate is loaded from the store again when next used.
     */
    @Bean
    CheckedAggregateCache aggregateCache(StoredEvents store, AggregateCacheProperties properties) {
        return new CheckedAggregateCache(new BoundedCache(properties.maximumEntries(), properties.idleTime()), store);
    }

    /** A refusal decided on a cached copy is checked against the store before it is believed. */
    @Bean
    Registration refusalsCheckCachedAggregates(CommandBus commandBus, CheckedAggregateCache aggregateCache) {
        return commandBus.registerHandlerInterceptor((unitOfWork, chain) -> {
            try {
                return chain.proceed();
            } catch (Exception refusal) {
                aggregateCache.verifyAfterRefusal(unitOfWork, refusal);
                throw refusal;
            }
        });
    }

    /** Each command of a request with an Idempotency-Key is executed once, however often the request is retried. */
    @Bean
    Registration commandsOfKeyedRequestsRunOnce(CommandBus commandBus, JdbcTemplate jdbc, StoredEvents store) {
        return commandBus.registerHandlerInterceptor(new IdempotentCommands(jdbc, store));
    }

    @Bean
    CommandGateway commandGateway(CommandBus commandBus) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(new ConflictRetryScheduler(Executors.newSingleThreadScheduledExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "command-retry");
                    thread.setDaemon(true);
                    return thread;
                })))
                .build();
    }

}
