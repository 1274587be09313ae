package dev.bazaar.kernel.problem;

/** One thing wrong with a request, named by the field it concerns. */
public record Violation(String field, String message) {

}
