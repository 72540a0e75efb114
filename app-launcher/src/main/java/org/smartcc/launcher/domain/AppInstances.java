package org.smartcc.launcher.domain;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The app instances of one sign-in session, by uuid; a uuid of another session is simply not here. */
public final class AppInstances implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Map<String, AppInstance> byUuid = new ConcurrentHashMap<>();

    public void add(AppInstance instance) {
        byUuid.put(instance.uuid(), instance);
    }

    public Optional<AppInstance> find(String uuid) {
        return Optional.ofNullable(uuid == null ? null : byUuid.get(uuid));
    }

    public Optional<AppInstance> remove(String uuid) {
        return Optional.ofNullable(uuid == null ? null : byUuid.remove(uuid));
    }

    /** Empties the session's instances and answers every token they held. */
    public List<String> removeAllTokens() {
        List<String> tokens = new ArrayList<>();
        for (String uuid : List.copyOf(byUuid.keySet())) {
            remove(uuid).ifPresent(instance -> tokens.addAll(instance.tokens()));
        }
        return tokens;
    }
}
