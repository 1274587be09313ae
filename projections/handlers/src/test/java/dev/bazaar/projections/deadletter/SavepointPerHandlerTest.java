package dev.bazaar.projections.deadletter;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The projections' enqueue policy; DeadLettersIT shows the whole path against PostgreSQL. */
class SavepointPerHandlerTest {

    private final DeadLetter<EventMessage<?>> letter =
            new GenericDeadLetter<>("order-1", GenericEventMessage.asEventMessage("an event"));

    @Test
    void a_handler_that_failed_without_a_savepoint_fails_its_batch_instead_of_being_parked() {
        var failure = new SavepointPerHandler.RetryWithSavepoints(Object.class, new IllegalStateException("refused"));

        assertThatThrownBy(() -> SavepointPerHandler.policy().decide(letter, failure)).isSameAs(failure);
    }

    @Test
    void a_store_that_did_not_answer_fails_the_batch_to_be_retried_instead_of_parking_the_event() {
        var elasticsearch = new StoreUnavailable("Elasticsearch is unreachable", new java.io.IOException("refused"));
        assertThatThrownBy(() -> SavepointPerHandler.policy().decide(letter, elasticsearch)).isSameAs(elasticsearch);

        var redis = new redis.clients.jedis.exceptions.JedisConnectionException("Connection refused");
        assertThatThrownBy(() -> SavepointPerHandler.policy().decide(letter, new IllegalStateException("cache", redis)))
                .isInstanceOf(StoreUnavailable.class).hasRootCause(redis);
    }

    @Test
    void a_handler_that_failed_in_its_savepoint_is_parked_with_its_cause() {
        var decision = SavepointPerHandler.policy().decide(letter, new IllegalStateException("refused"));

        assertThat(decision.shouldEnqueue()).isTrue();
        assertThat(decision.enqueueCause()).get().extracting(Throwable::getMessage).isEqualTo("refused");
    }

    @Test
    void a_parked_database_failure_keeps_what_the_database_said_not_the_statement() {
        var refused = new java.sql.SQLException("ERROR: order 1 refused by the test");
        var failure = new org.jooq.exception.DataAccessException("SQL [insert into " + "x, ".repeat(600) + "]",
                refused);

        var decision = SavepointPerHandler.policy().decide(letter, failure);

        assertThat(decision.enqueueCause()).get().extracting(Throwable::getMessage)
                .isEqualTo("ERROR: order 1 refused by the test");
    }

}
