package org.smartcc.oauth.application;

import java.util.List;
import java.util.Optional;
import org.smartcc.oauth.domain.App;

/** Installed apps (consumers). */
public interface AppRepository {

    /** Inserts or replaces the app; its tokens stay valid. */
    void save(App app);

    Optional<App> find(String appId);

    /** Removes the app with its tokens and app data; false if it was not installed. */
    boolean delete(String appId);

    /** Ordered by id. */
    List<App> findAll();
}
