package org.smartcc.engine.privacy;

import org.smartcc.store.domain.InvalidSettingException;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

/**
 * A deployment's small-cell protection, read from the {@code smartcc.privacy.*} configuration keys (docs/privacy.md
 * lists them with their defaults). Every invalid value is a {@link InvalidSettingException} with code {@value #INVALID} naming its key.
 */
public record PrivacySettings(Mode mode, Set<String> exactRoles, double i2b2Sigma, double i2b2BreakdownSigma,
                              long i2b2Minimum, long shrineThreshold, long shrineBin, double shrineSigma,
                              double shrineClamp, int lockoutCount, int lockoutDays) {

    /** How counts are protected for users without an exact role. */
    public enum Mode { I2B2, SHRINE, EXACT }

    /** The code of every invalid privacy setting. */
    public static final String INVALID = "PRIVACY_SETTING_INVALID";
    private static final String MODE = "smartcc.privacy.mode";
    private static final String EXACT_ROLES = "smartcc.privacy.exact-roles";
    private static final String I2B2_SIGMA = "smartcc.privacy.i2b2.sigma";
    private static final String I2B2_BREAKDOWN_SIGMA = "smartcc.privacy.i2b2.breakdown-sigma";
    private static final String I2B2_MINIMUM = "smartcc.privacy.i2b2.minimum";
    private static final String SHRINE_THRESHOLD = "smartcc.privacy.shrine.threshold";
    private static final String SHRINE_BIN = "smartcc.privacy.shrine.bin";
    private static final String SHRINE_SIGMA = "smartcc.privacy.shrine.sigma";
    private static final String SHRINE_CLAMP = "smartcc.privacy.shrine.clamp";
    private static final String LOCKOUT_COUNT = "smartcc.privacy.lockout.count";
    private static final String LOCKOUT_DAYS = "smartcc.privacy.lockout.days";

    public PrivacySettings {
        Objects.requireNonNull(mode, "mode");
        exactRoles = Set.copyOf(exactRoles);
        requireAtLeast(I2B2_SIGMA, i2b2Sigma, 0);
        requireAtLeast(I2B2_BREAKDOWN_SIGMA, i2b2BreakdownSigma, 0);
        requireAtLeast(I2B2_MINIMUM, i2b2Minimum, 0);
        requireAtLeast(SHRINE_THRESHOLD, shrineThreshold, 0);
        requireAtLeast(SHRINE_BIN, shrineBin, 1);
        requireAtLeast(SHRINE_SIGMA, shrineSigma, 0);
        requireAtLeast(SHRINE_CLAMP, shrineClamp, 0);
        requireAtLeast(LOCKOUT_COUNT, lockoutCount, 1);
        requireAtLeast(LOCKOUT_DAYS, lockoutDays, 1);
    }

    /** i2b2's obfuscation and lockout, exact counts for DATA_AGG. */
    public static PrivacySettings defaults() {
        return from(key -> Optional.empty());
    }

    /** Reads the settings from a configuration, e.g. {@code key -> config.getOptionalValue(key, String.class)}. */
    public static PrivacySettings from(Function<String, Optional<String>> config) {
        return new PrivacySettings(
                config.apply(MODE).map(PrivacySettings::mode).orElse(Mode.I2B2),
                config.apply(EXACT_ROLES).map(PrivacySettings::roles).orElse(Set.of("DATA_AGG")),
                number(config, I2B2_SIGMA, 1.323),
                number(config, I2B2_BREAKDOWN_SIGMA, 1.6),
                whole(config, I2B2_MINIMUM, 3),
                whole(config, SHRINE_THRESHOLD, 10),
                whole(config, SHRINE_BIN, 5),
                number(config, SHRINE_SIGMA, 6.5),
                number(config, SHRINE_CLAMP, 10),
                count(config, LOCKOUT_COUNT, 7),
                count(config, LOCKOUT_DAYS, 30));
    }

    /** Reads the settings from key-value pairs; absent keys take their defaults. */
    public static PrivacySettings from(Map<String, String> config) {
        return from(key -> Optional.ofNullable(config.get(key)));
    }

    /** Whether a user with these roles gets exact counts, and so is not subject to the lockout either. */
    public boolean seesExactCounts(Set<String> userRoles) {
        return mode == Mode.EXACT || userRoles.stream().anyMatch(exactRoles::contains);
    }

    /** The protection of one request's counts, with noise from {@code random}. */
    public CountProtection protectionFor(Set<String> userRoles, RandomGenerator random) {
        if (seesExactCounts(userRoles)) {
            return new ExactCounts();
        }
        return switch (mode) {
            case I2B2 -> new I2b2Obfuscation(i2b2Sigma, i2b2BreakdownSigma, i2b2Minimum, random);
            case SHRINE -> new ShrineObfuscation(shrineThreshold, shrineBin, shrineSigma, shrineClamp, random);
            case EXACT -> new ExactCounts();
        };
    }

    /** The protection of one request's counts, with noise that cannot be predicted. */
    public CountProtection protectionFor(Set<String> userRoles) {
        return protectionFor(userRoles, new SecureRandom());
    }

    public QueryLockout lockout() {
        return new QueryLockout(lockoutCount, lockoutDays);
    }

    private static Mode mode(String value) {
        try {
            return Mode.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException notAMode) {
            throw new InvalidSettingException(INVALID, MODE, value, "must be one of i2b2, shrine, exact");
        }
    }

    private static Set<String> roles(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(role -> !role.isEmpty())
                .collect(Collectors.toSet());
    }

    private static double number(Function<String, Optional<String>> config, String key, double fallback) {
        Optional<String> value = config.apply(key);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return Double.parseDouble(value.get().trim());
        } catch (NumberFormatException notANumber) {
            throw new InvalidSettingException(INVALID, key, value.get(), "must be a number");
        }
    }

    private static long whole(Function<String, Optional<String>> config, String key, long fallback) {
        Optional<String> value = config.apply(key);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return Long.parseLong(value.get().trim());
        } catch (NumberFormatException notAWholeNumber) {
            throw new InvalidSettingException(INVALID, key, value.get(), "must be a whole number");
        }
    }

    private static int count(Function<String, Optional<String>> config, String key, int fallback) {
        long value = whole(config, key, fallback);
        if (value != (int) value) {
            throw new InvalidSettingException(INVALID, key, value, "must be at most " + Integer.MAX_VALUE);
        }
        return (int) value;
    }

    private static void requireAtLeast(String key, double value, double least) {
        if (!(value >= least) || !Double.isFinite(value)) {
            throw new InvalidSettingException(INVALID, key, plain(value), "must be a finite number of at least " + plain(least));
        }
    }

    /** As a deployer writes it: -1 rather than -1.0. */
    private static String plain(double value) {
        return Double.isFinite(value) ? BigDecimal.valueOf(value).stripTrailingZeros().toPlainString()
                : Double.toString(value);
    }

    private static void requireAtLeast(String key, long value, long least) {
        if (value < least) {
            throw new InvalidSettingException(INVALID, key, value, "must be at least " + least);
        }
    }
}
