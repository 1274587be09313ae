package dev.bazaar.projections.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The projection's handlers only collect changes; it writes them when the batch commits ({@link BatchedRows}, an
 * Elasticsearch bulk, a Redis pipeline). Its handlers need no savepoint of their own, and a failed write fails the
 * batch as a whole: it is retried with back-off, not dead-lettered (docs/operations.md, "Dead letters").
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface WritesAtCommit {
}
