package dev.bazaar.stream.apikey;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.util.List;

/** A request authenticated by an API key: the analytics role, limited to the key's event types. */
public final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final ApiKeys.ApiKey apiKey;

    ApiKeyAuthentication(ApiKeys.ApiKey apiKey) {
        super(List.of(new SimpleGrantedAuthority("ROLE_ANALYTICS")));
        this.apiKey = apiKey;
        setAuthenticated(true);
    }

    public ApiKeys.ApiKey apiKey() {
        return apiKey;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return apiKey.id();
    }

}
