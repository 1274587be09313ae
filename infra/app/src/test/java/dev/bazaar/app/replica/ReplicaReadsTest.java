package dev.bazaar.app.replica;

import dev.bazaar.readmodel.source.ReadRouting;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Which requests are marked for the replica, and that no mark outlives its request on a thread. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ReplicaReadsTest {

    /** Never probed, so not usable: a routed request reads the primary from the start. */
    private final ReplicaReads reads = new ReplicaReads(new ReplicaMonitor(null, null, Duration.ofSeconds(5)));

    private final MockHttpServletResponse response = new MockHttpServletResponse();

    @AfterEach
    void clearTheThread() {
        ReadRouting.clear();
    }

    @Test
    void a_query_read_is_routed_and_reads_the_primary_while_the_replica_is_unusable() {
        reads.preHandle(new MockHttpServletRequest("GET", "/api/v1/listings/42"), response, null);

        assertThat(ReadRouting.routed()).isEqualTo(ReadRouting.Source.PRIMARY);
    }

    @Test
    void the_mark_is_gone_when_the_request_completes_or_goes_asynchronous() {
        var request = new MockHttpServletRequest("GET", "/api/v1/events/live");
        reads.preHandle(request, response, null);
        reads.afterConcurrentHandlingStarted(request, response, null);
        assertThat(ReadRouting.routed()).isNull();

        reads.preHandle(request, response, null);
        reads.afterCompletion(request, response, null, null);
        assertThat(ReadRouting.routed()).isNull();
    }

    @Test
    void writes_admin_reads_and_health_are_never_routed_even_after_a_mark_leaked_on_the_thread() {
        for (var request : new MockHttpServletRequest[] {new MockHttpServletRequest("POST", "/api/v1/listings"),
                new MockHttpServletRequest("GET", "/api/v1/admin/api-keys"),
                new MockHttpServletRequest("GET", "/actuator/health")}) {
            ReadRouting.readFromReplica();

            reads.preHandle(request, response, null);

            assertThat(ReadRouting.routed()).as(request.getMethod() + " " + request.getRequestURI()).isNull();
        }
    }

}
