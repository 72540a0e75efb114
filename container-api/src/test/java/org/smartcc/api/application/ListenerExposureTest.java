package org.smartcc.api.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ListenerExposureTest {

    static final List<String> DEMO_LOGIN = List.of("i2b2 demo login (smartcc.cohort.demo-login)");

    @Test
    void loopbackIsSaidAndNeedsNoWarning() {
        assertEquals(Optional.of("listening on 127.0.0.1 only (this machine)"),
                ListenerExposure.describe(Optional.of("127.0.0.1")));
        assertEquals(Optional.empty(), ListenerExposure.warning(Optional.of("127.0.0.1"), DEMO_LOGIN));
        assertEquals(Optional.empty(), ListenerExposure.warning(Optional.of("::1"), DEMO_LOGIN));
    }

    @Test
    void everyInterfaceWithDevelopmentCredentialsIsWarnedAbout() {
        assertEquals(Optional.of("listening on 0.0.0.0, reachable from other machines"),
                ListenerExposure.describe(Optional.of("0.0.0.0")));
        String warning = ListenerExposure.warning(Optional.of("0.0.0.0"), DEMO_LOGIN).orElseThrow();
        assertTrue(warning.startsWith("SECURITY WARNING: listening on 0.0.0.0"), warning);
        assertTrue(warning.contains("i2b2 demo login"), warning);
    }

    @Test
    void noWarningWithoutDevelopmentCredentialsOrAKnownAddress() {
        assertEquals(Optional.empty(), ListenerExposure.warning(Optional.of("0.0.0.0"), List.of()));
        assertEquals(Optional.empty(), ListenerExposure.warning(Optional.empty(), DEMO_LOGIN));
        assertEquals(Optional.empty(), ListenerExposure.describe(Optional.empty()));
    }
}
