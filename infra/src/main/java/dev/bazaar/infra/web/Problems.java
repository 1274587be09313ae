package dev.bazaar.infra.web;

import java.net.URI;

/** Problem type URIs are stable identifiers clients may switch on; they need not resolve. */
final class Problems {

    static final String BASE = "https://bazaar.dev/problems/";

    private Problems() {
    }

    static URI type(String slug) {
        return URI.create(BASE + slug);
    }

}
