package org.smartcc.records.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.smartcc.records.application.DocumentFiles;

/**
 * Document files laid out as the reference server keeps them: {@code <base>/<record id>/<sp:fileName>}. Hashes are
 * cached per file (keyed by size and modification time), so listing documents does not re-read megabytes each time.
 */
public final class DirectoryDocumentFiles implements DocumentFiles {

    private final Path base;
    private final Map<Path, Cached> hashes = new ConcurrentHashMap<>();

    public DirectoryDocumentFiles(Path base) {
        this.base = base.toAbsolutePath().normalize();
    }

    @Override
    public Optional<DocumentFile> find(String recordId, String fileName) {
        Optional<Path> file = resolve(recordId, fileName);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        try {
            BasicFileAttributes a = Files.readAttributes(file.get(), BasicFileAttributes.class);
            long modified = a.lastModifiedTime().toMillis();
            Cached c = hashes.get(file.get());
            if (c == null || c.size != a.size() || c.modified != modified) {
                c = new Cached(a.size(), modified, sha256(file.get()));
                hashes.put(file.get(), c);
            }
            return Optional.of(new DocumentFile(c.size, c.sha256));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public byte[] read(String recordId, String fileName) {
        Path file = resolve(recordId, fileName).orElseThrow(() ->
                new IllegalStateException("no file " + fileName + " for record " + recordId));
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** File names come from stored RDF: one that would lead outside the record's folder is not a file of it. */
    private Optional<Path> resolve(String recordId, String fileName) {
        Path folder = base.resolve(recordId).normalize();
        Path file = folder.resolve(fileName).normalize();
        if (!folder.startsWith(base) || folder.equals(base) || !file.getParent().equals(folder) || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(file);
    }

    private static String sha256(Path file) throws IOException {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file),
                MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Cached(long size, long modified, String sha256) {
    }
}
