package dev.bazaar.eventstore;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

import java.sql.SQLException;

/**
 * Recognises PostgreSQL's unique violation (SQLSTATE 23505). Axon's default JDBC resolver only knows
 * {@code SQLIntegrityConstraintViolationException}, which the PostgreSQL driver never throws, so without this a
 * lost append race would surface as a generic failure instead of a retryable {@code ConcurrencyException}.
 */
class PostgresDuplicateKeyResolver implements PersistenceExceptionResolver {

    private static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

}
