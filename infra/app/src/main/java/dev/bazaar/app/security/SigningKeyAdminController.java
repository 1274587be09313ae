package dev.bazaar.app.security;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** Lets an admin rotate the token signing key (runbook in docs/security.md). */
@RestController
class SigningKeyAdminController {

    private final SigningKeys keys;

    SigningKeyAdminController(SigningKeys keys) {
        this.keys = keys;
    }

    @PostMapping("/api/v1/admin/signing-keys/rotate")
    Map<String, String> rotate() {
        return Map.of("activeKid", keys.rotate());
    }

}
