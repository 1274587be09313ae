package dev.bazaar.eventstore.rows;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PositionWindowsTest {

    /** Every third position holds an event, up to 100. */
    private final List<Long> stored = LongStream.rangeClosed(1, 100).filter(p -> p % 3 == 0).boxed().toList();

    private final List<long[]> windowsRead = new ArrayList<>();

    private List<Long> window(long after, long through, int limit) {
        windowsRead.add(new long[] {after, through});
        return stored.stream().filter(p -> p > after && p <= through).limit(limit).toList();
    }

    @Test
    void a_full_page_resumes_after_its_last_event() {
        var page = PositionWindows.read(0, 100, 10, 5, this::window, p -> p);

        assertThat(page.events()).containsExactly(3L, 6L, 9L, 12L, 15L);
        assertThat(page.next()).isEqualTo(15);
    }

    @Test
    void a_short_page_resumes_at_the_horizon_so_a_filtered_consumer_does_not_rescan_what_was_skipped() {
        var page = PositionWindows.read(90, 100, 10, 50, this::window, p -> p);

        assertThat(page.events()).containsExactly(93L, 96L, 99L);
        assertThat(page.next()).isEqualTo(100);
    }

    @Test
    void each_query_reads_at_most_one_window_of_positions() {
        PositionWindows.read(0, 100, 10, 50, this::window, p -> p);

        assertThat(windowsRead).allSatisfy(window -> assertThat(window[1] - window[0]).isLessThanOrEqualTo(10));
        assertThat(windowsRead.get(windowsRead.size() - 1)[1]).isEqualTo(100);
    }

    @Test
    void nothing_is_read_past_the_horizon_nor_from_a_position_at_it() {
        var page = PositionWindows.read(100, 100, 10, 5, this::window, p -> p);

        assertThat(page.events()).isEmpty();
        assertThat(page.next()).isEqualTo(100);
        assertThat(windowsRead).isEmpty();
    }

}
