package org.smartcc.api.application;

import org.smartcc.store.domain.InvalidSettingException;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.smartcc.api.infrastructure.CohortUsers;
import org.smartcc.api.infrastructure.ContainerSettings;
import org.smartcc.api.infrastructure.DeploymentEvents;
import org.smartcc.api.infrastructure.I2b2Warehouse;
import org.smartcc.api.infrastructure.population.PopulationExporter;
import org.smartcc.engine.CohortEngine;
import org.smartcc.engine.Snapshot;
import org.smartcc.engine.run.CohortRuns;
import org.smartcc.oauth.OAuthModule;
import org.smartcc.oauth.application.AppInstaller;
import org.smartcc.store.ClinicalStore;
import org.smartcc.store.Database;
import org.smartcc.store.domain.LoadResult;

/**
 * Brings the container up in the background once it is deployed, so that liveness answers at once: open the store
 * (which migrates the schema), load the sample records into an empty store (first start only), install the apps,
 * then start Spark, write a Parquet snapshot and open the cohort runs. With an i2b2 warehouse configured the store
 * loads no samples: it imports the warehouse's patients as SMART records, the snapshots are written from the
 * warehouse, and the store keeps runs, users and audit. Every resource is opened here, in this order,
 * rather than by the first request that happens to need it; the providers defer each to its step.
 */
@ApplicationScoped
public class StartupLoad {

    private static final Logger LOG = Logger.getLogger(StartupLoad.class.getName());
    /** The source of the warehouse import's rejections on the status. */
    static final String WAREHOUSE = "i2b2 warehouse";

    @Inject
    ContainerSettings settings;
    @Inject
    Provider<Database> database;
    @Inject
    Provider<ClinicalStore> store;
    @Inject
    Provider<OAuthModule> oauth;
    @Inject
    Provider<CohortUsers> cohortUsers;
    @Inject
    I2b2Warehouse warehouse;
    @Inject
    Provider<CohortEngine> engine;
    @Inject
    Provider<CohortRuns> cohortRuns;
    @Inject
    Provider<PopulationExporter> exporter;
    @Resource
    ManagedExecutorService executor;
    @Resource
    ContextService context;

    private volatile ContainerState state = ContainerState.STARTING;
    private volatile String message = "opening the clinical store";
    private volatile SnapshotStatus snapshot = new SnapshotStatus("PENDING", null, null);
    private final List<LoadResult.Rejection> rejections = new CopyOnWriteArrayList<>();

    /** The snapshot step's state: PENDING, WRITING, DONE or FAILED, with the snapshot or the error. */
    public record SnapshotStatus(String state, Snapshot snapshot, String error) {
    }

    /**
     * Liveness answers once the deployment is done, readiness once the data is in. The server announces the end of
     * the deployment on a thread of its own, so the work takes this application's context (its class loader, which
     * Spark finds its session classes through, and its naming context) from here.
     */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        Runnable inThisApplication = context.contextualRunnable(this::run);
        DeploymentEvents.whenDeployed(() -> executor.submit(inThisApplication));
    }

    private void run() {
        Optional<String> refusedSecrets = settings.appSecretsRefused();
        if (refusedSecrets.isPresent()) {
            state = ContainerState.FAILED;
            message = "not started: " + refusedSecrets.get();
            LOG.severe(message);
            return;
        }
        try {
            settings.breakdownSettings(); // refused here, not at the first run that asks for a breakdown
        } catch (InvalidSettingException e) {
            state = ContainerState.FAILED;
            message = "not started: " + e.getMessage();
            LOG.severe(message);
            return;
        }
        try {
            database.get();
            if (!warehouse.configured() && store.get().summary().records() == 0) {
                loadSamples();
            }
            if (!loadWarehouseDemoData()) {
                return;
            }
            importWarehouseRecords();
            installApps();
            if (settings.devMode()) {
                oauth.get().accounts().createDevelopmentLogin();
                LOG.info("development login: user dev, password dev, every role");
            }
            cohortUsers.get();
            state = ContainerState.READY;
            message = "ready";
            LOG.info(() -> "SMART Cohort Container is ready: open " + settings.publicUrl() + "/launcher/ (API "
                    + settings.publicUrl() + "/, status " + settings.publicUrl() + "/status"
                    + ListenerExposure.describe(settings.httpAddress()).map(a -> "; " + a).orElse("") + ")");
            ListenerExposure.warning(settings.httpAddress(), ListenerExposure.developmentCredentials(settings))
                    .ifPresent(LOG::warning);
        } catch (Exception | Error e) {
            // Errors too: this runs in a Future nobody reads, where anything not caught here would vanish
            state = ContainerState.FAILED;
            message = "the clinical store could not be opened: " + e;
            LOG.log(Level.SEVERE, message, e);
            return;
        }
        writeSnapshot();
        try {
            cohortRuns.get(); // marks runs of an earlier process INCOMPLETE before anyone asks for them
        } catch (Exception | Error e) {
            LOG.log(Level.SEVERE, "cohort runs could not be opened", e);
        }
        try {
            exporter.get().start(); // resumes the exports a stopped server left running
        } catch (Exception | Error e) {
            LOG.log(Level.SEVERE, "population exports could not be resumed", e);
        }
    }

    private void loadSamples() {
        Optional<Path> samples = settings.sampleDataDirectory();
        if (samples.isEmpty()) {
            return;
        }
        if (!Files.isDirectory(samples.get())) {
            LOG.warning(() -> "smartcc.sample-data.dir is not a folder, nothing loaded: " + samples.get());
            return;
        }
        state = ContainerState.LOADING;
        message = "loading sample records from " + samples.get();
        LOG.info(message);
        try {
            LoadResult result = store.get().loadPath(samples.get());
            rejections.addAll(result.rejected());
            LOG.info(() -> "loaded " + result.loaded().size() + " sample records, " + result.rejected().size()
                    + " rejected");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The embedded run's i2b2-demo dataset: its warehouse is loaded on first start, then reused.
     *
     * @return false when the load failed: the status then says so without the exception, whose text may name the
     *         warehouse's location (the server log has it)
     */
    private boolean loadWarehouseDemoData() {
        if (settings.i2b2DemoDirectory().isEmpty()) {
            return true;
        }
        state = ContainerState.LOADING;
        message = "loading i2b2's demo data into the i2b2 warehouse (first start only)";
        try {
            warehouse.loadDemoDataIfEmpty();
            return true;
        } catch (java.sql.SQLException | java.io.IOException | RuntimeException e) {
            state = ContainerState.FAILED;
            message = "not started: i2b2's demo data could not be loaded into the i2b2 warehouse (see the server log)";
            LOG.log(Level.SEVERE, message, e);
            return false;
        }
    }

    /**
     * On an i2b2 warehouse its patients become SMART records of the store (record id and patient_num the warehouse's
     * patient_num), so that the SMART API, the launcher and cohort mode serve them; a patient whose facts have not
     * changed is skipped. A failure leaves the container serving what the store holds: the cohort calls read the
     * warehouse's snapshot either way.
     */
    private void importWarehouseRecords() {
        Optional<Database> source = warehouse.database();
        if (source.isEmpty()) {
            return;
        }
        state = ContainerState.LOADING;
        message = "importing the i2b2 warehouse's patients as SMART records";
        LOG.info(message);
        long start = System.nanoTime();
        try {
            LoadResult result = store.get().loadI2b2Warehouse(source.get());
            rejections.addAll(publicView(result.rejected()));
            LOG.info(() -> "i2b2 warehouse: " + result.loaded().size() + " patients imported as SMART records, "
                    + result.unchanged().size() + " unchanged, " + result.rejected().size() + " rejected, in "
                    + (System.nanoTime() - start) / 1_000_000 + " ms");
        } catch (RuntimeException e) {
            // the exception's text may name the warehouse's location: the log has it, the status does not
            LOG.log(Level.SEVERE, "the i2b2 warehouse's patients could not be imported as SMART records", e);
            rejections.add(new LoadResult.Rejection(WAREHOUSE, "WAREHOUSE_IMPORT_FAILED",
                    "the warehouse's patients could not be imported as SMART records (see the server log)"));
        }
    }

    /**
     * A rejected warehouse patient's message names the patient and the fact's date and value, and the status is
     * public: it says how many rejections of each code the import met, and the server log (where the loader wrote
     * each one) says which patients and why. A rejection of the warehouse itself names none and stays as it is.
     */
    static List<LoadResult.Rejection> publicView(List<LoadResult.Rejection> rejected) {
        Map<String, Long> perCode = rejected.stream().filter(r -> !WAREHOUSE.equals(r.source()))
                .collect(Collectors.groupingBy(LoadResult.Rejection::code, TreeMap::new, Collectors.counting()));
        List<LoadResult.Rejection> view = new ArrayList<>(rejected.stream()
                .filter(r -> WAREHOUSE.equals(r.source())).toList());
        perCode.forEach((code, count) -> view.add(new LoadResult.Rejection(WAREHOUSE, code, count + " of the"
                + " warehouse's patients or rows could not be imported as SMART records (the server log names each"
                + " and the problem)")));
        return view;
    }

    private void installApps() {
        if (settings.devMode()) {
            installExampleApps();
        }
        settings.appsDirectory().ifPresent(dir -> {
            message = "installing app manifests";
            if (settings.devMode()) {
                int installed = oauth.get().installDevDefaults(dir).size();
                LOG.info(() -> "installed " + installed + " apps from " + dir + ", all with the development secret");
                return;
            }
            List<AppInstaller.Installed> installed = oauth.get().installer()
                    .installDirectoryWithOwnSecrets(dir, settings::appSecret);
            // the one place a consumer secret is ever shown: the administrator passes it on to the app
            installed.stream().filter(AppInstaller.Installed::secretGenerated).map(AppInstaller.Installed::app)
                    .forEach(app -> LOG.info(() -> "app " + app.id() + " was given the consumer secret "
                            + app.consumerSecret() + " (shown this once; smartcc.apps.secret." + app.id()
                            + " sets one instead)"));
            LOG.info(() -> "installed " + installed.size() + " apps from " + dir + ", each with its own secret");
        });
    }

    /** The example apps of the development run ({@link DevelopmentApps}), with the development secret. */
    private void installExampleApps() {
        for (String resource : DevelopmentApps.MANIFESTS) {
            oauth.get().installer().install(resource, DevelopmentApps.manifest(resource, settings.publicUrl()),
                    settings.appsSecret());
        }
    }

    /** Spark failing here leaves the store serving; the status page says why the snapshot is missing. */
    public void writeSnapshot() {
        snapshot = new SnapshotStatus("WRITING", snapshot.snapshot(), null);
        try {
            Instant start = Instant.now();
            Optional<Database> source = warehouse.database();
            Snapshot written = source.isPresent() ? engine.get().writeSnapshot(source.get(), database.get())
                    : engine.get().writeSnapshot(database.get());
            snapshot = new SnapshotStatus("DONE", written, null);
            LOG.info(() -> "Parquet snapshot " + written.id() + " written from the " + snapshotSource() + " in "
                    + java.time.Duration.between(start, Instant.now()).toMillis() + " ms");
        } catch (Exception | Error e) { // Spark throws its checked SparkException unchecked, from Scala
            // Errors too: the task runs in a Future nobody reads, so anything not caught here would vanish and leave
            // the status at WRITING for ever.
            snapshot = new SnapshotStatus("FAILED", snapshot.snapshot(), e.toString());
            LOG.log(Level.SEVERE, "Parquet snapshot failed", e);
        }
    }

    /** Where the snapshots come from: {@code i2b2 warehouse} or {@code clinical store}, never the warehouse's URL. */
    public String snapshotSource() {
        return warehouse.configured() ? WAREHOUSE : "clinical store";
    }

    public ContainerState state() {
        return state;
    }

    public String message() {
        return message;
    }

    public SnapshotStatus snapshot() {
        return snapshot;
    }

    public List<LoadResult.Rejection> rejections() {
        return List.copyOf(rejections);
    }
}
