package org.smartcc.launcher.infrastructure.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.smartcc.launcher.domain.LauncherException;

class ApiClientTest {

    private static ApiResponse answer(int status, String body) {
        return new ApiResponse(status, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anErrorOfTheApiKeepsItsStatusAndCode() {
        LauncherException e = assertThrows(LauncherException.class, () -> ApiClient.json(
                answer(404, "{\"code\":\"RECORD_NOT_FOUND\",\"message\":\"no record 9\"}"), JsonObject.class));
        assertEquals(404, e.status());
        assertEquals("RECORD_NOT_FOUND", e.code());
        assertEquals("no record 9", e.getMessage());
    }

    /** The API refused the launcher's own credentials: the browser's user is not the one to sign in again. */
    @Test
    void theApisRefusalOfTheLauncherIsABadGateway() {
        LauncherException e = ApiClient.error(answer(401, "{\"code\":\"LOGIN_FAILED\",\"message\":\"no\"}"));
        assertEquals(502, e.status());
        assertEquals("LOGIN_FAILED", e.code());
    }

    @Test
    void anAnswerThatIsNotJsonIsAnApiError() {
        LauncherException e = ApiClient.error(answer(500, "<html>boom</html>"));
        assertEquals(500, e.status());
        assertEquals("API_ERROR", e.code());
        assertEquals("API_ANSWER_INVALID",
                assertThrows(LauncherException.class, () -> ApiClient.json(answer(200, "[1]"), JsonObject.class))
                        .code());
    }

    @Test
    void aGoodAnswerIsItsJson() {
        assertEquals("u1", ApiClient.json(answer(200, "{\"user_id\":\"u1\"}"), JsonObject.class).getString("user_id"));
    }
}
