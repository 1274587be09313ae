package dev.bazaar.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** What a filter's failure becomes before any controller runs. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RefusalFilterTest {

    private final ObjectMapper json = Jackson2ObjectMapperBuilder.json().build();

    private final RefusalFilter filter = new RefusalFilter(new ProblemResponses(json));

    @Test
    void a_database_gone_under_a_filter_is_a_503_problem_to_retry_not_a_500() throws Exception {
        var response = new MockHttpServletResponse();

        filter.doFilter(new MockHttpServletRequest("POST", "/api/v1/listings"), response, (request, ignored) -> {
            throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                    new SQLException("Connection to 127.0.0.1:5432 refused", "08001"));
        });

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getHeader("Retry-After")).isEqualTo("1");
        var problem = json.readTree(response.getContentAsString());
        assertThat(problem.get("type").asText()).endsWith("/database-unavailable");
        assertThat(response.getContentAsString()).doesNotContain("5432", "JDBC");
    }

}
