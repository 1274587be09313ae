package dev.bazaar.command.category;

import dev.bazaar.kernel.category.AttributeDefinition;
import dev.bazaar.kernel.category.AttributeType;
import dev.bazaar.kernel.category.CategoryCreated;
import dev.bazaar.kernel.category.CategoryId;
import dev.bazaar.kernel.category.CategoryMoved;
import dev.bazaar.kernel.category.CategoryRenamed;
import dev.bazaar.kernel.category.CategoryRetired;
import dev.bazaar.kernel.category.CreateCategory;
import dev.bazaar.kernel.category.MoveCategory;
import dev.bazaar.kernel.category.RenameCategory;
import dev.bazaar.kernel.category.RetireCategory;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.bazaar.command.Actors.anAdmin;
import static dev.bazaar.command.Actors.theSeller;
import static dev.bazaar.command.RefusalMatchers.refusal;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CategoryTest {

    private static final CategoryId HOME = CategoryId.of("30000000-0000-0000-0000-000000000001");

    private static final CategoryId LIGHTING = CategoryId.of("30000000-0000-0000-0000-000000000002");

    private static final CategoryId LAMPS = CategoryId.of("30000000-0000-0000-0000-000000000003");

    private static final CategoryId OLD = CategoryId.of("30000000-0000-0000-0000-000000000004");

    private static final List<AttributeDefinition> ATTRIBUTES = List.of(
            new AttributeDefinition("color", AttributeType.CHOICE, true, List.of("red", "blue")));

    private AggregateTestFixture<Category> fixture;

    @BeforeEach
    void setUp() {
        var known = new KnownCategories()
                .with(HOME, null, true, List.of())
                .with(LIGHTING, HOME, true, List.of())
                .with(LAMPS, LIGHTING, true, List.of())
                .with(OLD, null, false, List.of());
        fixture = new AggregateTestFixture<>(Category.class);
        fixture.registerInjectableResource(known);
    }

    @Test
    void an_admin_creates_a_root_category() {
        fixture.givenNoPriorActivity()
                .when(new CreateCategory(HOME, " Home ", null, ATTRIBUTES), anAdmin())
                .expectEvents(new CategoryCreated(HOME, "Home", null, ATTRIBUTES));
    }

    @Test
    void an_admin_creates_a_category_under_an_active_parent() {
        fixture.givenNoPriorActivity()
                .when(new CreateCategory(LAMPS, "Lamps", LIGHTING, List.of()), anAdmin())
                .expectEvents(new CategoryCreated(LAMPS, "Lamps", LIGHTING, List.of()));
    }

    @Test
    void a_seller_cannot_create_categories() {
        fixture.givenNoPriorActivity()
                .when(new CreateCategory(HOME, "Home", null, List.of()), theSeller())
                .expectNoEvents()
                .expectException(refusal("not-permitted"));
    }

    @Test
    void a_category_cannot_be_created_under_a_retired_parent() {
        fixture.givenNoPriorActivity()
                .when(new CreateCategory(LAMPS, "Lamps", OLD, List.of()), anAdmin())
                .expectException(refusal("category-unavailable"));
    }

    @Test
    void a_category_name_cannot_be_blank() {
        fixture.givenNoPriorActivity()
                .when(new CreateCategory(HOME, "  ", null, List.of()), anAdmin())
                .expectException(refusal("validation", "name"));
    }

    @Test
    void attribute_names_must_be_unique_and_choices_need_choices() {
        var attributes = List.of(new AttributeDefinition("size", AttributeType.CHOICE, false, List.of()),
                new AttributeDefinition("size", AttributeType.TEXT, false, List.of()));
        fixture.givenNoPriorActivity()
                .when(new CreateCategory(HOME, "Home", null, attributes), anAdmin())
                .expectException(refusal("validation", "attributes[0].choices", "attributes[1].name"));
    }

    @Test
    void an_admin_renames_a_category() {
        fixture.given(new CategoryCreated(HOME, "Home", null, List.of()))
                .when(new RenameCategory(HOME, "House"), anAdmin())
                .expectEvents(new CategoryRenamed(HOME, "House"));
    }

    @Test
    void a_category_moves_under_another_parent() {
        fixture.given(new CategoryCreated(LAMPS, "Lamps", LIGHTING, List.of()))
                .when(new MoveCategory(LAMPS, HOME), anAdmin())
                .expectEvents(new CategoryMoved(LAMPS, HOME));
    }

    @Test
    void moving_to_the_current_parent_records_nothing() {
        fixture.given(new CategoryCreated(LAMPS, "Lamps", LIGHTING, List.of()))
                .when(new MoveCategory(LAMPS, LIGHTING), anAdmin())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_category_cannot_move_under_its_own_descendant() {
        fixture.given(new CategoryCreated(HOME, "Home", null, List.of()))
                .when(new MoveCategory(HOME, LAMPS), anAdmin())
                .expectNoEvents()
                .expectException(refusal("category-cycle"));
    }

    @Test
    void a_category_cannot_move_under_itself() {
        fixture.given(new CategoryCreated(HOME, "Home", null, List.of()))
                .when(new MoveCategory(HOME, HOME), anAdmin())
                .expectException(refusal("category-cycle"));
    }

    @Test
    void an_admin_retires_a_category_once() {
        fixture.given(new CategoryCreated(HOME, "Home", null, List.of()))
                .when(new RetireCategory(HOME), anAdmin())
                .expectEvents(new CategoryRetired(HOME));
        fixture.given(new CategoryCreated(HOME, "Home", null, List.of()), new CategoryRetired(HOME))
                .when(new RetireCategory(HOME), anAdmin())
                .expectNoEvents();
    }

    @Test
    void a_retired_category_cannot_be_renamed_or_moved() {
        fixture.given(new CategoryCreated(LAMPS, "Lamps", LIGHTING, List.of()), new CategoryRetired(LAMPS))
                .when(new RenameCategory(LAMPS, "Lights"), anAdmin())
                .expectException(refusal("category-unavailable"));
        fixture.given(new CategoryCreated(LAMPS, "Lamps", LIGHTING, List.of()), new CategoryRetired(LAMPS))
                .when(new MoveCategory(LAMPS, HOME), anAdmin())
                .expectException(refusal("category-unavailable"));
    }

}
