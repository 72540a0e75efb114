package org.smartcc.oauth.application;

import java.util.Optional;
import org.smartcc.oauth.domain.App;

/**
 * A request token waiting for the user, for the authorize page.
 *
 * @param recordId the record the app asked for, or empty if the user picks one
 * @param approvedBefore whether the signed-in user approved this app on this record before: the page then approves
 *                       at once without asking (smart-classic §4.4 step 4, "kind=same")
 */
public record PendingAuthorization(App app, Optional<String> recordId, boolean approvedBefore) {
}
