package dev.bazaar.command.category;

import dev.bazaar.kernel.problem.Refusal;
import dev.bazaar.kernel.category.CategoryId;

/** The category does not exist or is retired, so nothing new may be placed in or under it. */
public class CategoryUnavailable extends Refusal {

    public CategoryUnavailable(CategoryId categoryId) {
        super("category-unavailable", 422, "Category " + categoryId + " does not exist or is retired.");
    }

}
