package org.smartcc.engine.privacy;

import org.smartcc.store.domain.InvalidSettingException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The smartcc.privacy.* keys, their defaults, and who gets which protection. */
class PrivacySettingsTest {

    @Test
    void theDefaultsAreI2b2sWithExactCountsForDataAgg() {
        assertEquals(new PrivacySettings(PrivacySettings.Mode.I2B2, Set.of("DATA_AGG"), 1.323, 1.6, 3, 10, 5, 6.5, 10,
                7, 30), PrivacySettings.defaults());
        assertEquals(PrivacySettings.defaults(), PrivacySettings.from(Map.of()));
        assertEquals(new QueryLockout(7, 30), PrivacySettings.defaults().lockout());
    }

    @Test
    void everyKeyCanBeOverridden() {
        PrivacySettings settings = PrivacySettings.from(Map.ofEntries(
                Map.entry("smartcc.privacy.mode", " Shrine "),
                Map.entry("smartcc.privacy.exact-roles", "DATA_LDS, DATA_DEID,,"),
                Map.entry("smartcc.privacy.i2b2.sigma", "2"),
                Map.entry("smartcc.privacy.i2b2.breakdown-sigma", "2.5"),
                Map.entry("smartcc.privacy.i2b2.minimum", "5"),
                Map.entry("smartcc.privacy.shrine.threshold", "20"),
                Map.entry("smartcc.privacy.shrine.bin", "10"),
                Map.entry("smartcc.privacy.shrine.sigma", "3"),
                Map.entry("smartcc.privacy.shrine.clamp", "4.5"),
                Map.entry("smartcc.privacy.lockout.count", "3"),
                Map.entry("smartcc.privacy.lockout.days", "7")));
        assertEquals(new PrivacySettings(PrivacySettings.Mode.SHRINE, Set.of("DATA_LDS", "DATA_DEID"), 2, 2.5, 5, 20,
                10, 3, 4.5, 3, 7), settings);
    }

    @Test
    void aBadValueIsRefusedNamingItsKey() {
        assertRefused("smartcc.privacy.i2b2.sigma", "abc");
        assertRefused("smartcc.privacy.i2b2.sigma", "-1");
        assertRefused("smartcc.privacy.shrine.sigma", "NaN");
        assertRefused("smartcc.privacy.mode", "laplace");
        assertRefused("smartcc.privacy.i2b2.minimum", "2.5");
        assertRefused("smartcc.privacy.shrine.bin", "0");
        assertRefused("smartcc.privacy.lockout.days", "");
        assertRefused("smartcc.privacy.lockout.count", "99999999999");
    }

    @Test
    void exactRolesSeeExactCountsAndEveryoneElseObfuscatedOnes() {
        PrivacySettings settings = PrivacySettings.defaults();
        Random random = new Random(5);

        CountProtection trusted = settings.protectionFor(Set.of("USER", "DATA_AGG"), random);
        assertInstanceOf(ExactCounts.class, trusted);
        assertEquals(new ReportedCount(2, "2", false, "EXACT"), trusted.total(2));

        CountProtection obfuscated = settings.protectionFor(Set.of("USER", "DATA_OBFSC"), random);
        assertInstanceOf(I2b2Obfuscation.class, obfuscated);
        assertEquals("OBSUBTOTAL", obfuscated.total(100).method());
        assertFalse(settings.seesExactCounts(Set.of()));

        PrivacySettings shrine = PrivacySettings.from(Map.of("smartcc.privacy.mode", "shrine"));
        assertInstanceOf(ShrineObfuscation.class, shrine.protectionFor(Set.of("DATA_OBFSC")));
        assertInstanceOf(ExactCounts.class, shrine.protectionFor(Set.of("DATA_AGG")));

        PrivacySettings exact = PrivacySettings.from(Map.of("smartcc.privacy.mode", "exact"));
        assertTrue(exact.seesExactCounts(Set.of()));
        assertInstanceOf(ExactCounts.class, exact.protectionFor(Set.of("DATA_OBFSC"), random));

        PrivacySettings nobody = PrivacySettings.from(Map.of("smartcc.privacy.exact-roles", ""));
        assertInstanceOf(I2b2Obfuscation.class, nobody.protectionFor(Set.of("DATA_AGG"), random));
    }

    private static void assertRefused(String key, String value) {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> PrivacySettings.from(Map.of(key, value)), key + " = " + value);
        assertEquals("PRIVACY_SETTING_INVALID", e.code());
        assertEquals(key, e.key());
        assertTrue(e.getMessage().contains(key) && e.getMessage().contains("'" + value + "'"), e.getMessage());
    }
}
