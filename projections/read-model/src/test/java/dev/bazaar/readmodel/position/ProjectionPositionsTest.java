package dev.bazaar.readmodel.position;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** When a projection's token covers a position: what {@code consistentWith} waits for. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ProjectionPositionsTest {

    @Test
    void a_token_covers_every_position_up_to_its_index() {
        var token = GapAwareTrackingToken.newInstance(42, List.of());

        assertThat(ProjectionPositions.covers(token, 41)).isTrue();
        assertThat(ProjectionPositions.covers(token, 42)).isTrue();
        assertThat(ProjectionPositions.covers(token, 43)).isFalse();
    }

    @Test
    void a_position_in_a_gap_of_the_token_is_not_covered_though_the_index_is_past_it() {
        var token = GapAwareTrackingToken.newInstance(42, List.of(40L));

        assertThat(ProjectionPositions.covers(token, 40)).as("committed late, not processed yet").isFalse();
        assertThat(ProjectionPositions.covers(token, 39)).isTrue();
        assertThat(ProjectionPositions.covers(token, 41)).isTrue();
    }

    @Test
    void a_replaying_token_covers_what_its_current_token_has_reached_not_what_it_will_reach() {
        var replay = ReplayToken.createReplayToken(GapAwareTrackingToken.newInstance(100, List.of()),
                GapAwareTrackingToken.newInstance(10, List.of()));

        assertThat(ProjectionPositions.covers(replay, 10)).isTrue();
        assertThat(ProjectionPositions.covers(replay, 50)).as("replayed up to 10 only").isFalse();
    }

    @Test
    void no_token_covers_nothing_and_other_tokens_go_by_their_position() {
        assertThat(ProjectionPositions.covers(null, 0)).isFalse();
        assertThat(ProjectionPositions.covers(new GlobalSequenceTrackingToken(7), 7)).isTrue();
        assertThat(ProjectionPositions.covers(new GlobalSequenceTrackingToken(7), 8)).isFalse();
    }

}
