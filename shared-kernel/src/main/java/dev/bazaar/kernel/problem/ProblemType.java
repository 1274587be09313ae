package dev.bazaar.kernel.problem;

import java.net.URI;

/**
 * Problem types (RFC 9457 {@code type}) are stable identifiers that clients switch on; they need not resolve. Every
 * side names its problems by a slug under this one base.
 */
public final class ProblemType {

    public static final String BASE = "https://bazaar.dev/problems/";

    private ProblemType() {
    }

    public static URI of(String slug) {
        return URI.create(BASE + slug);
    }

}
