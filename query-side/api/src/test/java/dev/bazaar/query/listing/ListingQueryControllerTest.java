package dev.bazaar.query.listing;

import dev.bazaar.kernel.money.Money;
import dev.bazaar.kernel.problem.NotFound;
import dev.bazaar.readmodel.ProjectionNames;
import dev.bazaar.readmodel.position.ProjectionPositions;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** When a listing is read from the cache, and when a read waits for the read model instead. */
@WebMvcTest(ListingQueryController.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ListingQueryControllerTest {

    private static final UUID LISTING = UUID.fromString("80000000-0000-0000-0000-000000000001");

    private static final ListingView STORED = view(3);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ListingReader reader;

    @MockitoBean
    ListingCache cache;

    @MockitoBean
    ProjectionPositions positions;

    @Test
    void a_cached_listing_is_answered_from_the_cache() throws Exception {
        when(cache.get(LISTING)).thenReturn(Optional.of(view(2)));

        mvc.perform(get("/api/v1/listings/" + LISTING)).andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2));

        verify(reader, never()).find(any());
    }

    @Test
    void a_listing_not_in_the_cache_is_read_and_put_there() throws Exception {
        when(cache.get(LISTING)).thenReturn(Optional.empty());
        when(reader.find(LISTING)).thenReturn(Optional.of(STORED));

        mvc.perform(get("/api/v1/listings/" + LISTING)).andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(3));

        verify(cache).put(STORED);
    }

    @Test
    void a_read_of_ones_own_write_waits_for_the_read_model_and_skips_the_cache() throws Exception {
        when(reader.find(LISTING)).thenReturn(Optional.of(STORED));

        mvc.perform(get("/api/v1/listings/" + LISTING + "?consistentWith=42")).andExpect(status().isOk());

        var order = inOrder(positions, reader);
        order.verify(positions).awaitPosition(ProjectionNames.LISTING_READ_MODEL, 42L);
        order.verify(reader).find(LISTING);
        verify(cache, never()).get(any());
    }

    /** The refusal is the application's to answer (404 problem+json, through its advice); here it is thrown. */
    @Test
    void a_listing_nobody_has_is_refused_as_not_found_and_not_cached() {
        when(cache.get(LISTING)).thenReturn(Optional.empty());
        when(reader.find(LISTING)).thenReturn(Optional.empty());

        assertThatThrownBy(() -> mvc.perform(get("/api/v1/listings/" + LISTING)))
                .hasRootCauseInstanceOf(NotFound.class);

        verify(cache, never()).put(any());
    }

    private static ListingView view(long version) {
        return new ListingView(LISTING, UUID.randomUUID(), null, UUID.randomUUID(), "Brass desk lamp", "Warm light",
                Money.of(4599, "EUR"), 3, "PUBLISHED", Map.of(), List.of(), version, Instant.EPOCH, Instant.EPOCH);
    }

}
