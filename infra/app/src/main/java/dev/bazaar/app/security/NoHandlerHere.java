package dev.bazaar.app.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.servlet.HandlerMapping;

import java.util.function.Supplier;

/**
 * The rule for requests no other rule names: allowed only when no controller would handle them, so that an
 * unknown path gets its honest 404 while an endpoint someone forgot to put in the table is denied.
 */
class NoHandlerHere implements AuthorizationManager<RequestAuthorizationContext> {

    private final ObjectProvider<HandlerMapping> controllers;

    NoHandlerHere(ObjectProvider<HandlerMapping> controllers) {
        this.controllers = controllers;
    }

    @Override
    @SuppressWarnings("deprecation") // check() is what Spring Security 6.5 still calls on custom managers
    public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
        return new AuthorizationDecision(!handled(context.getRequest()));
    }

    private boolean handled(HttpServletRequest request) {
        try {
            return controllers.getObject().getHandler(request) != null;
        }
        catch (Exception e) {
            return true; // a path that exists with another method or media type: not ours to open
        }
    }

}
