package org.smartcc.launcher.domain;

import java.io.Serializable;
import java.util.List;

/**
 * One launched app: the browser knows it by {@code uuid} only; the SMART Connect token and secret stay on the server
 * (smart-classic §6.4), and the REST token is kept so that closing the app revokes both.
 *
 * @param recordId null for a container-scope app
 */
public record AppInstance(String uuid, String userId, String appId, String recordId, String connectToken,
                          String connectSecret, String restToken) implements Serializable {

    /** The tokens to revoke when the instance ends. */
    public List<String> tokens() {
        return restToken == null ? List.of(connectToken) : List.of(connectToken, restToken);
    }
}
