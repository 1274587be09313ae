package dev.bazaar.query.category;

import dev.bazaar.kernel.category.AttributeDefinition;
import dev.bazaar.readmodel.jooq.tables.records.CategoryViewRecord;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.bazaar.readmodel.jooq.Tables.CATEGORY_VIEW;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CategoryTreeTest {

    private static final DSLContext OFFLINE = DSL.using(SQLDialect.POSTGRES);

    private static final UUID HOME = UUID.randomUUID();

    private static final UUID LIGHTING = UUID.randomUUID();

    private static final UUID FURNITURE = UUID.randomUUID();

    private static final UUID LAMPS = UUID.randomUUID();

    @Test
    void categories_nest_under_their_parents_with_siblings_by_name() {
        var tree = CategoryTree.assemble(List.of(row(LAMPS, "Lamps", LIGHTING), row(LIGHTING, "Lighting", HOME),
                row(FURNITURE, "Furniture", HOME), row(HOME, "Home", null)), Map.of(), row -> List.of());

        assertThat(tree).extracting(CategoryNode::name).containsExactly("Home");
        assertThat(tree.get(0).children()).extracting(CategoryNode::name).containsExactly("Furniture", "Lighting");
        assertThat(tree.get(0).children().get(1).children()).extracting(CategoryNode::id).containsExactly(LAMPS);
    }

    @Test
    void each_category_carries_its_own_listing_counts_and_none_when_it_has_no_listings() {
        var tree = CategoryTree.assemble(List.of(row(HOME, "Home", null), row(LAMPS, "Lamps", HOME)),
                Map.of(LAMPS, Map.of("PUBLISHED", 3L, "DRAFT", 1L)), row -> List.of());

        assertThat(tree.get(0).listings()).isEmpty();
        assertThat(tree.get(0).children().get(0).listings()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "PUBLISHED", 3L, "DRAFT", 1L));
    }

    @Test
    void a_category_whose_parent_is_unknown_cannot_be_reached_and_is_left_out() {
        var tree = CategoryTree.assemble(List.of(row(HOME, "Home", null), row(LAMPS, "Lamps", UUID.randomUUID())),
                Map.of(), row -> List.of());

        assertThat(tree).hasSize(1);
        assertThat(tree.get(0).children()).isEmpty();
    }

    @Test
    void a_nodes_attributes_and_state_come_from_its_row() {
        var color = new AttributeDefinition("color", dev.bazaar.kernel.category.AttributeType.CHOICE, true,
                List.of("red", "blue"));
        var retired = row(HOME, "Home", null);
        retired.setActive(false);

        var node = CategoryTree.assemble(List.of(retired), Map.of(), row -> List.of(color)).get(0);

        assertThat(node.active()).isFalse();
        assertThat(node.attributes()).containsExactly(color);
        assertThat(node.parentId()).isNull();
    }

    private static CategoryViewRecord row(UUID id, String name, UUID parent) {
        var row = OFFLINE.newRecord(CATEGORY_VIEW);
        row.setCategoryId(id);
        row.setName(name);
        row.setParentId(parent);
        row.setActive(true);
        return row;
    }

}
