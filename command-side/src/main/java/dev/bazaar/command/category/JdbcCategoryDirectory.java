package dev.bazaar.command.category;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bazaar.kernel.category.AttributeDefinition;
import dev.bazaar.kernel.category.CategoryCreated;
import dev.bazaar.kernel.category.CategoryId;
import dev.bazaar.kernel.category.CategoryMoved;
import dev.bazaar.kernel.category.CategoryRetired;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The category directory in PostgreSQL, updated by a subscribing processor inside the appending transaction. */
@Component
@ProcessingGroup(JdbcCategoryDirectory.PROCESSING_GROUP)
class JdbcCategoryDirectory implements CategoryDirectory {

    static final String PROCESSING_GROUP = "category-directory";

    private static final TypeReference<List<AttributeDefinition>> ATTRIBUTES = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;

    private final ObjectMapper json;

    JdbcCategoryDirectory(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public Optional<Entry> find(CategoryId categoryId) {
        return jdbc.query("SELECT parent_id, active, attributes::text FROM category_directory WHERE category_id = ?",
                (rs, row) -> new Entry(categoryId, toCategoryId(rs.getObject(1, UUID.class)), rs.getBoolean(2),
                        readAttributes(rs.getString(3))),
                categoryId.value()).stream().findFirst();
    }

    @Override
    public Set<CategoryId> ancestorsOf(CategoryId categoryId) {
        List<UUID> ids = jdbc.queryForList("""
                WITH RECURSIVE up(id, parent) AS (
                    SELECT category_id, parent_id FROM category_directory WHERE category_id = ?
                    UNION
                    SELECT c.category_id, c.parent_id FROM category_directory c JOIN up ON c.category_id = up.parent
                )
                SELECT parent FROM up WHERE parent IS NOT NULL
                """, UUID.class, categoryId.value());
        Set<CategoryId> ancestors = new HashSet<>();
        ids.forEach(id -> ancestors.add(new CategoryId(id)));
        return ancestors;
    }

    @EventHandler
    void on(CategoryCreated event) throws JsonProcessingException {
        jdbc.update("""
                INSERT INTO category_directory (category_id, parent_id, active, attributes)
                VALUES (?, ?, true, ?::jsonb)
                ON CONFLICT (category_id) DO NOTHING
                """, event.categoryId().value(), uuidOf(event.parentId()),
                json.writeValueAsString(event.attributes()));
    }

    @EventHandler
    void on(CategoryMoved event) {
        jdbc.update("UPDATE category_directory SET parent_id = ? WHERE category_id = ?",
                uuidOf(event.parentId()), event.categoryId().value());
    }

    @EventHandler
    void on(CategoryRetired event) {
        jdbc.update("UPDATE category_directory SET active = false WHERE category_id = ?", event.categoryId().value());
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE category_directory");
    }

    private List<AttributeDefinition> readAttributes(String text) {
        try {
            return json.readValue(text, ATTRIBUTES);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("category_directory holds attributes that are not JSON", e);
        }
    }

    private static UUID uuidOf(CategoryId id) {
        return id == null ? null : id.value();
    }

    private static CategoryId toCategoryId(UUID id) {
        return id == null ? null : new CategoryId(id);
    }

}
