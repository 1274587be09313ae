package dev.bazaar.command.common;

import dev.bazaar.eventstore.rows.StoredEvents;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;

import java.lang.reflect.Field;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The aggregate cache, checked against the event store where a copy made stale by another instance's write could
 * decide wrongly: one indexed query for the aggregate's last stored sequence number. A command that appends needs no
 * check: a stale copy appends a sequence number that is already taken, the store's unique key refuses it, and the
 * command is retried on a fresh load. A command that refuses ("cannot ship an order awaiting acceptance") or changes
 * nothing (a report already known) would answer from the past (TwoInstancesIT), so those are checked when they
 * happen: a refusal by {@link #verifyAfterRefusal}, run by the command bus's interceptor; a command that changed
 * nothing when the repository puts the unchanged copy back at its commit. A copy found behind is dropped and the
 * command fails with {@link StaleAggregate}, a {@link ConcurrencyException}, which the web's gateway retries like a
 * lost append race (the order process's batch is retried whole). Outside a unit of work a copy is checked at once.
 * This saves the query on every command that appends: four statements of every order's flow.
 */
final class CheckedAggregateCache implements Cache {

    private static final Field VERSION = versionField();

    private static final String UNVERIFIED = CheckedAggregateCache.class.getName() + ".unverified";

    private final Cache delegate;

    private final StoredEvents store;

    CheckedAggregateCache(Cache delegate, StoredEvents store) {
        this.delegate = delegate;
        this.store = store;
    }

    @Override
    public <K, V> V get(K key) {
        V cached = delegate.get(key);
        if (cached instanceof AggregateCacheEntry<?> entry) {
            if (CurrentUnitOfWork.isStarted()) {
                unverified(CurrentUnitOfWork.get()).put(key, versionOf(entry));
            } else if (behind(key, versionOf(entry))) {
                delegate.remove(key);
                return null;
            }
        }
        return cached;
    }

    /** The repository puts the aggregate back when its unit of work commits: unchanged, it is checked now. */
    @Override
    public void put(Object key, Object value) {
        if (value instanceof AggregateCacheEntry<?> entry && CurrentUnitOfWork.isStarted()) {
            Long loaded = loadedFromCache(CurrentUnitOfWork.get()).remove(key);
            if (loaded != null && loaded.equals(versionOf(entry)) && behind(key, loaded)) {
                delegate.remove(key);
                throw new StaleAggregate(key, null);
            }
        }
        delegate.put(key, value);
    }

    /**
     * After a command refused: if it decided on a copy another instance had moved past, the copy is dropped and the
     * refusal becomes a {@link StaleAggregate}, so the command is decided again on the stored state.
     */
    void verifyAfterRefusal(UnitOfWork<?> unitOfWork, Exception refusal) {
        for (var loaded : loadedFromCache(unitOfWork).entrySet()) {
            if (behind(loaded.getKey(), loaded.getValue())) {
                delegate.remove(loaded.getKey());
                throw new StaleAggregate(loaded.getKey(), refusal);
            }
        }
    }

    /**
     * Behind only if the store holds more than the copy: a copy ahead of the store (or of an empty store) carries
     * events staged in this same transaction (a second command on the aggregate in one batch of the order process).
     */
    private boolean behind(Object aggregateId, long version) {
        Long stored = store.lastSequenceOf(aggregateId.toString());
        return stored != null && stored > version;
    }

    private static Map<Object, Long> unverified(UnitOfWork<?> unitOfWork) {
        return unitOfWork.getOrComputeResource(UNVERIFIED, name -> new HashMap<>());
    }

    /** The copies this unit of work took from the cache unchecked; none (and nothing allocated) if it took none. */
    private static Map<Object, Long> loadedFromCache(UnitOfWork<?> unitOfWork) {
        Map<Object, Long> loaded = unitOfWork.getResource(UNVERIFIED);
        return loaded == null ? Collections.emptyMap() : loaded;
    }

    private static long versionOf(AggregateCacheEntry<?> entry) {
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

    /** A cached copy was behind the store; the command is to be decided again on a fresh load. */
    static final class StaleAggregate extends ConcurrencyException {

        StaleAggregate(Object aggregateId, Exception refusal) {
            super("The cached copy of aggregate " + aggregateId + " was behind the event store", refusal);
        }
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
