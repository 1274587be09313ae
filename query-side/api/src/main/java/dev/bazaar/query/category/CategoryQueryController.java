package dev.bazaar.query.category;

import dev.bazaar.readmodel.ProjectionNames;
import dev.bazaar.readmodel.position.ProjectionPositions;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The category tree, roots first, children by name. */
@RestController
@RequestMapping("/api/v1/categories")
class CategoryQueryController {

    private final CategoryTree tree;

    private final ProjectionPositions positions;

    CategoryQueryController(CategoryTree tree, ProjectionPositions positions) {
        this.tree = tree;
        this.positions = positions;
    }

    @GetMapping
    List<CategoryNode> categories(@RequestParam(required = false) @Min(0) Long consistentWith) {
        if (consistentWith != null) {
            positions.awaitPosition(ProjectionNames.CATEGORY_READ_MODEL, consistentWith);
            return tree.build();
        }
        return tree.cachedOrBuild();
    }

}
