package dev.bazaar.projections.rebuild;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The parts of a rebuild beside the live read model that need no database: twin names and DDL, and progress. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RebuildPartsTest {

    @Test
    void an_index_is_twinned_under_its_twins_name_on_the_twin_table() {
        var twin = ShadowTable.twinIndex("listing_detail_seller_idx",
                "CREATE INDEX listing_detail_seller_idx ON public.listing_detail USING btree (seller_id, created_at)",
                "listing_detail_next");

        assertThat(twin.name()).isEqualTo("listing_detail_seller_idx");
        assertThat(twin.createTwin()).isEqualTo("CREATE INDEX \"listing_detail_seller_idx_next\" ON "
                + "\"listing_detail_next\" USING btree (seller_id, created_at)");
    }

    @Test
    void a_unique_partial_index_stays_unique_and_partial() {
        var twin = ShadowTable.twinIndex("order_summary_open_idx", "CREATE UNIQUE INDEX order_summary_open_idx ON "
                + "ONLY public.order_summary USING btree (order_id) WHERE (status <> 'COMPLETED'::text)",
                "order_summary_next");

        assertThat(twin.createTwin()).startsWith("CREATE UNIQUE INDEX \"order_summary_open_idx_next\" ON ONLY "
                + "\"order_summary_next\"").endsWith("WHERE (status <> 'COMPLETED'::text)");
    }

    @Test
    void an_index_definition_of_another_shape_is_not_guessed_at() {
        assertThatThrownBy(() -> ShadowTable.twinIndex("x", "CREATE STATISTICS x ON a, b FROM t", "t_next"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_twins_name_fits_postgresqls_63_bytes_even_for_a_long_name() {
        String long63 = "a".repeat(63);

        assertThat(ShadowTable.twinName("ledger_entry")).isEqualTo("ledger_entry_next");
        assertThat(ShadowTable.twinName(long63)).hasSize(63).endsWith("_next");
    }

    @Test
    void a_rebuild_is_active_until_done_or_failed_and_its_progress_is_the_share_replayed() {
        var run = new RebuildRun(200);
        run.reached(50);

        assertThat(run.active()).isTrue();
        assertThat(run.progress()).isEqualTo(0.25);
        run.reached(400);
        assertThat(run.progress()).as("the last batch may go past the target").isEqualTo(1.0);
        run.failed("stayed locked");
        assertThat(run.active()).isFalse();
        assertThat(run.phase()).isEqualTo(RebuildRun.Phase.FAILED);
        assertThat(run.error()).isEqualTo("stayed locked");
    }

    @Test
    void a_rebuild_of_an_empty_store_is_complete_at_once() {
        var run = new RebuildRun(0);

        assertThat(run.progress()).isEqualTo(1.0);
        run.done();
        assertThat(run.phase()).isEqualTo(RebuildRun.Phase.DONE);
    }

}
