package dev.bazaar.app.replica;

import dev.bazaar.readmodel.source.ReadRouting;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Tells the client where a replica-routed answer was read: {@code Bazaar-Read-Source: replica}, or {@code primary}
 * when the request fell back. Written as the body is, since a request may fall back half-way. Without a replica
 * nothing is routed and no header is written.
 */
@ControllerAdvice
final class ReadSourceHeader implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
            ServerHttpResponse response) {
        ReadRouting.Source source = ReadRouting.routed();
        if (source != null) {
            response.getHeaders().set(ReplicaReads.SOURCE_HEADER, source.header());
        }
        return body;
    }

}
