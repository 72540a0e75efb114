package org.smartcc.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.scribejava.core.model.OAuthRequest;
import com.github.scribejava.core.model.Verb;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import java.io.File;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The SMART API as apps reach it over HTTP: installed app manifests, OAuth 1.0a signed by an independent client
 * (ScribeJava) with the development consumer secret, and the errors a badly signed request gets.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WebApiIT {

    static final String BACKGROUND_APP = "smart-connector@apps.smartplatforms.org";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.war")));
    }

    @ArquillianResource
    URL url;
    String base;

    @BeforeEach
    void ready() throws Exception {
        new ContainerClient(url).awaitReady(Duration.ofMinutes(5));
        base = url.toString().replaceAll("/$", "");
    }

    @Test
    void servesTheInstalledAppManifests() throws Exception {
        ContainerClient client = new ContainerClient(url);
        HttpResponse<String> all = client.get("apps/manifests/");
        assertEquals(200, all.statusCode());
        assertEquals("application/json", all.headers().firstValue("Content-Type").orElse(""));
        JsonArray manifests = Json.createReader(new StringReader(all.body())).readArray();
        assertEquals(27, manifests.size(), "28 shared manifest files, two with the same id");
        HttpResponse<String> one = client.get("apps/med-list@apps.smartplatforms.org/manifest");
        assertEquals(200, one.statusCode());
        assertTrue(one.body().contains("\"med-list@apps.smartplatforms.org\""));
        HttpResponse<String> missing = client.get("apps/no-such-app@example.org/manifest");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("\"NOT_FOUND\""), missing.body());
    }

    @Test
    void aBackgroundAppWalksEveryRecordWithPerRecordTokens() throws Exception {
        SignedClient app = new SignedClient(BACKGROUND_APP);
        HttpResponse<String> first = app.send(Verb.POST, base + "/apps/" + BACKGROUND_APP + "/tokens/records/first",
                null, null);
        assertEquals(200, first.statusCode(), first.body());
        Map<String, String> token = SignedClient.form(first.body());
        assertTrue(token.containsKey("oauth_token") && token.containsKey("oauth_token_secret"), first.body());
        String record = token.get("smart_record_id");
        HttpResponse<String> next = app.send(Verb.POST,
                base + "/apps/" + BACKGROUND_APP + "/tokens/records/" + record + "/next", null, null);
        assertEquals(200, next.statusCode(), next.body());
        assertTrue(SignedClient.form(next.body()).get("smart_record_id").compareTo(record) > 0);
    }

    @Test
    void aRestAppGetsARequestTokenBoundToARecord() throws Exception {
        SignedClient app = new SignedClient("rest-minimal@apps.smartplatforms.org");
        HttpResponse<String> answer = app.send(app.sign(Verb.POST, base + "/oauth/request_token", null, null,
                Map.of("smart_record_id", "2169591", "oauth_callback", "oob")));
        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(SignedClient.form(answer.body()).containsKey("oauth_token"), answer.body());
    }

    @Test
    void badOrReplayedSignaturesAreRefusedWithTheReason() throws Exception {
        ContainerClient anonymous = new ContainerClient(url);
        HttpResponse<String> unsigned = anonymous.get("apps/" + BACKGROUND_APP + "/tokens/records/2169591");
        assertEquals(401, unsigned.statusCode());
        assertTrue(unsigned.body().contains("OAUTH_HEADER_MISSING"), unsigned.body());

        SignedClient app = new SignedClient(BACKGROUND_APP);
        OAuthRequest signed = app.sign(Verb.GET, base + "/apps/" + BACKGROUND_APP + "/tokens/records/2169591", null,
                null, Map.of());
        assertEquals(200, app.send(signed).statusCode());
        HttpResponse<String> replay = app.send(signed);
        assertEquals(401, replay.statusCode());
        assertTrue(replay.body().contains("OAUTH_NONCE_REPLAYED"), replay.body());

        SignedClient impostor = new SignedClient("no-such-app@example.org");
        HttpResponse<String> unknown = impostor.send(Verb.POST, base + "/oauth/request_token", null, null);
        assertEquals(401, unknown.statusCode());
        assertTrue(unknown.body().contains("OAUTH_UNKNOWN_CONSUMER"), unknown.body());
    }

    @Test
    void theDebugAidShowsTheBaseStringTheServerSigned() throws Exception {
        SignedClient app = new SignedClient(BACKGROUND_APP);
        HttpResponse<String> debug = app.send(Verb.GET, base + "/oauth/debug?x=a%20b", null, null);
        assertEquals(200, debug.statusCode(), debug.body());
        assertTrue(debug.body().startsWith("GET&"), debug.body());
        assertTrue(debug.body().contains("x%3Da%2520b"), debug.body());
    }
}
