package dev.bazaar.command.category;

import dev.bazaar.kernel.problem.NotPermitted;
import dev.bazaar.kernel.category.CategoryCreated;
import dev.bazaar.kernel.category.CategoryId;
import dev.bazaar.kernel.category.CategoryMoved;
import dev.bazaar.kernel.category.CategoryRenamed;
import dev.bazaar.kernel.category.CategoryRetired;
import dev.bazaar.kernel.category.CreateCategory;
import dev.bazaar.kernel.category.MoveCategory;
import dev.bazaar.kernel.category.RenameCategory;
import dev.bazaar.kernel.category.RetireCategory;
import dev.bazaar.kernel.identity.Actor;
import dev.bazaar.kernel.identity.Role;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A node of the catalogue tree. Only admins shape the tree. */
@Aggregate(cache = "aggregateCache")
class Category {

    @AggregateIdentifier
    private CategoryId categoryId;

    private CategoryId parentId;

    private boolean retired;

    Category() {
        // for Axon: rebuilt from events
    }

    @CommandHandler
    Category(CreateCategory command, Actor actor, CategoryDirectory directory) {
        requireAdmin(actor);
        CategoryRules.requireName(command.name());
        CategoryRules.requireAttributes(command.attributes());
        if (command.parentId() != null) {
            CategoryRules.requireActiveParent(command.parentId(), directory);
        }
        apply(new CategoryCreated(command.categoryId(), command.name().trim(), command.parentId(),
                command.attributes()));
    }

    @CommandHandler
    void handle(RenameCategory command, Actor actor) {
        requireAdmin(actor);
        requireNotRetired();
        CategoryRules.requireName(command.name());
        apply(new CategoryRenamed(categoryId, command.name().trim()));
    }

    @CommandHandler
    void handle(MoveCategory command, Actor actor, CategoryDirectory directory) {
        requireAdmin(actor);
        requireNotRetired();
        if (Objects.equals(parentId, command.parentId())) {
            return; // already there: nothing happened, so nothing to record
        }
        if (command.parentId() != null) {
            CategoryRules.requireActiveParent(command.parentId(), directory);
            if (command.parentId().equals(categoryId)
                    || directory.ancestorsOf(command.parentId()).contains(categoryId)) {
                throw new CategoryCycle(categoryId, command.parentId());
            }
        }
        apply(new CategoryMoved(categoryId, command.parentId()));
    }

    @CommandHandler
    void handle(RetireCategory command, Actor actor) {
        requireAdmin(actor);
        if (!retired) {
            apply(new CategoryRetired(categoryId));
        }
    }

    @EventSourcingHandler
    void on(CategoryCreated event) {
        categoryId = event.categoryId();
        parentId = event.parentId();
    }

    @EventSourcingHandler
    void on(CategoryMoved event) {
        parentId = event.parentId();
    }

    @EventSourcingHandler
    void on(CategoryRetired event) {
        retired = true;
    }

    private void requireNotRetired() {
        if (retired) {
            throw new CategoryUnavailable(categoryId);
        }
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.is(Role.ADMIN)) {
            throw new NotPermitted("Only admins manage categories.");
        }
    }

}
