package org.smartcc.api.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The JAX-RS application at the API base. Resources are listed, not scanned: Spark's jars carry JAX-RS classes of
 * their own that must never be picked up (stack-notes: fix 1).
 */
@ApplicationPath("/")
public class ContainerApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(StatusResource.class, AdminResource.class, OAuthResource.class, BackgroundTokenResource.class,
                AppManifestResource.class, RecordResource.class, ContainerResource.class, CorsFilter.class,
                BodySizeLimit.class, PreferencesResource.class, ScratchpadResource.class, UsersResource.class,
                RecordSearchResource.class,
                PopulationColumnsResource.class,
                SetGrantResource.class, AdminSetGrantResource.class, AggregateResource.class,
                PopulationDataResource.class, AdminPopulationAuditResource.class,
                PopulationExportKickOffResource.class, PopulationExportResource.class,
                LauncherServiceResource.class, LauncherRecordsResource.class, AdminAppsResource.class,
                AdminUsersResource.class, CohortResource.class, CohortQueryResource.class, I2b2QueryToolResource.class,
                I2b2PmResource.class, I2b2OntologyResource.class, I2b2WorkplaceResource.class,
                AdminOnlyFilter.class, AdminChangeAudit.class, AdminAuditResource.class, LauncherOnlyFilter.class,
                CohortUserFilter.class, SignedByAppFilter.class, CohortUserOrAppFilter.class,
                CallTableRouting.class, RequestEvents.class,
                ErrorMappers.Coded.class, ErrorMappers.WebApplication.class, ErrorMappers.Unexpected.class);
    }
}
