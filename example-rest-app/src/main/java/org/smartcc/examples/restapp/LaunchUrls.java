package org.smartcc.examples.restapp;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.Serializable;
import java.io.StringReader;

/** The {@code launch_urls} of a container manifest ({@code GET <api_base>/manifest}, smart-classic §5.2). */
public record LaunchUrls(String appLaunch, String requestToken, String authorizeToken, String exchangeToken)
        implements Serializable {

    /** @throws AppFailure MANIFEST_INVALID when the manifest lacks one of the four URLs */
    public static LaunchUrls fromManifest(String manifestJson) {
        JsonObject urls;
        try (JsonReader reader = Json.createReader(new StringReader(manifestJson))) {
            urls = reader.readObject().getJsonObject("launch_urls");
        } catch (JsonException | IllegalStateException | ClassCastException e) {
            throw invalid("it is not a JSON object");
        }
        if (urls == null) {
            throw invalid("it has no launch_urls");
        }
        return new LaunchUrls(url(urls, "app_launch"), url(urls, "request_token"), url(urls, "authorize_token"),
                url(urls, "exchange_token"));
    }

    /** {@code app_launch} for an app: where the container lets the user pick a record and launches the app on it. */
    public String appLaunchOf(String appId) {
        return appLaunch.replace("{{app_id}}", appId);
    }

    /** {@code authorize_token} for a request token: where the user approves the app. */
    public String authorizeTokenOf(String requestToken) {
        return authorizeToken + (authorizeToken.contains("?") ? "&" : "?") + "oauth_token="
                + HtmlPage.encode(requestToken);
    }

    private static String url(JsonObject urls, String name) {
        if (!(urls.get(name) instanceof JsonString value) || value.getString().isBlank()) {
            throw invalid("launch_urls." + name + " is missing");
        }
        return value.getString();
    }

    private static AppFailure invalid(String why) {
        return new AppFailure(502, "MANIFEST_INVALID", "The container's manifest cannot be used: " + why + ".");
    }
}
