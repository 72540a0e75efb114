package org.smartcc.records;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.smartcc.records.domain.ApiCall;
import org.smartcc.records.domain.ApiCallTable;
import org.smartcc.records.domain.RecordQueryParser;
import org.smartcc.records.domain.RecordsException;
import org.smartcc.records.internal.OntologyApiCalls;
import org.smartcc.store.SmartOntology;

/** Random query strings: the parser answers a query or a {@link RecordsException}, never anything else. */
class RecordQueryParserFuzzTest {

    private static final String[] NAMES = {"date_from", "date_from_including", "date_from_excluding", "date_to",
        "date_to_including", "date_to_excluding", "rxnorm", "loinc", "snomed", "encounter_type", "limit", "offset",
        "format", "unknown", ""};
    private static final String ALPHABET = "0123456789-:TZ.+|x %\u00e9\u0000<>\"'\\/{}";

    @Test
    void randomParametersGiveAQueryOrATypedError() {
        ApiCallTable table = OntologyApiCalls.table(SmartOntology.shared());
        List<ApiCall> calls = table.calls();
        Random random = new Random(20140513);
        int accepted = 0;
        int refused = 0;
        for (int i = 0; i < 50_000; i++) {
            ApiCall call = calls.get(random.nextInt(calls.size()));
            Map<String, List<String>> query = new LinkedHashMap<>();
            for (int p = random.nextInt(4); p >= 0; p--) {
                query.put(NAMES[random.nextInt(NAMES.length)], List.of(value(random)));
            }
            try {
                assertNotNull(RecordQueryParser.parse(call, query));
                accepted++;
            } catch (RecordsException e) {
                assertNotNull(e.code());
                refused++;
            } catch (RuntimeException e) {
                fail(call.name() + " " + query + " threw " + e, e);
            }
        }
        System.out.println("fuzz: " + accepted + " accepted, " + refused + " refused with a typed error");
    }

    /** Mostly plausible values (dates, numbers, codes) with random damage, sometimes pure noise. */
    private static String value(Random random) {
        String[] seeds = {"2005-01-18", "2005", "2005-01", "2010-05-01T10:00:00Z", "2010-05-01T10:00:00.5+02:00",
            "617993", "10|20", "inpatient|home", "12", "-1", "999999999999", "metadata", "combined", "raw", ""};
        StringBuilder b = new StringBuilder(seeds[random.nextInt(seeds.length)]);
        for (int k = random.nextInt(3); k > 0 && b.length() > 0; k--) {
            int at = random.nextInt(b.length() + 1);
            b.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        if (random.nextInt(10) == 0) {
            b.setLength(0);
            for (int k = random.nextInt(30); k > 0; k--) {
                b.append((char) random.nextInt(0x3000));
            }
        }
        return b.toString();
    }
}
