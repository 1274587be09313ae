package dev.bazaar.command.common;

import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BoundedCacheTest {

    @Test
    void keeps_entries_while_the_heap_is_collected() {
        var cache = new BoundedCache(100, Duration.ofMinutes(5));
        cache.put("listing-1", new Object());

        System.gc();

        assertThat((Object) cache.get("listing-1")).isNotNull();
    }

    @Test
    void evicts_beyond_its_bound_and_tells_its_listeners() {
        var cache = new BoundedCache(10, Duration.ofMinutes(5));
        List<Object> expired = new ArrayList<>();
        cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryExpired(Object key) {
                expired.add(key);
            }
        });

        for (int i = 0; i < 1_000; i++) {
            cache.put("order-" + i, i);
        }

        long kept = java.util.stream.IntStream.range(0, 1_000).filter(i -> cache.containsKey("order-" + i)).count();
        assertThat(kept).isLessThanOrEqualTo(10);
        assertThat(expired).hasSize(1_000 - (int) kept);
    }

    @Test
    void answers_put_if_absent_and_remove_as_a_map_would() {
        var cache = new BoundedCache(10, Duration.ofMinutes(5));

        assertThat(cache.putIfAbsent("order-1", "first")).isTrue();
        assertThat(cache.putIfAbsent("order-1", "second")).isFalse();
        assertThat((Object) cache.get("order-1")).isEqualTo("first");
        assertThat(cache.remove("order-1")).isTrue();
        assertThat(cache.remove("order-1")).isFalse();
        assertThat(cache.containsKey("order-1")).isFalse();
    }

}
