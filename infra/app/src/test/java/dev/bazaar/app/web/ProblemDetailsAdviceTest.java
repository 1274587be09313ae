package dev.bazaar.app.web;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** How failures that are nobody's input become problems. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ProblemDetailsAdviceTest {

    private final ProblemDetailsAdvice advice = new ProblemDetailsAdvice();

    @Test
    void a_database_that_does_not_answer_is_a_503_to_retry_with_no_driver_text() {
        var failure = new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                new SQLException("Connection to 127.0.0.1:5433 refused", "08001"));

        var answer = advice.databaseUnavailable(failure);

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        var problem = (ProblemDetail) answer.getBody();
        assertThat(problem.getType().toString()).endsWith("/database-unavailable");
        assertThat(problem.getDetail()).doesNotContain("5433").doesNotContain("JDBC");
    }

}
