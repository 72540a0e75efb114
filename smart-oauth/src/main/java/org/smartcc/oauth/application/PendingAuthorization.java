package org.smartcc.oauth.application;

import java.util.Optional;
import org.smartcc.oauth.domain.App;

/**
 * A request token waiting for the user, for the authorize page.
 *
 * @param recordId the record the app asked for, or empty if the user picks one
 * @param approved whether a user already approved it (the page then shows nothing to approve)
 */
public record PendingAuthorization(App app, Optional<String> recordId, boolean approved) {
}
