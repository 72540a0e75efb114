package org.smartcc.oauth.internal.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;
import org.smartcc.oauth.domain.App;
import org.smartcc.oauth.domain.AppMode;
import org.smartcc.oauth.domain.AppScope;

/** Row of {@code container_app}. */
@Entity
@Table(name = "container_app")
public class AppEntity {

    @Id
    @Column(name = "app_id")
    private String appId;
    @Column(name = "name")
    private String name;
    @Column(name = "description")
    private String description;
    @Enumerated(EnumType.STRING)
    @Column(name = "app_mode")
    private AppMode mode;
    @Enumerated(EnumType.STRING)
    @Column(name = "app_scope")
    private AppScope scope;
    @Column(name = "index_url")
    private String indexUrl;
    @Column(name = "oauth_callback")
    private String oauthCallback;
    @Column(name = "consumer_secret")
    private String consumerSecret;
    @Lob
    @Column(name = "manifest_json")
    private String manifestJson;
    @Column(name = "installed_ms")
    private long installedMs;

    protected AppEntity() {
        // for JPA
    }

    static AppEntity of(App app) {
        AppEntity e = new AppEntity();
        e.appId = app.id();
        e.name = app.name();
        e.description = app.description();
        e.mode = app.mode();
        e.scope = app.scope();
        e.indexUrl = app.index().orElse(null);
        e.oauthCallback = app.oauthCallback().orElse(null);
        e.consumerSecret = app.consumerSecret();
        e.manifestJson = app.manifestJson();
        e.installedMs = app.installedAt().toEpochMilli();
        return e;
    }

    App toDomain() {
        return new App(appId, name, description, mode, scope, indexUrl, oauthCallback, consumerSecret, manifestJson,
                Instant.ofEpochMilli(installedMs));
    }

    @Override
    public String toString() {
        return "AppEntity[" + appId + "]";
    }
}
