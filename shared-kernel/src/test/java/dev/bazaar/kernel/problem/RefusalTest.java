package dev.bazaar.kernel.problem;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RefusalTest {

    @Test
    void a_refusal_is_titled_by_the_words_of_its_type() {
        assertThat(new NotFound("listing", "42").title()).isEqualTo("Not found");
        assertThat(new NotPermitted("no").title()).isEqualTo("Not permitted");
    }

    @Test
    void a_refusal_may_carry_a_title_of_its_own() {
        var refusal = new Refusal("invalid-token", 401, "Unauthorized", "The token expired.", List.of()) {
        };

        assertThat(refusal.title()).isEqualTo("Unauthorized");
        assertThat(refusal.type()).isEqualTo("invalid-token");
    }

    @Test
    void a_refusal_keeps_no_stack_trace_since_it_is_an_answer() {
        assertThat(new NotFound("listing", "42").getStackTrace()).isEmpty();
    }

    @Test
    void invalid_parameters_are_a_validation_problem_naming_each_field() {
        var refusal = new InvalidParameters(List.of(new Violation("size", "must be at most 100")));

        assertThat(refusal.type()).isEqualTo("validation");
        assertThat(refusal.status()).isEqualTo(400);
        assertThat(refusal.violations()).containsExactly(new Violation("size", "must be at most 100"));
        assertThat(refusal.retryAfterSeconds()).isZero();
    }

    @Test
    void problem_types_live_under_one_base() {
        assertThat(ProblemType.of("not-found")).hasToString("https://bazaar.dev/problems/not-found");
    }

}
