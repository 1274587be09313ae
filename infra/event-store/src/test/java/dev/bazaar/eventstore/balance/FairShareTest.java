package dev.bazaar.eventstore.balance;

import dev.bazaar.eventstore.balance.FairShare.HeldSegment;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FairShareTest {

    @Test
    void shares_are_rounded_up_so_that_together_they_cover_every_segment() {
        for (int segments = 0; segments <= 20; segments++) {
            for (int instances = 1; instances <= 6; instances++) {
                assertThat(new FairShare(segments, instances).perInstance() * instances)
                        .as(segments + " segments over " + instances).isGreaterThanOrEqualTo(segments);
            }
        }
        assertThat(new FairShare(9, 2).perInstance()).isEqualTo(5);
        assertThat(new FairShare(4, 2).perInstance()).isEqualTo(2);
    }

    @Test
    void an_instance_alone_keeps_everything_it_holds() {
        assertThat(new FairShare(9, 1).toRelease(held(9))).isEmpty();
        assertThat(new FairShare(9, 0).toRelease(held(9))).as("not yet counted: alone").isEmpty();
    }

    @Test
    void an_instance_holding_more_than_its_share_lets_go_of_the_excess_last_by_name() {
        var released = new FairShare(9, 2).toRelease(held(9));
        assertThat(released).containsExactly(new HeldSegment("p8", 0), new HeldSegment("p7", 0),
                new HeldSegment("p6", 0), new HeldSegment("p5", 0));
    }

    @Test
    void an_instance_holding_its_share_or_less_lets_go_of_nothing() {
        assertThat(new FairShare(9, 2).toRelease(held(5))).isEmpty();
        assertThat(new FairShare(9, 2).toRelease(held(3))).isEmpty();
    }

    @Test
    void segments_of_one_processor_are_released_highest_first() {
        var held = List.of(new HeldSegment("order-payments", 0), new HeldSegment("order-payments", 1),
                new HeldSegment("order-payments", 2), new HeldSegment("order-payments", 3));
        assertThat(new FairShare(4, 2).toRelease(held)).containsExactly(new HeldSegment("order-payments", 3),
                new HeldSegment("order-payments", 2));
    }

    private static List<HeldSegment> held(int processors) {
        return IntStream.range(0, processors).mapToObj(i -> new HeldSegment("p" + i, 0)).toList();
    }

}
