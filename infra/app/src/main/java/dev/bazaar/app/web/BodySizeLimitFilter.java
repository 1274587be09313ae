package dev.bazaar.app.web;

import dev.bazaar.kernel.problem.Refusal;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses request bodies above a limit with 413, before anything reads them: by Content-Length when declared,
 * and by counting when the body is chunked.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
@EnableConfigurationProperties(WebEdgeProperties.class)
class BodySizeLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;

    BodySizeLimitFilter(WebEdgeProperties web) {
        this.maxBytes = web.maxBodySize().toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            throw new PayloadTooLarge(maxBytes);
        }
        try {
            chain.doFilter(new LimitedRequest(request, maxBytes), response);
        }
        catch (BodyTooLarge e) {
            // a filter read the (chunked) body before any controller did, so no exception handler saw it
            if (response.isCommitted()) {
                throw e;
            }
            response.reset();
            throw new PayloadTooLarge(maxBytes);
        }
    }

    /** A body above the limit (413). */
    static final class PayloadTooLarge extends Refusal {

        PayloadTooLarge(long maxBytes) {
            super("payload-too-large", 413, "Request bodies may be at most " + maxBytes + " bytes.");
        }

    }

    /** Thrown while reading a chunked body that grows past the limit; the error handler answers 413. */
    static final class BodyTooLarge extends IOException {

        BodyTooLarge(long maxBytes) {
            super("request body exceeds " + maxBytes + " bytes");
        }

    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long maxBytes;

        LimitedRequest(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    if (b >= 0) {
                        count(1);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = in.read(buffer, offset, length);
                    if (n > 0) {
                        count(n);
                    }
                    return n;
                }

                private void count(int n) throws BodyTooLarge {
                    read += n;
                    if (read > maxBytes) {
                        throw new BodyTooLarge(maxBytes);
                    }
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }

    }

}
