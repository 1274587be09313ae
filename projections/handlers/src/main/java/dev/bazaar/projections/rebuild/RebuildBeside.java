package dev.bazaar.projections.rebuild;

import dev.bazaar.projections.rebuild.RebuildRun.Phase;
import dev.bazaar.readmodel.ProjectionNames;
import dev.bazaar.readmodel.ProjectionTables;
import dev.bazaar.readmodel.SearchIndex;
import dev.bazaar.projections.search.IndexRefresh;
import dev.bazaar.projections.search.SearchIndexSwitch;
import dev.bazaar.projections.support.KeepsCaches;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.jooq.DSLContext;
import org.jooq.conf.MappedSchema;
import org.jooq.conf.MappedTable;
import org.jooq.conf.RenderMapping;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Rebuilds a projection beside the live one: its own handlers, twinned onto {@code <table>_next} tables (and, for
 * search, a new index), replay the event store from the first event while the live projection goes on serving. Once
 * the twin has caught up, its secondary indexes are built, the live processor is paused, the twin replays the last
 * few events, and one transaction drops the live tables, renames the twins into their place and stores the twin's
 * position as the live processor's token; the processor then goes on from there. Readers see the old read model until
 * that commit and the new one after it, never an empty or half-built one (ADR 0012).
 */
@Component
@EnableConfigurationProperties(RebuildProperties.class)
public class RebuildBeside {

    private static final Logger log = LoggerFactory.getLogger(RebuildBeside.class);

    private final Map<String, RebuildRun> runs = new ConcurrentHashMap<>();

    private final ExecutorService rebuilding = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "rebuild-beside");
        thread.setDaemon(true);
        return thread;
    });

    private final ApplicationContext context;

    private final EventStore eventStore;

    private final Configuration axon;

    private final TransactionManager axonTransactions;

    private final int batchSize;

    private final TokenStore tokens;

    private final JdbcTemplate jdbc;

    private final DataSource dataSource;

    private final DSLContext sql;

    private final TransactionTemplate transactions;

    private final SearchIndexSwitch searchIndexes;

    private final Duration switchLockTimeout;

    private final int switchAttempts;

    RebuildBeside(ApplicationContext context, EventStore eventStore, Configuration axon,
            TransactionManager axonTransactions, TokenStore tokens, JdbcTemplate jdbc, DataSource dataSource,
            DSLContext sql, PlatformTransactionManager transactions, SearchIndexSwitch searchIndexes,
            RebuildProperties properties) {
        this.context = context;
        this.eventStore = eventStore;
        this.axon = axon;
        this.axonTransactions = axonTransactions;
        this.batchSize = properties.batchSize();
        this.tokens = tokens;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.sql = sql;
        this.transactions = new TransactionTemplate(transactions);
        this.searchIndexes = searchIndexes;
        this.switchLockTimeout = properties.switchLockTimeout();
        this.switchAttempts = properties.switchAttempts();
    }

    /** Whether the projection has tables of its own to build beside the live ones. */
    public boolean supports(String projection) {
        return !ProjectionTables.of(projection).isEmpty();
    }

    /** The projection's latest rebuild on this instance, running or finished. */
    public Optional<RebuildRun> latest(String projection) {
        return Optional.ofNullable(runs.get(projection));
    }

    /**
     * Starts a rebuild in the background; refused while one of the same projection runs, on this instance or on
     * another ({@link RebuildLock}).
     */
    public synchronized RebuildRun start(String projection, StreamingEventProcessor processor, long target) {
        RebuildRun earlier = runs.get(projection);
        if (earlier != null && earlier.active()) {
            throw new RebuildRunning(projection);
        }
        RebuildLock lock = RebuildLock.tryTake(dataSource, projection)
                .orElseThrow(() -> new RebuildRunning(projection));
        RebuildRun run = new RebuildRun(target);
        runs.put(projection, run);
        rebuilding.execute(() -> rebuildAndRelease(projection, processor, run, lock));
        return run;
    }

    /**
     * The outcome is published only once the twin is cleaned up and the lock released: whoever sees a rebuild done or
     * failed finds no twin left behind and may start the next one at once.
     */
    private void rebuildAndRelease(String projection, StreamingEventProcessor processor, RebuildRun run,
            RebuildLock lock) {
        String failure = "stopped unexpectedly; see the log";
        try (lock) {
            failure = rebuild(projection, processor, run);
        }
        finally {
            if (failure == null) {
                run.done();
            }
            else {
                run.failed(failure);
            }
        }
    }

    /** Runs the rebuild; answers why it failed (after discarding what it built), or null once it is switched in. */
    private String rebuild(String projection, StreamingEventProcessor processor, RebuildRun run) {
        List<ShadowTable> tables = new ArrayList<>();
        SearchIndex index = null;
        boolean switched = false;
        long started = System.nanoTime();
        try {
            ProjectionTables.of(projection).forEach(table -> tables.add(ShadowTable.of(table.getName(), jdbc)));
            if (ProjectionNames.LISTING_SEARCH.equals(projection)) {
                index = searchIndexes.twin();
            }
            tables.forEach(table -> table.create(jdbc));
            List<Object> handlers = ProjectionTwin.of(projection, context, replacements(tables, index));
            try (TwinReplay replay = new TwinReplay(axon, axonTransactions, batchSize, eventStore.openStream(null),
                    handlers)) {
                TrackingToken token = replay.upTo(run.target(), run);
                log.info("Rebuilding {}: replayed through position {} in {} ms", projection, run.reached(),
                        millisSince(started));
                run.phase(Phase.INDEXING);
                tables.forEach(table -> table.index(jdbc));
                token = replay.upTo(head(), run);
                log.info("Rebuilding {}: indexed and caught up with position {} after {} ms", projection,
                        run.reached(), millisSince(started));
                run.phase(Phase.SWITCHING);
                long paused = System.nanoTime();
                processor.shutDown();
                try {
                    token = replay.upTo(head(), run);
                    switchIn(projection, tables, index, token);
                    switched = true;
                }
                finally {
                    processor.start();
                }
                log.info("Rebuilding {}: switched in at position {}; the live processor paused for {} ms", projection,
                        run.reached(), millisSince(paused));
            }
            context.getBeansOfType(KeepsCaches.class).values().stream()
                    .filter(bean -> ProjectionTwin.inGroup(bean, projection)).forEach(KeepsCaches::dropCaches);
            log.info("Rebuilt {} beside the live one in {} ms", projection, millisSince(started));
            return null;
        }
        catch (RuntimeException e) {
            if (switched) {
                log.error("Rebuilt {} and switched it in, but what follows the switch failed", projection, e);
                return e.toString();
            }
            log.error("Rebuilding {} failed; the live read model is unchanged", projection, e);
            tables.forEach(table -> table.discard(jdbc));
            if (index != null) {
                searchIndexes.discard(index);
            }
            return e.toString();
        }
    }

    /**
     * The twin tables take the live names and the twin's position becomes the live processor's, atomically. Dropping
     * a live table waits for its readers, and readers arriving meanwhile wait behind the drop, so each attempt waits
     * for the lock only briefly; a reader holding a table through every attempt fails the rebuild, not the reads.
     * The processor's token rows are locked first: a processor (of another instance, which may have taken the paused
     * segment over) holds its token row while it writes the tables, and taking the tables first deadlocked with it.
     */
    private void switchIn(String projection, List<ShadowTable> tables, SearchIndex index, TrackingToken token) {
        for (int attempt = 1; ; attempt++) {
            try {
                transactions.executeWithoutResult(status -> {
                    jdbc.execute("SET LOCAL lock_timeout = '" + switchLockTimeout.toMillis() + "ms'");
                    jdbc.queryForList("SELECT segment FROM token_entry WHERE processor_name = ? FOR UPDATE",
                            Integer.class, projection);
                    tables.forEach(table -> table.switchIn(jdbc));
                    // letters the old read model parked were replayed into the new one (or the replay failed)
                    jdbc.update("DELETE FROM dead_letter_entry WHERE processing_group = ?", projection);
                    int segments = Math.max(1, tokens.fetchSegments(projection).length);
                    jdbc.update("DELETE FROM token_entry WHERE processor_name = ?", projection);
                    tokens.initializeTokenSegments(projection, segments, token);
                    claimForThisInstance(projection);
                    if (index != null) {
                        // last: if the alias update fails, the transaction rolls back and nothing has switched
                        searchIndexes.switchTo(index);
                    }
                });
                return;
            }
            catch (DataAccessException e) {
                if (!lockTimedOut(e)) {
                    throw e;
                }
                if (attempt >= switchAttempts) {
                    throw new IllegalStateException("Could not switch " + projection + " in: its tables stayed locked "
                            + "by readers through " + switchAttempts + " attempts of " + switchLockTimeout.toMillis()
                            + " ms", e);
                }
                log.warn("Switching {} in: tables locked by a reader, attempt {} of {}", projection, attempt,
                        switchAttempts);
            }
        }
    }

    /**
     * The new tokens are claimed by this instance before the switch commits. Left unowned, they could be claimed by
     * another instance's processor that took the paused segment over and still has a batch in flight: Axon's token
     * store claims an unowned token when it stores one, so that batch would commit, writing its own position over the
     * switched-in one. The events it had applied to the old tables before the switch (and that the rebuild had not
     * read yet) would then be skipped by the new read model: lost (TwoInstancesIT saw it). Claimed here, that batch
     * fails to store its token and rolls back, and this instance's processor, started right after, resumes from the
     * switched-in position and applies them again.
     */
    private void claimForThisInstance(String projection) {
        for (int segment : tokens.fetchSegments(projection)) {
            tokens.fetchToken(projection, segment);
        }
    }

    /** PostgreSQL's lock_not_available, which Spring leaves uncategorised. */
    /** A lock wait that timed out, or (should another lock order still meet ours) a deadlock PostgreSQL broke. */
    private static boolean lockTimedOut(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql
                    && ("55P03".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    private Map<Class<?>, Object> replacements(List<ShadowTable> tables, SearchIndex index) {
        var mapping = new MappedSchema().withInput("");
        tables.forEach(table -> mapping.withTables(new MappedTable().withInput(table.live()).withOutput(table.next())));
        Settings settings = ((Settings) sql.settings().clone()).withRenderMapping(new RenderMapping()
                .withSchemata(mapping));
        Map<Class<?>, Object> replacements = new HashMap<>();
        replacements.put(DSLContext.class, DSL.using(sql.configuration().derive(settings)));
        if (index != null) {
            replacements.put(SearchIndex.class, index);
            replacements.put(IndexRefresh.class, IndexRefresh.BEFORE_SWITCH);
        }
        return replacements;
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private long head() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

}
