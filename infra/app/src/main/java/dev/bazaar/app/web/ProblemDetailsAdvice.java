package dev.bazaar.app.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.bazaar.kernel.problem.ProblemType;
import dev.bazaar.kernel.problem.Refusal;
import dev.bazaar.kernel.problem.Violation;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every error leaves as application/problem+json (RFC 9457) with a stable {@code type}, a {@code title}, the
 * {@code status}, a {@code detail} for people and {@code errors[]} naming each bad field. Exception text from
 * libraries never reaches the client: it may hold SQL, class names or data.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(Refusal.class)
    ResponseEntity<Object> refusal(Refusal refusal) {
        return respond(Problems.of(refusal), Problems.headers(refusal));
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<Object> unknownAggregate(AggregateNotFoundException notFound) {
        return respond(problem(HttpStatus.NOT_FOUND, "not-found", "Not found",
                "Nothing exists with id " + notFound.getAggregateIdentifier() + ".", List.of()), new HttpHeaders());
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<Object> conflict(ConcurrencyException conflict) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "1");
        return respond(problem(HttpStatus.CONFLICT, "concurrent-modification", "Concurrent modification",
                "Others changed this at the same moment, repeatedly; retry.", List.of()), headers);
    }

    /** A database went away under the request: the client is told to retry ({@link DatabaseUnavailable}). */
    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessResourceException.class})
    ResponseEntity<Object> databaseUnavailable(DataAccessException e) {
        log.warn("Database unavailable for a request: {}", e.getMostSpecificCause().toString());
        return refusal(new DatabaseUnavailable());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        log.error("Unhandled failure", e);
        return respond(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "Something went wrong on our side; it has been logged.", List.of()), new HttpHeaders());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Violation> violations = new ArrayList<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            violations.add(new Violation(error.getField(), error.getDefaultMessage()));
        }
        e.getBindingResult().getGlobalErrors()
                .forEach(error -> violations.add(new Violation(error.getObjectName(), error.getDefaultMessage())));
        return respond(validation("The request body has invalid fields.", violations), headers);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Violation> violations = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                violations.add(new Violation(name, error.getDefaultMessage()));
            }
        });
        return respond(validation("The request has invalid parameters.", violations), headers);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
                : String.valueOf(e.getPropertyName());
        String expected = e.getRequiredType() == null ? "another type" : describe(e.getRequiredType());
        return respond(validation("A parameter has the wrong type.",
                List.of(new Violation(name, "must be " + expected))), headers);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodySizeLimitFilter.BodyTooLarge) {
                return respond(problem(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", "Payload too large",
                        cause.getMessage(), List.of()), headers);
            }
        }
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return respond(validation("The request body has a field this endpoint does not know.",
                    List.of(new Violation(path(unknown), "is not a known field"))), headers);
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String expected = mapping instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mismatch
                    && mismatch.getTargetType() != null ? "must be " + describe(mismatch.getTargetType())
                    : "has the wrong type or format";
            return respond(validation("The request body has a field of the wrong type.",
                    List.of(new Violation(path(mapping), expected))), headers);
        }
        String detail = cause instanceof JsonProcessingException ? "The request body is not valid JSON."
                : "The request body is missing or unreadable.";
        return respond(validation(detail, List.of(new Violation("body", detail))), headers);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        // Spring's own problems (405, 406, 415, unknown path, ...) get a stable type and an errors array too
        if (body instanceof ProblemDetail problem) {
            if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
                HttpStatus known = HttpStatus.resolve(status.value());
                String slug = known == null ? "http-" + status.value()
                        : known.name().toLowerCase().replace('_', '-');
                problem.setType(ProblemType.of(slug));
            }
            if (problem.getProperties() == null || !problem.getProperties().containsKey("errors")) {
                problem.setProperty("errors", List.of());
            }
        }
        HttpHeaders writable = new HttpHeaders();
        writable.putAll(headers);
        writable.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return super.createResponseEntity(body, writable, status, request);
    }

    private static ProblemDetail validation(String detail, List<Violation> violations) {
        return problem(HttpStatus.BAD_REQUEST, "validation", "Invalid request", detail, violations);
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail,
            List<Violation> violations) {
        return Problems.of(status.value(), type, title, detail, violations);
    }

    private static ResponseEntity<Object> respond(ProblemDetail problem, HttpHeaders given) {
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(given); // Spring may hand in read-only headers
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return ResponseEntity.status(problem.getStatus()).headers(headers).body(problem);
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String describe(Class<?> type) {
        if (type == java.util.UUID.class) {
            return "a UUID";
        }
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + List.of(type.getEnumConstants());
        }
        if (type == String.class) {
            return "a string";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        if (List.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "a " + type.getSimpleName();
    }

}
