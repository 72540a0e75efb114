package org.smartcc.bench;

import com.github.scribejava.core.builder.ServiceBuilder;
import com.github.scribejava.core.builder.api.DefaultApi10a;
import com.github.scribejava.core.model.OAuth1AccessToken;
import com.github.scribejava.core.model.OAuthRequest;
import com.github.scribejava.core.model.Verb;
import com.github.scribejava.core.oauth.OAuth10aService;
import com.github.scribejava.core.services.TimestampService;
import com.github.scribejava.core.services.TimestampServiceImpl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.smartcc.api.infrastructure.JdbcRecordIds;
import org.smartcc.api.infrastructure.JdbcSetGrants;
import org.smartcc.oauth.OAuthModule;
import org.smartcc.oauth.application.OAuthHttpRequest;
import org.smartcc.oauth.application.OAuthSettings;
import org.smartcc.oauth.application.TokenResponse;
import org.smartcc.oauth.domain.OAuthError;
import org.smartcc.oauth.domain.OAuthException;
import org.smartcc.store.ClinicalStore;
import org.smartcc.store.Database;

/**
 * A background app's per-record token loop (smart-classic §4.6) over a patient set granted to it, next to the same
 * app's loop without a grant (the baseline: every record, as the reference container walks them) in the same run and
 * database. Each step is what the API server does for {@code POST .../tokens/records/first} and {@code .../next}
 * without HTTP: verify the 2-legged signature (ScribeJava signs afresh, so every nonce is stored), find the next
 * record, issue and store a token, and note the grant's progress.
 *
 * <p>Arguments: {@code [--records 100000]}. The records (SMART ids in {@code patient_mapping}) and one set holding all
 * of them are written to an H2 file in a temporary folder, deleted afterwards.
 */
public final class GrantTokenLoopBenchmark {

    private static final String APP = "bench-loop@apps.smartcc.local";
    private static final String SECRET = "bench-loop-secret";
    private static final String API = "http://localhost:8080";
    private static final long SET_ID = 1;

    private int records = 100_000;

    public static void main(String[] args) throws Exception {
        GrantTokenLoopBenchmark bench = new GrantTokenLoopBenchmark();
        if (args.length == 2 && args[0].equals("--records")) {
            bench.records = Integer.parseInt(args[1].replace("_", ""));
        } else if (args.length != 0) {
            System.err.println("usage: bench-token-loop [--records 100000]");
            System.exit(2);
        }
        System.exit(bench.run() ? 0 : 1);
    }

    private boolean run() throws Exception {
        Path dir = Files.createTempDirectory("smartcc-bench-loop");
        try (Database db = Database.open(Database.h2FileUrl(dir.resolve("store")), "sa", "")) {
            long start = System.nanoTime();
            fill(db);
            System.out.printf(Locale.ROOT, "%,d records and a set of all of them written in %.1f s%n", records,
                    (System.nanoTime() - start) / 1e9);
            JdbcSetGrants grants = new JdbcSetGrants(db);
            OAuthModule oauth = OAuthModule.open(db, OAuthSettings.defaults(), Clock.systemUTC(),
                    new JdbcRecordIds(db), grants);
            oauth.installer().install("bench.json", """
                    {"id": "%s", "name": "Bench loop", "description": "walks records", "mode": "background",
                     "scope": "container"}""".formatted(APP), SECRET);
            OAuth10aService signer = new ServiceBuilder(APP).apiSecret(SECRET).build(new Endpoints());

            walk(oauth, signer, Math.min(2_000, records));   // warms the JIT, the pool and H2's caches
            Loop baseline = walk(oauth, signer, records);
            grants.grant(SET_ID, APP, "bench", Instant.now());
            Loop granted = walk(oauth, signer, records);
            long handedOut = grants.grantsOf(SET_ID).get(0).handedOut();

            System.out.printf(Locale.ROOT, "%d cores, Java %s, H2 file database%n",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            System.out.println("| loop | records | seconds | records/s | vs baseline |");
            System.out.println("|---|---:|---:|---:|---:|");
            baseline.print("every record, no grant (baseline)", baseline);
            granted.print("a granted set of all records", baseline);
            boolean complete = baseline.records == records && granted.records == records && handedOut == records;
            if (!complete) {
                System.out.printf(Locale.ROOT, "!!! INCOMPLETE: walked %d and %d, progress %d of %d%n",
                        baseline.records, granted.records, handedOut, records);
            }
            return complete;
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private record Loop(long records, long nanos) {

        void print(String name, Loop baseline) {
            double perSecond = records / (nanos / 1e9);
            double basePerSecond = baseline.records / (baseline.nanos / 1e9);
            System.out.printf(Locale.ROOT, "| %s | %,d | %.1f | %,.0f | %.2f |%n", name, records, nanos / 1e9,
                    perSecond, perSecond / basePerSecond);
        }
    }

    /** Walks the loop from {@code first} through {@code next} for at most {@code limit} records. */
    private static Loop walk(OAuthModule oauth, OAuth10aService signer, int limit) {
        String tokens = API + "/apps/" + APP.replace("@", "%40") + "/tokens/records/";
        long start = System.nanoTime();
        long walked = 0;
        Optional<String> record = Optional.of(record(oauth.backgroundTokens().first(signed(signer, tokens + "first"),
                APP)));
        while (record.isPresent() && ++walked < limit) {
            String current = record.get();
            try {
                record = Optional.of(record(oauth.backgroundTokens().next(signed(signer, tokens + current + "/next"),
                        APP, current)));
            } catch (OAuthException e) {
                if (e.error() != OAuthError.NO_MORE_RECORDS) {
                    throw e;
                }
                record = Optional.empty();
            }
        }
        return new Loop(walked, System.nanoTime() - start);
    }

    private static String record(TokenResponse token) {
        return token.parameter("smart_record_id").orElseThrow();
    }

    private static OAuthHttpRequest signed(OAuth10aService signer, String url) {
        OAuthRequest request = new OAuthRequest(Verb.POST, url);
        signer.signRequest(new OAuth1AccessToken("", ""), request);
        return OAuthHttpRequest.builder("POST", url).authorization(request.getHeaders().get("Authorization")).build();
    }

    /** SMART records {@code B0000001}... and one finished patient set (result instance 1) of all of them. */
    private void fill(Database db) throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO qt_query_master (query_master_id, name, user_id, create_ms,"
                        + " definition_json, fingerprint) VALUES (1, 'bench', 'bench', 0, '{}', 'bench')");
                s.executeUpdate("INSERT INTO qt_query_instance (query_instance_id, query_master_id, user_id, status,"
                        + " submit_ms) VALUES (1, 1, 'bench', 'FINISHED', 0)");
                s.executeUpdate("INSERT INTO qt_query_result_instance (result_instance_id, query_instance_id,"
                        + " result_type, status, set_size, real_set_size) VALUES (" + SET_ID + ", 1, 'PATIENTSET',"
                        + " 'FINISHED', " + records + ", " + records + ")");
            }
            try (PreparedStatement mapping = c.prepareStatement("INSERT INTO patient_mapping (patient_ide,"
                    + " patient_ide_source, patient_num, project_id) VALUES (?, ?, ?, ?)");
                    PreparedStatement member = c.prepareStatement("INSERT INTO qt_patient_set_collection"
                            + " (result_instance_id, set_index, patient_num) VALUES (?, ?, ?)")) {
                for (int i = 1; i <= records; i++) {
                    mapping.setString(1, String.format(Locale.ROOT, "B%07d", i));
                    mapping.setString(2, ClinicalStore.SOURCE);
                    mapping.setInt(3, i);
                    mapping.setString(4, ClinicalStore.PROJECT);
                    mapping.addBatch();
                    member.setLong(1, SET_ID);
                    member.setInt(2, i - 1);
                    member.setInt(3, i);
                    member.addBatch();
                    if (i % 10_000 == 0 || i == records) {
                        mapping.executeBatch();
                        member.executeBatch();
                    }
                }
            }
            c.commit();
        }
    }

    /**
     * ScribeJava's API definition; only its signing is used, never its endpoints. Its nonces are a random int plus
     * the time, which at a thousand requests a second repeat within a second now and then (the provider rightly
     * refuses a repeated nonce), so each nonce here is a random UUID.
     */
    private static final class Endpoints extends DefaultApi10a {

        @Override
        public TimestampService getTimestampService() {
            return new TimestampServiceImpl() {
                @Override
                public String getNonce() {
                    return UUID.randomUUID().toString();
                }
            };
        }

        @Override
        public String getRequestTokenEndpoint() {
            return API + "/oauth/request_token";
        }

        @Override
        public String getAccessTokenEndpoint() {
            return API + "/oauth/access_token";
        }

        @Override
        protected String getAuthorizationBaseUrl() {
            return API + "/oauth/authorize";
        }
    }
}
