package dev.bazaar.projections.category;

import dev.bazaar.kernel.category.CategoryCreated;
import dev.bazaar.kernel.category.CategoryId;
import dev.bazaar.kernel.category.CategoryMoved;
import dev.bazaar.kernel.category.CategoryRenamed;
import dev.bazaar.kernel.category.CategoryRetired;
import dev.bazaar.readmodel.CacheKeys;
import dev.bazaar.readmodel.ProjectionNames;
import dev.bazaar.projections.support.Json;
import dev.bazaar.projections.support.KeepsCaches;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

import java.time.Instant;
import java.time.ZoneOffset;

import static dev.bazaar.readmodel.jooq.Tables.CATEGORY_VIEW;

/**
 * The category tree for browsing. After each committed batch it invalidates the cached tree: after, not before,
 * so that a query cannot re-cache the old tree from a not-yet-committed read model.
 */
@Component
@ProcessingGroup(ProjectionNames.CATEGORY_READ_MODEL)
class CategoryReadModelProjection implements KeepsCaches {

    private static final Logger log = LoggerFactory.getLogger(CategoryReadModelProjection.class);

    private static final String INVALIDATION_REGISTERED = CategoryReadModelProjection.class.getName() + ".invalidate";

    private final DSLContext sql;

    private final UnifiedJedis redis;

    private final CacheKeys keys;

    CategoryReadModelProjection(DSLContext sql, UnifiedJedis redis, CacheKeys keys) {
        this.sql = sql;
        this.redis = redis;
        this.keys = keys;
    }

    @EventHandler
    void on(CategoryCreated event, @SequenceNumber long version, @Timestamp Instant at) {
        sql.insertInto(CATEGORY_VIEW)
                .set(CATEGORY_VIEW.CATEGORY_ID, event.categoryId().value())
                .set(CATEGORY_VIEW.NAME, event.name())
                .set(CATEGORY_VIEW.PARENT_ID, event.parentId() == null ? null : event.parentId().value())
                .set(CATEGORY_VIEW.ACTIVE, true)
                .set(CATEGORY_VIEW.ATTRIBUTES, Json.of(event.attributes()))
                .set(CATEGORY_VIEW.VERSION, version)
                .set(CATEGORY_VIEW.CREATED_AT, at.atOffset(ZoneOffset.UTC))
                .onConflictDoNothing()
                .execute();
        invalidateTreeAfterCommit();
    }

    @EventHandler
    void on(CategoryRenamed event, @SequenceNumber long version) {
        update(event.categoryId(), version, CATEGORY_VIEW.NAME, event.name());
    }

    @EventHandler
    void on(CategoryMoved event, @SequenceNumber long version) {
        update(event.categoryId(), version, CATEGORY_VIEW.PARENT_ID,
                event.parentId() == null ? null : event.parentId().value());
    }

    @EventHandler
    void on(CategoryRetired event, @SequenceNumber long version) {
        update(event.categoryId(), version, CATEGORY_VIEW.ACTIVE, false);
    }

    /** One column of one category, unless this event (by its version) was applied already. */
    private <T> void update(CategoryId categoryId, long version, Field<T> column, T value) {
        sql.update(CATEGORY_VIEW)
                .set(column, value)
                .set(CATEGORY_VIEW.VERSION, version)
                .where(CATEGORY_VIEW.CATEGORY_ID.eq(categoryId.value()))
                .and(CATEGORY_VIEW.VERSION.lt(version))
                .execute();
        invalidateTreeAfterCommit();
    }

    @ResetHandler
    void reset() {
        sql.truncate(CATEGORY_VIEW).execute();
        invalidateTree();
    }

    @Override
    public void dropCaches() {
        invalidateTree();
    }

    private void invalidateTreeAfterCommit() {
        CurrentUnitOfWork.get().root().getOrComputeResource(INVALIDATION_REGISTERED, name -> {
            CurrentUnitOfWork.get().root().afterCommit(unitOfWork -> invalidateTree());
            return Boolean.TRUE;
        });
    }

    private void invalidateTree() {
        try {
            redis.incr(keys.categoryGeneration());
            redis.del(keys.categoryTree());
        }
        catch (RuntimeException e) {
            // the read model is committed; the cached tree expires by its TTL if Redis missed this
            log.warn("Could not invalidate the cached category tree: {}", e.toString());
        }
    }

}
