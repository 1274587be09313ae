package dev.bazaar.query.category;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bazaar.kernel.category.AttributeDefinition;
import dev.bazaar.readmodel.CacheKeys;
import dev.bazaar.readmodel.CacheProperties;
import dev.bazaar.query.common.GenerationCache;
import dev.bazaar.readmodel.jooq.tables.records.CategoryViewRecord;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

import static dev.bazaar.readmodel.jooq.Tables.LISTING_DETAIL;
import static dev.bazaar.readmodel.jooq.Tables.CATEGORY_VIEW;

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

    private final DSLContext sql;

    private final GenerationCache cache;

    private final CacheKeys keys;

    private final ObjectMapper json;

    private final Duration ttl;

    CategoryTree(DSLContext sql, GenerationCache cache, CacheKeys keys, ObjectMapper json,
            CacheProperties caches) {
        this.sql = sql;
        this.cache = cache;
        this.keys = keys;
        this.json = json;
        this.ttl = caches.categoryTreeTtl();
    }

    List<CategoryNode> cachedOrBuild() {
        String tree = cache.cachedOrBuild(keys.categoryTree(), keys.categoryGeneration(), ttl, () -> write(build()));
        try {
            return json.readValue(tree, TREE);
        }
        catch (JsonProcessingException e) {
            log.warn("Unreadable cached category tree, building it: {}", e.toString());
            return build();
        }
    }

    private String write(List<CategoryNode> tree) {
        try {
            return json.writeValueAsString(tree);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    List<CategoryNode> build() {
        Map<UUID, Map<String, Long>> counts = new HashMap<>();
        sql.select(LISTING_DETAIL.CATEGORY_ID, LISTING_DETAIL.STATUS, DSL.count())
                .from(LISTING_DETAIL)
                .groupBy(LISTING_DETAIL.CATEGORY_ID, LISTING_DETAIL.STATUS)
                .forEach(row -> counts
                        .computeIfAbsent(row.value1(), id -> new TreeMap<>())
                        .put(row.value2(), row.value3().longValue()));
        return assemble(sql.selectFrom(CATEGORY_VIEW).orderBy(CATEGORY_VIEW.NAME).fetch(), counts, this::attributes);
    }

    /**
     * The tree of the categories: roots first, each node's children under it, siblings by name, each with its own
     * listing counts per status (none for a category without listings). A category whose parent is not among the
     * rows is left out with its subtree: it cannot be reached from a root.
     */
    static List<CategoryNode> assemble(List<CategoryViewRecord> rows, Map<UUID, Map<String, Long>> counts,
            Function<CategoryViewRecord, List<AttributeDefinition>> attributes) {
        Map<UUID, List<CategoryViewRecord>> byParent = new HashMap<>();
        for (CategoryViewRecord row : rows) {
            byParent.computeIfAbsent(row.getParentId(), id -> new ArrayList<>()).add(row);
        }
        return children(null, byParent, counts, attributes);
    }

    private static List<CategoryNode> children(UUID parentId, Map<UUID, List<CategoryViewRecord>> byParent,
            Map<UUID, Map<String, Long>> counts, Function<CategoryViewRecord, List<AttributeDefinition>> attributes) {
        return byParent.getOrDefault(parentId, List.of()).stream()
                .sorted(Comparator.comparing(CategoryViewRecord::getName))
                .map(row -> new CategoryNode(row.getCategoryId(), row.getName(), row.getParentId(), row.getActive(),
                        attributes.apply(row), counts.getOrDefault(row.getCategoryId(), Map.of()),
                        children(row.getCategoryId(), byParent, counts, attributes)))
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
