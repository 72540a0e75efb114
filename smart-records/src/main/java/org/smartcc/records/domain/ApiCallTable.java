package org.smartcc.records.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The REST calls of the container, matched by method and path. Where two templates match one path
 * ({@code /users/search} and {@code /users/{user_id}}) the one with more literal segments wins, as a literal is
 * what the client meant.
 */
public final class ApiCallTable {

    private final List<ApiCall> calls;

    public ApiCallTable(List<ApiCall> calls) {
        this.calls = calls.stream()
                .sorted(Comparator.comparingInt((ApiCall c) -> -c.path().literalSegments()).thenComparing(ApiCall::name))
                .toList();
    }

    public List<ApiCall> calls() {
        return calls;
    }

    public Optional<ApiCall> byName(String clientMethodName) {
        return calls.stream().filter(c -> c.name().equals(clientMethodName)).findFirst();
    }

    /** The call for a method and raw (percent-encoded) path, with its decoded variables. */
    public Optional<CallMatch> match(String httpMethod, String rawPath) {
        String method = httpMethod.toUpperCase(Locale.ROOT);
        for (ApiCall call : calls) {
            if (call.httpMethod().equals(method)) {
                Optional<CallMatch> m = call.path().match(rawPath).map(vars -> new CallMatch(call, vars));
                if (m.isPresent()) {
                    return m;
                }
            }
        }
        return Optional.empty();
    }

    /** The methods some call accepts on this path: empty means 404, non-empty without the request's method 405. */
    public Set<String> allowedMethods(String rawPath) {
        Set<String> methods = new TreeSet<>();
        for (ApiCall call : calls) {
            if (call.path().match(rawPath).isPresent()) {
                methods.add(call.httpMethod());
            }
        }
        return methods;
    }
}
