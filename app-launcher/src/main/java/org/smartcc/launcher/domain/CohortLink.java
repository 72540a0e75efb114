package org.smartcc.launcher.domain;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deep link to the cohort pages, as the path after {@code /cohorts}: {@code /{set_id}} is the set page,
 * {@code /{set_id}/apps/{app_id}} cohort mode with that app. Anything else names no page.
 */
public record CohortLink(long setId, Optional<String> appId) {

    /** The longest app id the API server installs. */
    private static final int MAX_APP_ID = 255;
    /**
     * The path info is decoded, so an app id is what lies between its slash and the end. No trailing slash: the pages
     * find their files relative to the link's depth.
     */
    private static final Pattern LINK = Pattern.compile("/([1-9][0-9]{0,17})(?:/apps/([^/]{1," + MAX_APP_ID + "}))?");

    public static CohortLink parse(String pathInfo) {
        Matcher m = LINK.matcher(pathInfo == null ? "" : pathInfo);
        if (!m.matches() || (m.group(2) != null && m.group(2).isBlank())) {
            throw LauncherException.notFound("COHORT_PAGE_NOT_FOUND", "a cohort page is /cohorts/{set_id} or"
                    + " /cohorts/{set_id}/apps/{app_id}");
        }
        return new CohortLink(Long.parseLong(m.group(1)), Optional.ofNullable(m.group(2)));
    }

    /** The static page that shows the link; it reads the ids from the address itself. */
    public String page() {
        return appId.isPresent() ? "/cohort-mode.html" : "/cohort-set.html";
    }
}
