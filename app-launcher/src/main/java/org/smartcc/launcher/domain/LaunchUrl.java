package org.smartcc.launcher.domain;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The URL an app instance is opened at (smart-classic §4.3): the manifest's index with {@code api_base} and
 * {@code record_id} added to its query, and for apps flagged for the legacy launch (§4.5) {@code oauth_header}.
 */
public final class LaunchUrl {

    private LaunchUrl() {
    }

    /**
     * @param apiBase     left out when null
     * @param recordId    left out when null (a container-scope app)
     * @param oauthHeader left out when null (every app not flagged for the legacy launch)
     */
    public static String of(String index, String apiBase, String recordId, String oauthHeader) {
        List<String> parameters = new ArrayList<>();
        add(parameters, "api_base", apiBase);
        add(parameters, "record_id", recordId);
        add(parameters, "oauth_header", oauthHeader);
        if (parameters.isEmpty()) {
            return index;
        }
        int hash = index.indexOf('#');
        String fragment = hash < 0 ? "" : index.substring(hash);
        String url = hash < 0 ? index : index.substring(0, hash);
        String separator = !url.contains("?") ? "?" : url.endsWith("?") || url.endsWith("&") ? "" : "&";
        return url + separator + String.join("&", parameters) + fragment;
    }

    private static void add(List<String> parameters, String name, String value) {
        if (value != null) {
            parameters.add(name + "=" + encode(value));
        }
    }

    /** encodeURIComponent's form: a space is %20, as some apps read their query without form decoding. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
