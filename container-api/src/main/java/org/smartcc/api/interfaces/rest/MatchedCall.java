package org.smartcc.api.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import org.smartcc.records.domain.CallMatch;

/** The ontology call {@link CallTableRouting} matched for this request, and the path it matched (0.4 paths mapped). */
@RequestScoped
public class MatchedCall {

    private CallMatch match;
    private String path;

    public CallMatch match() {
        if (match == null) {
            throw new IllegalStateException("no call matched: the resource method is not @RoutedByCallTable");
        }
        return match;
    }

    public String path() {
        match();
        return path;
    }

    /** The matched call's path template, if a call was matched for this request. */
    public Optional<String> template() {
        return Optional.ofNullable(match).map(m -> m.call().path().template());
    }

    public void matched(CallMatch call, String callPath) {
        this.match = call;
        this.path = callPath;
    }
}
