package org.smartcc.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Deletes the copies of the WAR that the Payara Micro Arquillian adapter writes into the temporary folder, one per
 * deployment (about 270 MB each) and never removes, once a test class is done with its deployment: ten of them filled
 * a CI machine's disk. Active only where failsafe asks for it ({@value #ENABLED}), because it points
 * {@code java.io.tmpdir} at this module's target folder, which holds this build's copies and nothing else.
 */
public final class ArquillianCopiesCleanup implements TestExecutionListener {

    static final String ENABLED = "smartcc.it.delete-arquillian-copies";

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (!Boolean.getBoolean(ENABLED) || test.getSource().filter(ClassSource.class::isInstance).isEmpty()) {
            return;
        }
        Path temporary = Path.of(System.getProperty("java.io.tmpdir"));
        try (DirectoryStream<Path> copies = Files.newDirectoryStream(temporary, "arquillian-payara-micro*")) {
            for (Path copy : copies) {
                deleteTree(copy);
            }
        } catch (IOException | UncheckedIOException e) {
            System.err.println("could not delete the Arquillian deployment copies in " + temporary + ": " + e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
