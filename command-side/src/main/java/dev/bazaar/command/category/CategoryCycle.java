package dev.bazaar.command.category;

import dev.bazaar.kernel.problem.Refusal;
import dev.bazaar.kernel.category.CategoryId;

/** Moving a category under itself or one of its descendants would cut the subtree off from the root. */
class CategoryCycle extends Refusal {

    CategoryCycle(CategoryId categoryId, CategoryId parentId) {
        super("category-cycle", 409,
                "Category " + categoryId + " cannot move under its own descendant " + parentId + ".");
    }

}
