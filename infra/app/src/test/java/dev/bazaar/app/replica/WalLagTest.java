package dev.bazaar.app.replica;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How far behind in time a standby is, from the primary's WAL positions noted probe by probe. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class WalLagTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void a_standby_that_replayed_what_the_primary_had_written_is_not_behind() {
        var lag = new WalLag(10);

        assertThat(lag.observe(0, 100, 100)).isZero();
        assertThat(lag.observe(SECOND, 200, 200)).isZero();
    }

    @Test
    void a_standby_is_as_far_behind_as_the_oldest_position_it_has_not_replayed() {
        var lag = new WalLag(10);

        lag.observe(0, 100, 90);
        lag.observe(SECOND, 200, 90);

        assertThat(lag.observe(3 * SECOND, 300, 90)).isEqualTo(3 * SECOND);
        assertThat(lag.observe(4 * SECOND, 300, 150)).as("100 replayed, 200 was first seen at 1 s")
                .isEqualTo(3 * SECOND);
        assertThat(lag.observe(5 * SECOND, 300, 300)).isZero();
    }

    @Test
    void an_idle_primary_does_not_make_a_caught_up_standby_look_behind() {
        var lag = new WalLag(10);

        lag.observe(0, 100, 100);

        assertThat(lag.observe(60 * SECOND, 100, 100)).isZero();
    }

    @Test
    void the_lag_keeps_growing_when_more_positions_are_waiting_than_it_keeps() {
        var lag = new WalLag(3);

        for (int second = 0; second < 10; second++) {
            lag.observe(second * SECOND, 100 + second, 50);
        }

        assertThat(lag.observe(10 * SECOND, 200, 50)).isEqualTo(10 * SECOND);
    }

    @Test
    void a_pg_lsn_is_read_as_its_byte_position() {
        assertThat(WalLag.parse("0/3000148")).isEqualTo(0x3000148L);
        assertThat(WalLag.parse("1/0")).isEqualTo(1L << 32);
    }

}
