package org.smartcc.api.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.smartcc.api.infrastructure.ContainerSettings;
import org.smartcc.store.domain.CodedException;
import org.smartcc.store.domain.ErrorKind;

/**
 * Refuses request bodies above {@code smartcc.http.max-body-mb} with 413 {@code BODY_TOO_LARGE}: a declared
 * {@code Content-Length} before anything is read, a chunked body as soon as it passes the limit while being read.
 * Resources read bodies into memory, so without a limit one request could exhaust the heap. The cohort and i2b2
 * endpoints, which take only query definitions and messages, have the smaller {@code smartcc.cohort.max-body-kb}; the
 * i2b2 endpoint answers in i2b2's envelope.
 */
@PreMatching
public class BodySizeLimit implements ContainerRequestFilter, ReaderInterceptor {

    private static final String CODE = "BODY_TOO_LARGE";
    /** The request property that hands the limit the filter chose by path to the reader interceptor. */
    private static final String LIMIT_PROPERTY = BodySizeLimit.class.getName() + ".limit";

    @Inject
    ContainerSettings settings;

    /** A limit and the key that sets it, for the message. */
    record Limit(long bytes, String key) {
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath().replaceFirst("^/", "");
        Limit limit = limitOf(path);
        request.setProperty(LIMIT_PROPERTY, limit);
        if (declaresMore(request.getHeaderString(HttpHeaders.CONTENT_LENGTH), limit.bytes())) {
            request.abortWith(ErrorMappers.answer(new TooLarge(limit), path));
        }
    }

    /** The body of a request as a filter reads it, under the limit this filter chose for its path. */
    static InputStream limited(ContainerRequestContext request) {
        Limit limit = (Limit) java.util.Objects.requireNonNull(request.getProperty(LIMIT_PROPERTY),
                "BodySizeLimit, a pre-matching filter, runs first");
        return new Limited(request.getEntityStream(), limit);
    }

    /** Whether the declared length exceeds the limit (a malformed length is the server's to refuse, not ours). */
    static boolean declaresMore(String contentLength, long limit) {
        String declared = contentLength == null ? "" : contentLength.trim();
        return declared.matches("\\d+") && (declared.length() > 18 || Long.parseLong(declared) > limit);
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        Limit limit = context.getProperty(LIMIT_PROPERTY) instanceof Limit chosen ? chosen : generalLimit();
        context.setInputStream(new Limited(context.getInputStream(), limit));
        return context.proceed();
    }

    private Limit limitOf(String path) {
        return path.startsWith("cohort/") || I2b2Cells.isCellPath(path)
                ? new Limit(settings.maxCohortBodyBytes(), "smartcc.cohort.max-body-kb") : generalLimit();
    }

    private Limit generalLimit() {
        return new Limit(settings.maxBodyBytes(), "smartcc.http.max-body-mb");
    }

    /** A body above its limit, {@code BODY_TOO_LARGE}. */
    static final class TooLarge extends CodedException {

        private final long limit;

        TooLarge(Limit limit) {
            super(ErrorKind.TOO_LARGE, CODE, "a request body here may be at most " + limit.bytes() + " bytes ("
                    + limit.key() + ")");
            this.limit = limit.bytes();
        }

        long limit() {
            return limit;
        }
    }

    /** Counts what is read and fails once more than the limit has come. */
    static final class Limited extends FilterInputStream {

        private final Limit limit;
        private long read;

        Limited(InputStream in, Limit limit) {
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
            if (read > limit.bytes()) {
                throw new TooLarge(limit);
            }
        }
    }
}
