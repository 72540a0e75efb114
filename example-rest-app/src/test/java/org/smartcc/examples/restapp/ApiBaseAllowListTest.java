package org.smartcc.examples.restapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiBaseAllowListTest {

    private final ApiBaseAllowList allowList = ApiBaseAllowList.of(List.of("http://localhost:8080"));

    @Test
    void theConfiguredBaseMatchesInItsNormalForm() {
        for (String same : List.of("http://localhost:8080", "http://localhost:8080/", "HTTP://LocalHost:8080")) {
            assertEquals(Optional.of("http://localhost:8080"), allowList.match(same), same);
        }
    }

    @Test
    void anyOtherBaseIsRefused() {
        for (String other : List.of("http://localhost:8081", "https://localhost:8080", "http://evil.example:8080",
                "http://localhost:8080.evil.example", "http://localhost:8080/other", "http://user@localhost:8080",
                "http://localhost:8080?x=1", "file:///etc/passwd", "localhost:8080", "not a url", "")) {
            assertEquals(Optional.empty(), allowList.match(other), other);
        }
        assertEquals(Optional.empty(), allowList.match(null));
    }

    @Test
    void defaultPortsAndPathsAreNormal() {
        ApiBaseAllowList bases = ApiBaseAllowList.of(List.of("https://smart.example.org:443/api/", " http://a:80 "));
        assertEquals(List.of("https://smart.example.org/api", "http://a"), bases.allowed());
        assertEquals(Optional.of("https://smart.example.org/api"), bases.match("https://smart.example.org/api"));
        assertEquals(Optional.of("http://a"), bases.match("http://a:80/"));
    }

    @Test
    void aConfiguredBaseThatIsNoHttpUrlIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> ApiBaseAllowList.of(List.of("ftp://localhost")));
    }
}
