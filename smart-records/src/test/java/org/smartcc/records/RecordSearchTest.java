package org.smartcc.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartcc.records.application.RecordSearch;
import org.smartcc.store.Vocab;

class RecordSearchTest {

    @TempDir
    static Path dir;
    static TestStore store;
    static RecordSearch search;

    @BeforeAll
    static void load() throws Exception {
        store = TestStore.load(dir);
        search = new RecordSearch(store.repository);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void namesMatchByCaseInsensitivePrefixAndAllCriteriaMustHold() {
        assertTrue(records(Map.of("family_name", List.of("LEW"))).contains("2169591"));
        assertEquals(Set.of("2169591"), records(Map.of("familyName", List.of("lewis"), "given_name", List.of("kar"))));
        assertEquals(Set.of(), records(Map.of("family_name", List.of("lewis"), "gender", List.of("x"))));
    }

    @Test
    void everyRecordHasOneGenderAndNoCriteriaFindsAll() {
        int male = records(Map.of("gender", List.of("male"))).size();
        int female = records(Map.of("gender", List.of("female"))).size();
        assertEquals(60, male + female);
        assertEquals(60, records(Map.of()).size());
    }

    @Test
    void birthdayZipAndRecordNumberMatchExactly() {
        assertEquals(Set.of("1081332"), records(Map.of("birthday", List.of("2003-10-02"),
                "medical_record_number", List.of("1081332"))));
        assertEquals(Set.of(), records(Map.of("birthday", List.of("2003-10"))));
    }

    @Test
    void theLaunchersNameSearchMatchesEachWordAgainstGivenOrFamilyName() {
        List<RecordSearch.Banner> found = search.banners(RecordSearch.Criteria.launcher("lew kar", null, null));

        assertEquals(List.of("2169591"), found.stream().map(RecordSearch.Banner::recordId).toList());
        RecordSearch.Banner banner = found.get(0);
        assertEquals("Lewis", banner.familyName());
        assertEquals(banner.givenName() + " Lewis", banner.fullName());
        assertEquals(banner, search.banner("2169591").orElseThrow());
        assertTrue(search.banner("no-such-record").isEmpty());
    }

    @Test
    void bannersComeInFamilyThenGivenNameOrder() {
        List<RecordSearch.Banner> all = search.banners(RecordSearch.Criteria.launcher(" ", null, null));

        assertEquals(60, all.size());
        for (int i = 1; i < all.size(); i++) {
            String previous = all.get(i - 1).familyName().toLowerCase() + " " + all.get(i - 1).givenName().toLowerCase();
            String next = all.get(i).familyName().toLowerCase() + " " + all.get(i).givenName().toLowerCase();
            assertTrue(previous.compareTo(next) <= 0, previous + " before " + next);
        }
        assertEquals(Set.of("1081332"), search.banners(RecordSearch.Criteria.launcher(null, "2003-10-02", "1081332"))
                .stream().map(RecordSearch.Banner::recordId).collect(Collectors.toSet()));
    }

    private static Set<String> records(Map<String, List<String>> query) {
        Model model = search.search(RecordSearch.Criteria.of(query), TestStore.API_BASE).model();
        return model.listSubjectsWithProperty(RDF.type, model.createResource(Vocab.SP + "Demographics")).toList()
                .stream().map(Resource::getURI)
                .map(u -> u.substring((TestStore.API_BASE + "/records/").length(), u.lastIndexOf('/')))
                .collect(Collectors.toSet());
    }
}
