package dev.bazaar.command.listing;

import dev.bazaar.command.category.CategoryDirectory;
import dev.bazaar.command.category.CategoryUnavailable;
import dev.bazaar.command.common.InvalidRequest;
import dev.bazaar.kernel.problem.Violation;
import dev.bazaar.kernel.category.AttributeDefinition;
import dev.bazaar.kernel.category.CategoryId;
import dev.bazaar.kernel.money.Money;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The invariants of a listing, in one place so that create and update enforce the same ones. */
final class ListingRules {

    static final int MIN_TITLE = 3;

    static final int MAX_TITLE = 140;

    static final int MAX_DESCRIPTION = 10_000;

    static final int MAX_IMAGES = 20;

    private ListingRules() {
    }

    static void requireValid(String title, String description, Money price, int quantity, List<String> images) {
        List<Violation> violations = detailViolations(title, description, images);
        violations.addAll(priceViolations(price));
        violations.addAll(quantityViolations(quantity));
        throwIfAny(violations);
    }

    static void requireValidDetails(String title, String description, List<String> images) {
        throwIfAny(detailViolations(title, description, images));
    }

    static void requireValidPrice(Money price) {
        throwIfAny(priceViolations(price));
    }

    static void requireValidQuantity(int quantity) {
        throwIfAny(quantityViolations(quantity));
    }

    static void requireActiveCategory(CategoryId categoryId, CategoryDirectory categories) {
        categories.find(categoryId)
                .filter(CategoryDirectory.Entry::active)
                .orElseThrow(() -> new CategoryUnavailable(categoryId));
    }

    /** The category must be active and the attributes must match its definitions: known names, right types. */
    static void requireFitsCategory(CategoryId categoryId, Map<String, Object> attributes,
            CategoryDirectory categories) {
        CategoryDirectory.Entry category = categories.find(categoryId)
                .filter(CategoryDirectory.Entry::active)
                .orElseThrow(() -> new CategoryUnavailable(categoryId));
        throwIfAny(attributeViolations(category.attributes(), attributes));
    }

    static List<Violation> attributeViolations(List<AttributeDefinition> definitions, Map<String, Object> values) {
        List<Violation> violations = new ArrayList<>();
        Set<String> known = definitions.stream().map(AttributeDefinition::name).collect(Collectors.toSet());
        values.keySet().stream()
                .filter(name -> !known.contains(name))
                .sorted()
                .forEach(name -> violations.add(
                        new Violation("attributes." + name, "is not an attribute of this category")));
        for (AttributeDefinition definition : definitions) {
            Object value = values.get(definition.name());
            String field = "attributes." + definition.name();
            if (value == null) {
                if (definition.required()) {
                    violations.add(new Violation(field, "is required in this category"));
                }
                continue;
            }
            switch (definition.type()) {
                case TEXT -> {
                    if (!(value instanceof String text) || text.isBlank() || text.length() > 500) {
                        violations.add(new Violation(field, "must be text of 1 to 500 characters"));
                    }
                }
                case NUMBER -> {
                    if (!(value instanceof Number)) {
                        violations.add(new Violation(field, "must be a number"));
                    }
                }
                case BOOLEAN -> {
                    if (!(value instanceof Boolean)) {
                        violations.add(new Violation(field, "must be true or false"));
                    }
                }
                case CHOICE -> {
                    if (!definition.choices().contains(value)) {
                        violations.add(new Violation(field, "must be one of " + definition.choices()));
                    }
                }
            }
        }
        return violations;
    }

    private static List<Violation> detailViolations(String title, String description, List<String> images) {
        List<Violation> violations = new ArrayList<>();
        int titleLength = title == null ? 0 : title.trim().length();
        if (titleLength < MIN_TITLE || titleLength > MAX_TITLE) {
            violations.add(new Violation("title", "must be " + MIN_TITLE + " to " + MAX_TITLE + " characters"));
        }
        if (description != null && description.length() > MAX_DESCRIPTION) {
            violations.add(new Violation("description", "must be at most " + MAX_DESCRIPTION + " characters"));
        }
        if (images.size() > MAX_IMAGES) {
            violations.add(new Violation("imageUrls", "at most " + MAX_IMAGES + " images"));
        }
        for (int i = 0; i < images.size(); i++) {
            if (!isWebUrl(images.get(i))) {
                violations.add(new Violation("imageUrls[" + i + "]", "must be an http or https URL"));
            }
        }
        return violations;
    }

    private static List<Violation> priceViolations(Money price) {
        if (price == null || !price.isPositive()) {
            return new ArrayList<>(List.of(new Violation("price", "must be more than zero")));
        }
        return new ArrayList<>();
    }

    private static List<Violation> quantityViolations(int quantity) {
        if (quantity < 0) {
            return new ArrayList<>(List.of(new Violation("quantity", "must not be negative")));
        }
        return new ArrayList<>();
    }

    private static boolean isWebUrl(String value) {
        try {
            URI uri = URI.create(value);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        }
        catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    private static void throwIfAny(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidRequest(violations);
        }
    }

    /** What publishing needs, remembered from events: a description, at least one image, something to sell. */
    record Completeness(String description, int imageCount, int quantity) {

        Completeness withDetails(String newDescription, int newImageCount) {
            return new Completeness(newDescription, newImageCount, quantity);
        }

        Completeness withQuantity(int newQuantity) {
            return new Completeness(description, imageCount, newQuantity);
        }

        void requireComplete() {
            List<Violation> missing = new ArrayList<>();
            if (description == null || description.isBlank()) {
                missing.add(new Violation("description", "is needed before publishing"));
            }
            if (imageCount == 0) {
                missing.add(new Violation("imageUrls", "at least one image is needed before publishing"));
            }
            if (quantity == 0) {
                missing.add(new Violation("quantity", "must be more than zero before publishing"));
            }
            if (!missing.isEmpty()) {
                throw new ListingIncomplete(missing);
            }
        }

    }

}
