package dev.bazaar.command.common;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.springframework.jdbc.core.JdbcTemplate;

import java.lang.reflect.Field;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The aggregate cache, checked against the event store before a cached aggregate is used: one indexed query for the
 * aggregate's last stored sequence number. A copy that is behind (another instance appended since) is dropped, so the
 * repository loads the aggregate from the store. Without the check, a stale copy that would have appended lost the
 * race and retried, but a stale copy that refused ("cannot ship an order awaiting acceptance") or ignored a report as
 * already known answered from the past (TwoInstancesIT).
 */
final class CheckedAggregateCache implements Cache {

    private static final Field VERSION = versionField();

    private final Cache delegate;

    private final JdbcTemplate jdbc;

    CheckedAggregateCache(Cache delegate, JdbcTemplate jdbc) {
        this.delegate = delegate;
        this.jdbc = jdbc;
    }

    @Override
    public <K, V> V get(K key) {
        V cached = delegate.get(key);
        if (cached instanceof AggregateCacheEntry<?> entry && !current(key, entry)) {
            delegate.remove(key);
            return null;
        }
        return cached;
    }

    private boolean current(Object aggregateId, AggregateCacheEntry<?> entry) {
        Long stored = jdbc.queryForObject("SELECT max(sequence_number) FROM domain_event_entry "
                + "WHERE aggregate_identifier = ?", Long.class, aggregateId.toString());
        return stored != null && stored.equals(versionOf(entry));
    }

    private static Long versionOf(AggregateCacheEntry<?> entry) {
        try {
            return (Long) VERSION.get(entry);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot read the cached aggregate's version", e);
        }
    }

    /** Axon keeps the cached aggregate's version private; read it rather than keep a second copy that could drift. */
    private static Field versionField() {
        try {
            Field field = AggregateCacheEntry.class.getDeclaredField("version");
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("Axon's AggregateCacheEntry has no version field any more", e);
        }
    }

    @Override
    public void put(Object key, Object value) {
        delegate.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return delegate.putIfAbsent(key, value);
    }

    @Override
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        return delegate.computeIfAbsent(key, valueSupplier);
    }

    @Override
    public boolean remove(Object key) {
        return delegate.remove(key);
    }

    @Override
    public void removeAll() {
        delegate.removeAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return delegate.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        return delegate.registerCacheEntryListener(cacheEntryListener);
    }

    @Override
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        delegate.computeIfPresent(key, update);
    }

}
