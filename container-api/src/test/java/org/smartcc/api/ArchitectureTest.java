package org.smartcc.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The import rules of docs/architecture.md, read from its "What each library exports" table so the document and the
 * check cannot drift apart: another module imports only a library's exported packages, and the plain-Java packages
 * import nothing but {@code java.*} and the project. Lives here because container-api's tests run from a module
 * directory beside every other module's sources.
 */
class ArchitectureTest {

    private static final Path ROOT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();
    private static final Pattern IMPORT =
            Pattern.compile("^import (?:static )?([\\w.]+)(?:\\.\\*)?;", Pattern.MULTILINE);
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    /** One library row of the table. */
    record Library(String module, String root, Set<String> exported) {
    }

    /** The table, its plain-Java column and every module's Java sources, read once per test. */
    private record Rules(List<Library> libraries, Set<String> plainJava) {

        static Rules fromArchitectureDoc() {
            List<Library> libraries = new ArrayList<>();
            Set<String> plainJava = new TreeSet<>();
            boolean inTable = false;
            for (String line : lines(ROOT.resolve("docs/architecture.md"))) {
                if (line.startsWith("| library | front door | exported packages | plain Java |")) {
                    inTable = true;
                } else if (inTable && !line.startsWith("|")) {
                    break;
                } else if (inTable && !line.startsWith("|---")) {
                    String[] cells = line.split("\\|", -1);
                    String module = codes(cells[1]).get(0);
                    List<String> exported = codes(cells[3]);
                    plainJava.addAll(codes(cells[4]));
                    if (!exported.isEmpty()) {
                        libraries.add(new Library(module, exported.get(0), Set.copyOf(exported)));
                    }
                }
            }
            return new Rules(libraries, plainJava);
        }

        /** The library that owns a package: the one with the longest root that prefixes it. */
        Optional<Library> owner(String pkg) {
            return libraries.stream().filter(l -> pkg.equals(l.root()) || pkg.startsWith(l.root() + "."))
                    .max((a, b) -> Integer.compare(a.root().length(), b.root().length()));
        }

        /** The rule an import of a main or test source file breaks, if any. */
        Optional<String> violation(String module, String filePackage, boolean main, String imported) {
            String pkg = packageOfName(imported);
            Optional<Library> owner = owner(pkg);
            if (owner.isPresent() && !owner.get().module().equals(module) && !owner.get().exported().contains(pkg)) {
                return Optional.of("imports " + imported + ", which " + owner.get().module() + " does not export");
            }
            if (main && plainJava.contains(filePackage) && !imported.startsWith("java.")
                    && !imported.startsWith("org.smartcc.")) {
                return Optional.of("is plain Java but imports " + imported);
            }
            return Optional.empty();
        }
    }

    private final Rules rules = Rules.fromArchitectureDoc();

    @Test
    void theTableNamesTheLibrariesAndOnlyPackagesThatExist() {
        assertEquals(List.of("clinical-store", "smart-records", "smart-oauth", "cohort-engine", "smart-client"),
                rules.libraries().stream().map(Library::module).toList());
        Set<String> packages = sources().values().stream().map(ArchitectureTest::packageLineOf)
                .collect(Collectors.toSet());
        Stream.concat(rules.libraries().stream().flatMap(l -> l.exported().stream()), rules.plainJava().stream())
                .forEach(p -> assertTrue(packages.contains(p), "docs/architecture.md names " + p
                        + ", which has no source file"));
    }

    @Test
    void everyImportKeepsToTheTable() {
        Map<Path, String> sources = sources();
        assertTrue(sources.size() > 300, "found only " + sources.size() + " source files under " + ROOT);
        List<String> violations = new ArrayList<>();
        sources.forEach((file, text) -> {
            Path relative = ROOT.relativize(file);
            String module = relative.getName(0).toString();
            boolean main = relative.getName(2).toString().equals("main");
            Matcher m = IMPORT.matcher(text);
            while (m.find()) {
                rules.violation(module, packageLineOf(text), main, m.group(1))
                        .ifPresent(v -> violations.add(ROOT.relativize(file) + " " + v));
            }
        });
        assertEquals(List.of(), violations);
    }

    @Test
    void theCheckRefusesAnInternalImportAndAFrameworkInPlainJava() {
        assertEquals(Optional.of("imports org.smartcc.store.internal.jdbc.JdbcClinicalStore, which clinical-store"
                        + " does not export"),
                rules.violation("smart-records", "org.smartcc.records.internal", true,
                        "org.smartcc.store.internal.jdbc.JdbcClinicalStore"));
        assertEquals(Optional.empty(), rules.violation("clinical-store", "org.smartcc.store", true,
                "org.smartcc.store.internal.jdbc.JdbcClinicalStore"));
        assertEquals(Optional.of("is plain Java but imports jakarta.persistence.Entity"),
                rules.violation("smart-oauth", "org.smartcc.oauth.domain", true, "jakarta.persistence.Entity"));
    }

    /** Every module's main and test Java sources, by file. */
    private static Map<Path, String> sources() {
        Map<Path, String> sources = new LinkedHashMap<>();
        try (Stream<Path> modules = Files.list(ROOT)) {
            for (Path module : modules.filter(m -> Files.isDirectory(m.resolve("src"))).sorted().toList()) {
                try (Stream<Path> files = Files.walk(module.resolve("src"))) {
                    for (Path f : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                        sources.put(f, Files.readString(f));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sources;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> codes(String cell) {
        List<String> codes = new ArrayList<>();
        Matcher m = CODE.matcher(cell);
        while (m.find()) {
            codes.add(m.group(1));
        }
        return codes;
    }

    private static String packageLineOf(String source) {
        Matcher line = PACKAGE.matcher(source);
        return line.find() ? line.group(1) : "";
    }

    /** The package of an imported name: its parts before the first type (which starts with a capital). */
    private static String packageOfName(String imported) {
        List<String> parts = new ArrayList<>();
        for (String part : imported.split("\\.")) {
            if (Character.isUpperCase(part.charAt(0))) {
                break;
            }
            parts.add(part);
        }
        return String.join(".", parts);
    }
}
