package dev.bazaar.command;

import dev.bazaar.kernel.problem.Refusal;
import dev.bazaar.kernel.problem.Violation;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matches a refusal by its problem type and, optionally, the fields it names. */
public final class RefusalMatchers {

    private RefusalMatchers() {
    }

    public static Matcher<Refusal> refusal(String type, String... fields) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Refusal violation) {
                var named = violation.violations().stream().map(Violation::field).toList();
                return violation.type().equals(type) && named.containsAll(java.util.List.of(fields))
                        && (fields.length == 0 || named.size() == fields.length);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a refusal of type " + type + " naming " + java.util.List.of(fields));
            }
        };
    }

}
