package org.smartcc.engine.run;

import org.smartcc.store.domain.InvalidSettingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How i2b2's SQL breakdowns group, as i2b2's {@code QT_BREAKDOWN_PATH} rows configure them: how many concepts the
 * top medications and diagnoses list ({@code smartcc.breakdown.top-n}, i2b2's "top 20") and the length-of-stay groups
 * in days ({@code smartcc.breakdown.los-groups}, e.g. {@code 0,1,2-3,4-7,8-14,15+}). Every invalid value is a
 * {@link InvalidSettingException} with code {@value #INVALID} naming its key, so that a deployment with a bad setting does not start.
 *
 * @param topN      the most concepts a top list shows, 1 to {@link #MAX_TOP_N}
 * @param losGroups the length-of-stay groups: from 0 days, ascending, without gaps or overlaps; only the last may be
 *                  open ({@code 15+})
 */
public record BreakdownSettings(int topN, List<LosGroup> losGroups) {

    public static final String TOP_N = "smartcc.breakdown.top-n";
    public static final String LOS_GROUPS = "smartcc.breakdown.los-groups";
    /** The code of every invalid breakdown setting. */
    public static final String INVALID = "BREAKDOWN_SETTING_INVALID";
    public static final int MAX_TOP_N = 1000;
    private static final String DEFAULT_LOS_GROUPS = "0,1,2-3,4-7,8-14,15+";
    private static final Pattern GROUP = Pattern.compile("(\\d{1,5})(?:(\\+)|-(\\d{1,5}))?");

    /**
     * One group of lengths of stay, in whole days, named as the setting writes it.
     *
     * @param to the last day of the group, or empty for an open last group
     */
    public record LosGroup(int from, Optional<Integer> to, String label) {
    }

    public static final BreakdownSettings DEFAULTS = new BreakdownSettings(20, losGroups(DEFAULT_LOS_GROUPS));

    public BreakdownSettings {
        if (topN < 1 || topN > MAX_TOP_N) {
            throw new InvalidSettingException(INVALID, TOP_N, Integer.toString(topN), "must be a whole number from 1 to "
                    + MAX_TOP_N);
        }
        losGroups = List.copyOf(losGroups);
        if (losGroups.isEmpty()) {
            throw new InvalidSettingException(INVALID, LOS_GROUPS, "", "needs at least one group");
        }
    }

    /** Reads the settings from a configuration, e.g. {@code key -> config.getOptionalValue(key, String.class)}. */
    public static BreakdownSettings from(Function<String, Optional<String>> config) {
        int topN = config.apply(TOP_N).map(BreakdownSettings::topN).orElse(DEFAULTS.topN());
        return new BreakdownSettings(topN, config.apply(LOS_GROUPS).map(BreakdownSettings::losGroups)
                .orElse(DEFAULTS.losGroups()));
    }

    /** Reads the settings from key-value pairs; absent keys take their defaults. */
    public static BreakdownSettings from(Map<String, String> config) {
        return from(key -> Optional.ofNullable(config.get(key)));
    }

    private static int topN(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidSettingException(INVALID, TOP_N, value, "must be a whole number from 1 to " + MAX_TOP_N);
        }
    }

    /**
     * Parses comma-separated groups: {@code n} (one day count), {@code a-b} (a to b days, both included) or
     * {@code n+} (n days or more, last only). The first starts at 0 and each starts the day after the previous ends.
     */
    public static List<LosGroup> losGroups(String value) {
        List<LosGroup> groups = new ArrayList<>();
        int next = 0;
        for (String part : value.split(",", -1)) {
            String text = part.trim();
            Matcher m = GROUP.matcher(text);
            if (!m.matches()) {
                throw losRefused(value, "'" + text + "' is not a group: write n, a-b or n+ (whole days)");
            }
            if (!groups.isEmpty() && groups.get(groups.size() - 1).to().isEmpty()) {
                throw losRefused(value, "only the last group may be open (n+)");
            }
            int from = Integer.parseInt(m.group(1));
            if (from != next) {
                throw losRefused(value, "'" + text + "' must start at " + next + " days: the groups start at 0 and"
                        + " follow each other without gaps or overlaps");
            }
            Optional<Integer> to = m.group(2) != null ? Optional.empty()
                    : Optional.of(m.group(3) == null ? from : Integer.parseInt(m.group(3)));
            if (to.isPresent() && to.get() < from) {
                throw losRefused(value, "'" + text + "' ends before it starts");
            }
            groups.add(new LosGroup(from, to, to.isEmpty() ? from + "+" : to.get() == from ? Integer.toString(from)
                    : from + "-" + to.get()));
            next = to.map(t -> t + 1).orElse(Integer.MAX_VALUE);
        }
        return groups;
    }

    private static InvalidSettingException losRefused(String value, String rule) {
        return new InvalidSettingException(INVALID, LOS_GROUPS, value, rule);
    }
}
