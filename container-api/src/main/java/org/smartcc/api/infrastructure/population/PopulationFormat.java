package org.smartcc.api.infrastructure.population;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Optional;

/**
 * The formats a patient set's collection is served in (docs/population.md), each with its media type, the file
 * extension of export files and its writer. The first one is the default for {@code Accept: *}{@code /*}.
 */
public enum PopulationFormat {
    N_TRIPLES("application/n-triples", "nt", (out, columns) -> new NTriplesPopulationWriter(out)),
    TURTLE("text/turtle", "ttl", (out, columns) -> new TurtlePopulationWriter(out)),
    RDF_XML("application/rdf+xml", "rdf", (out, columns) -> new RdfXmlPopulationWriter(out)),
    NDJSON("application/x-ndjson", "ndjson", (out, columns) -> new NdjsonPopulationWriter(out)),
    CSV("text/csv", "csv", CsvPopulationWriter::new),
    PARQUET("application/vnd.apache.parquet", "parquet", ParquetPopulationWriter::new);

    /** Opens a writer of one collection on a stream; the tabular formats write the collection's columns. */
    @FunctionalInterface
    interface Opener {
        PopulationWriter open(OutputStream out, TabularColumns columns) throws IOException;
    }

    private final String mediaType;
    private final String extension;
    private final Opener opener;

    PopulationFormat(String mediaType, String extension, Opener opener) {
        this.mediaType = mediaType;
        this.extension = extension;
        this.opener = opener;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The extension of export files in this format, without the dot. */
    public String extension() {
        return extension;
    }

    /** A writer of the collection's records on the stream, which it never closes. */
    public PopulationWriter open(OutputStream out, PopulationCollections.Collection collection) throws IOException {
        return opener.open(out, collection.columns());
    }

    /** The format of a media type (parameters such as {@code ;charset} ignored), if served. */
    public static Optional<PopulationFormat> ofMediaType(String mediaType) {
        if (mediaType == null) {
            return Optional.empty();
        }
        String type = mediaType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        for (PopulationFormat f : values()) {
            if (f.mediaType.equals(type)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
