package org.smartcc.engine.batch;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code --name value} command-line options and {@code --flag} switches, checked against the known and the required
 * names. A switch given is stored with the value {@code "true"}.
 */
final class BatchArguments {

    private BatchArguments() {
    }

    static Map<String, String> parse(String[] args, Set<String> known, Set<String> required) {
        return parse(args, known, Set.of(), required);
    }

    static Map<String, String> parse(String[] args, Set<String> known, Set<String> switches, Set<String> required) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (switches.contains(args[i])) {
                options.put(args[i], "true");
                continue;
            }
            if (!known.contains(args[i])) {
                throw new IllegalArgumentException("unknown option " + args[i]);
            }
            if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            options.put(args[i], args[++i]);
        }
        for (String name : required) {
            if (!options.containsKey(name)) {
                throw new IllegalArgumentException(name + " is required");
            }
        }
        return options;
    }
}
