package dev.bazaar.app.security;

import dev.bazaar.stream.apikey.ApiKeyFilter;
import dev.bazaar.stream.apikey.ApiKeys;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.bazaar.command.identity.AccountDirectory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

/**
 * Who may call what. This table is the one place that says it; an endpoint it does not name is denied, and
 * EndpointAccessMatrixIT fails the build when an endpoint has no row in its matrix. Finer rules (a seller changes
 * only their own listings, a user only their own password) are decided by the aggregates.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SecurityProperties.class, RateLimitProperties.class})
class SecurityConfiguration implements WebMvcConfigurer {

    @Bean
    SecurityFilterChain api(HttpSecurity http, SecurityProblems problems, ApiKeys apiKeys,
            @Qualifier("requestMappingHandlerMapping") ObjectProvider<HandlerMapping> controllers) throws Exception {
        http.csrf(csrf -> csrf.disable()) // bearer tokens in a header, never cookies: nothing for CSRF to ride on
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .cors(cors -> { })
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'none'; frame-ancestors 'none'; base-uri 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter
                                        .ReferrerPolicy.NO_REFERRER)))
                .authorizeHttpRequests(requests -> requests
                        // public: browsing, searching, opening an account, the token lifecycle
                        .requestMatchers(GET, "/api/v1/listings", "/api/v1/listings/*", "/api/v1/categories",
                                "/api/v1/search/listings").permitAll()
                        .requestMatchers(POST, "/api/v1/users", "/api/v1/auth/token", "/api/v1/auth/refresh",
                                "/api/v1/auth/logout", "/api/v1/auth/verify-email", "/api/v1/auth/password-reset",
                                "/api/v1/auth/password-reset/confirm").permitAll()
                        .requestMatchers(GET, "/.well-known/jwks.json").permitAll()
                        // accounts: the aggregate checks that it is the user themself (or an admin, for forget)
                        .requestMatchers(GET, "/api/v1/users/me", "/api/v1/users/*").authenticated()
                        .requestMatchers(POST, "/api/v1/users/*/password", "/api/v1/users/*/forget",
                                "/api/v1/users/*/verification").authenticated()
                        .requestMatchers(PUT, "/api/v1/users/*/contact").authenticated()
                        .requestMatchers(POST, "/api/v1/users/*/suspend", "/api/v1/users/*/reinstate")
                        .hasRole("ADMIN")
                        // organisations: any signed-in user; the aggregate decides by membership role
                        .requestMatchers(GET, "/api/v1/organisations/mine", "/api/v1/organisations/*")
                        .authenticated()
                        .requestMatchers(POST, "/api/v1/organisations", "/api/v1/organisations/*/invitations",
                                "/api/v1/organisations/*/invitations/accept").authenticated()
                        .requestMatchers(PUT, "/api/v1/organisations/*/members/*").authenticated()
                        .requestMatchers(DELETE, "/api/v1/organisations/*/members/*").authenticated()
                        // catalogue: admins shape the tree; sellers (their own listings) and admins change listings
                        .requestMatchers(POST, "/api/v1/categories", "/api/v1/categories/*/*").hasRole("ADMIN")
                        .requestMatchers(POST, "/api/v1/listings").hasRole("SELLER")
                        .requestMatchers(POST, "/api/v1/listings/*/*").hasAnyRole("SELLER", "ADMIN")
                        .requestMatchers(PUT, "/api/v1/listings/*").hasAnyRole("SELLER", "ADMIN")
                        // orders: buyers place; the aggregate checks the party (buyer, seller) of each step
                        .requestMatchers(POST, "/api/v1/orders").hasRole("BUYER")
                        .requestMatchers(POST, "/api/v1/orders/*/resolve-dispute",
                                "/api/v1/orders/*/recover-seller-debt", "/api/v1/orders/*/retry-payout")
                        .hasRole("ADMIN")
                        .requestMatchers(POST, "/api/v1/orders/*/*").hasAnyRole("BUYER", "SELLER", "ADMIN")
                        .requestMatchers(GET, "/api/v1/orders", "/api/v1/orders/*", "/api/v1/orders/*/ledger")
                        .authenticated()
                        .requestMatchers(GET, "/api/v1/sellers/*/balance", "/api/v1/sellers/*/dashboard")
                        .authenticated()
                        .requestMatchers("/api/v1/payout-account").hasRole("SELLER")
                        // the payment provider: authenticated by the webhook signature, not a token
                        .requestMatchers(POST, "/api/v1/webhooks/stripe").permitAll()
                        .requestMatchers(GET, "/api/v1/ledger/invariants").hasAnyRole("ADMIN", "AUDITOR")
                        .requestMatchers(GET, "/api/v1/audit/**").hasAnyRole("ADMIN", "AUDITOR")
                        .requestMatchers(GET, "/api/v1/events", "/api/v1/events/**")
                        .hasAnyRole("ADMIN", "AUDITOR", "ANALYTICS")
                        // operations
                        .requestMatchers("/api/v1/admin/**").hasRole("ADMIN")
                        .requestMatchers(GET, "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .requestMatchers(GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
                                "/swagger-ui/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        .anyRequest().access(new NoHandlerHere(controllers)))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(roleFromClaim()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .addFilterBefore(new ApiKeyFilter(apiKeys),
                        BearerTokenAuthenticationFilter.class)
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems));
        return http.build();
    }

    /**
     * Match the rule table by path pattern alone, instead of asking Spring MVC's handler mappings which handler a
     * request would reach for every rule (measured cheaper on the anonymous read path, docs/benchmarks.md).
     */
    @Bean
    static PathPatternRequestMatcherBuilderFactoryBean requestMatcherBuilder() {
        return new PathPatternRequestMatcherBuilderFactoryBean();
    }

    /**
     * No Micrometer observation around every security filter, authentication and authorisation: HTTP requests are
     * observed once already, and the per-filter observations cost more CPU than the filters (docs/benchmarks.md).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Signature, issuer and audience once per token (then remembered); expiry and the account on every request.
     */
    @Bean
    JwtDecoder jwtDecoder(SigningKeys keys, AccountDirectory accounts, SecurityProperties security) {
        var processor = new DefaultJWTProcessor<SecurityContext>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, keys.verificationKeys()));
        var verifier = new NimbusJwtDecoder(processor);
        verifier.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                new JwtIssuerValidator(AccessTokens.ISSUER),
                new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
                        audience -> audience != null && audience.contains(AccessTokens.AUDIENCE))));
        return new VerifiedTokenCache(verifier,
                new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(), new AccountStillValid(accounts)),
                security.verifiedTokenCacheSize());
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(SecurityProperties security) {
        var cors = new CorsConfiguration();
        cors.setAllowedOrigins(security.cors().allowedOrigins().stream().filter(origin -> !origin.isBlank()).toList());
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key", "X-Correlation-Id"));
        cors.setExposedHeaders(List.of("Location", "Retry-After", "RateLimit-Limit", "RateLimit-Remaining",
                "RateLimit-Reset", "X-Correlation-Id"));
        cors.setMaxAge(Duration.ofHours(1));
        var source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new ActorResolver());
    }

    private static JwtAuthenticationConverter roleFromClaim() {
        var converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> List.of(new SimpleGrantedAuthority(
                "ROLE_" + jwt.getClaimAsString(AccessTokens.ROLE_CLAIM).toUpperCase(Locale.ROOT))));
        return converter;
    }

}
