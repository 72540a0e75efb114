package org.smartcc.api.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.smartcc.api.infrastructure.ContainerSettings;

/**
 * Refuses request bodies above {@code smartcc.http.max-body-mb} with 413 {@code BODY_TOO_LARGE}: a declared
 * {@code Content-Length} before anything is read, a chunked body as soon as it passes the limit while being read.
 * Resources read bodies into memory, so without a limit one request could exhaust the heap.
 */
@PreMatching
public class BodySizeLimit implements ContainerRequestFilter, ReaderInterceptor {

    @Inject
    ContainerSettings settings;

    @Override
    public void filter(ContainerRequestContext request) {
        if (declaresMore(request.getHeaderString(HttpHeaders.CONTENT_LENGTH), limit())) {
            request.abortWith(tooLarge(limit()));
        }
    }

    /** Whether the declared length exceeds the limit (a malformed length is the server's to refuse, not ours). */
    static boolean declaresMore(String contentLength, long limit) {
        String declared = contentLength == null ? "" : contentLength.trim();
        return declared.matches("\\d+") && (declared.length() > 18 || Long.parseLong(declared) > limit);
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        context.setInputStream(new Limited(context.getInputStream(), limit()));
        return context.proceed();
    }

    private long limit() {
        return settings.maxBodyBytes();
    }

    static Response tooLarge(long limit) {
        return ErrorResponse.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, "BODY_TOO_LARGE", "a request body may be"
                + " at most " + limit + " bytes (smartcc.http.max-body-mb)");
    }

    /** A body that passed the limit while it was read; answered by {@link ErrorMappers.BodyTooLarge}. */
    static final class TooLarge extends RuntimeException {

        private final long limit;

        TooLarge(long limit) {
            super("the request body passed " + limit + " bytes");
            this.limit = limit;
        }

        long limit() {
            return limit;
        }
    }

    /** Counts what is read and fails once more than the limit has come. */
    static final class Limited extends FilterInputStream {

        private final long limit;
        private long read;

        Limited(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        private void count(long n) {
            read += n;
            if (read > limit) {
                throw new TooLarge(limit);
            }
        }
    }
}
