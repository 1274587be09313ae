package dev.bazaar.query.category;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bazaar.kernel.category.AttributeDefinition;
import dev.bazaar.projections.schema.CacheKeys;
import dev.bazaar.projections.schema.tables.records.CategoryViewRecord;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static dev.bazaar.projections.schema.Tables.LISTING_DETAIL;
import static dev.bazaar.projections.schema.Tables.CATEGORY_VIEW;

/**
 * The category tree, cached in Redis. The cache is filled only if the category generation did not move between
 * reading it and writing the tree (checked atomically), so a tree built from a read model that changed meanwhile is
 * never cached. Listing counts ride along and may lag the cache TTL.
 */
@Component
class CategoryTree {

    private static final Logger log = LoggerFactory.getLogger(CategoryTree.class);

    private static final TypeReference<List<CategoryNode>> TREE = new TypeReference<>() {
    };

    private static final TypeReference<List<AttributeDefinition>> ATTRIBUTES = new TypeReference<>() {
    };

    /** KEYS: tree, generation. ARGV: json, generation read before building, ttl seconds. */
    private static final String PUT_IF_UNCHANGED = """
            if (redis.call('GET', KEYS[2]) or '0') == ARGV[2] then
              redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[3]) return 1
            end
            return 0
            """;

    private final DSLContext sql;

    private final UnifiedJedis redis;

    private final CacheKeys keys;

    private final ObjectMapper json;

    private final String ttlSeconds;

    CategoryTree(DSLContext sql, UnifiedJedis redis, CacheKeys keys, ObjectMapper json,
            @Value("${bazaar.cache.category-tree-ttl:PT1M}") Duration ttl) {
        this.sql = sql;
        this.redis = redis;
        this.keys = keys;
        this.json = json;
        this.ttlSeconds = Long.toString(ttl.toSeconds());
    }

    List<CategoryNode> cachedOrBuild() {
        String generation;
        try {
            String cached = redis.get(keys.categoryTree());
            if (cached != null) {
                return json.readValue(cached, TREE);
            }
            generation = String.valueOf(redis.get(keys.categoryGeneration()) == null ? "0"
                    : redis.get(keys.categoryGeneration()));
        }
        catch (RuntimeException | JsonProcessingException e) {
            log.warn("Category cache unavailable, reading PostgreSQL: {}", e.toString());
            return build();
        }
        List<CategoryNode> tree = build();
        try {
            redis.eval(PUT_IF_UNCHANGED, List.of(keys.categoryTree(), keys.categoryGeneration()),
                    List.of(json.writeValueAsString(tree), generation, ttlSeconds));
        }
        catch (RuntimeException | JsonProcessingException e) {
            log.warn("Category cache write failed: {}", e.toString());
        }
        return tree;
    }

    List<CategoryNode> build() {
        Map<UUID, Map<String, Long>> counts = new HashMap<>();
        sql.select(LISTING_DETAIL.CATEGORY_ID, LISTING_DETAIL.STATUS, DSL.count())
                .from(LISTING_DETAIL)
                .groupBy(LISTING_DETAIL.CATEGORY_ID, LISTING_DETAIL.STATUS)
                .forEach(row -> counts
                        .computeIfAbsent(row.value1(), id -> new TreeMap<>())
                        .put(row.value2(), row.value3().longValue()));
        List<CategoryViewRecord> rows = sql.selectFrom(CATEGORY_VIEW).orderBy(CATEGORY_VIEW.NAME).fetch();
        Map<UUID, List<CategoryViewRecord>> byParent = new HashMap<>();
        for (CategoryViewRecord row : rows) {
            byParent.computeIfAbsent(row.getParentId(), id -> new ArrayList<>()).add(row);
        }
        return children(null, byParent, counts);
    }

    private List<CategoryNode> children(UUID parentId, Map<UUID, List<CategoryViewRecord>> byParent,
            Map<UUID, Map<String, Long>> counts) {
        return byParent.getOrDefault(parentId, List.of()).stream()
                .sorted(Comparator.comparing(CategoryViewRecord::getName))
                .map(row -> new CategoryNode(row.getCategoryId(), row.getName(), row.getParentId(), row.getActive(),
                        attributes(row), counts.getOrDefault(row.getCategoryId(), Map.of()),
                        children(row.getCategoryId(), byParent, counts)))
                .toList();
    }

    private List<AttributeDefinition> attributes(CategoryViewRecord row) {
        try {
            return json.readValue(row.getAttributes().data(), ATTRIBUTES);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("category_view holds attributes it cannot read back", e);
        }
    }

}
