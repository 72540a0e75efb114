package org.smartcc.api.interfaces.rest;

import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.smartcc.api.infrastructure.population.PopulationFormat;
import org.smartcc.store.domain.CodedException;
import org.smartcc.store.domain.ErrorKind;

/**
 * Picks a population format from {@code Accept}: the first acceptable type that a format matches, wildcards included
 * ({@code *}{@code /*} is N-Triples, {@code text/*} Turtle); nothing served is {@code 406 FORMAT_NOT_ACCEPTABLE}.
 */
final class PopulationNegotiation {

    private PopulationNegotiation() {
    }

    /** @param acceptable the Accept header's types, best first (as JAX-RS sorts them; no header is {@code *}{@code /*}) */
    static PopulationFormat choose(List<MediaType> acceptable) {
        for (MediaType type : acceptable) {
            for (PopulationFormat format : PopulationFormat.values()) {
                if (type.isCompatible(MediaType.valueOf(format.mediaType()))) {
                    return format;
                }
            }
        }
        throw new CodedException(ErrorKind.NOT_ACCEPTABLE, "FORMAT_NOT_ACCEPTABLE", "a patient set's data is served as "
                + String.join(", ", java.util.Arrays.stream(PopulationFormat.values()).map(PopulationFormat::mediaType)
                .toList()) + "; Accept names none of them");
    }
}
