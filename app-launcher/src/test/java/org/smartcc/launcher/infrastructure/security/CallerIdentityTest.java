package org.smartcc.launcher.infrastructure.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import java.io.StringReader;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.smartcc.launcher.domain.Caller;

class CallerIdentityTest {

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void theApisUserBecomesTheCallerWithItsRolesAsGroups() {
        Caller caller = CallerIdentity.fromApiUser(json(
                "{\"user_id\":\"dev\",\"full_name\":\"Dev User\",\"roles\":[\"researcher\",\"clinician\",\"admin\"]}"));
        assertEquals(new Caller("dev", "Dev User", List.of("researcher", "clinician", "admin")), caller);
        assertTrue(caller.isAdmin());

        CredentialValidationResult result = CallerIdentity.validationResult(caller);
        assertEquals(CredentialValidationResult.Status.VALID, result.getStatus());
        assertEquals("dev", result.getCallerPrincipal().getName());
        assertEquals(Set.of("researcher", "clinician", "admin"), result.getCallerGroups());
    }

    /** A role the launcher does not know grants nothing, and is not passed on as a group. */
    @Test
    void onlyTheLaunchersRolesAreGroups() {
        Caller caller = CallerIdentity.fromApiUser(json(
                "{\"user_id\":\"r1\",\"full_name\":\"R One\",\"roles\":[\"researcher\",\"root\",7,\"researcher\"]}"));
        assertEquals(List.of("researcher"), caller.roles());
        assertFalse(caller.isAdmin());
    }

    @Test
    void aUserWithoutNameOrRolesIsKnownByItsId() {
        Caller caller = CallerIdentity.fromApiUser(json("{\"user_id\":\"x\"}"));
        assertEquals(new Caller("x", "x", List.of()), caller);
        assertEquals(Set.of(), CallerIdentity.validationResult(caller).getCallerGroups());
    }
}
