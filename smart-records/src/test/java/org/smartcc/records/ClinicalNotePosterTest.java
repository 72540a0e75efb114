package org.smartcc.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartcc.records.domain.ErrorCode;
import org.smartcc.records.domain.RecordsException;
import org.smartcc.store.Vocab;
import org.smartcc.store.domain.ErrorKind;

/** {@code POST clinical_notes/} (§2.6): stored and served back; 409 for another record; 400 for bad bodies. */
class ClinicalNotePosterTest {

    static final String NOTES = "/records/1081332/clinical_notes/";

    @TempDir
    static Path dir;
    static TestStore store;
    static String example;

    @BeforeAll
    static void load() throws Exception {
        store = TestStore.load(dir);
        example = Files.readString(TestStore.shared().resolve("smart-data/examples/ClinicalNote.example.rdf"));
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void postedNoteIsStoredWithAMintedUriAndServedBack() {
        Model answer = post(example).model();
        List<Resource> notes = answer.listSubjectsWithProperty(RDF.type, Vocab.sp("ClinicalNote")).toList();
        assertEquals(1, notes.size());
        String uri = notes.get(0).getURI();
        assertTrue(uri.startsWith("http://localhost:8080" + NOTES), uri);
        assertTrue(notes.get(0).hasProperty(Vocab.BELONGS_TO,
                answer.createResource("http://localhost:8080/records/1081332")));

        Model listed = store.get(NOTES, Map.of()).model();
        assertTrue(listed.contains(listed.createResource(uri), RDF.type, Vocab.sp("ClinicalNote")));
        Model item = store.get(uri.substring("http://localhost:8080".length()), Map.of()).model();
        answer.listStatements().filterDrop(s -> s.getSubject().isAnon() || s.getObject().isAnon()
                || s.getPredicate().getURI().startsWith(Vocab.API)).forEach(s -> assertTrue(item.contains(s), s.toString()));
    }

    @Test
    void belongsToThisRecordIsAccepted() {
        String body = example.replace("<sp:ClinicalNote>", "<sp:ClinicalNote><sp:belongsTo rdf:resource="
                + "\"http://localhost:8080/records/1081332\"/>");
        assertEquals(1, post(body).model().listSubjectsWithProperty(RDF.type, Vocab.sp("ClinicalNote")).toList().size());
    }

    @Test
    void belongsToAnotherRecordIsAConflict() {
        String body = example.replace("<sp:ClinicalNote>", "<sp:ClinicalNote><sp:belongsTo rdf:resource="
                + "\"http://localhost:8080/records/1032702\"/>");
        RecordsException e = assertThrows(RecordsException.class, () -> post(body));
        assertEquals(ErrorCode.CONFLICT.name(), e.code());
        assertEquals(ErrorKind.CONFLICT, e.kind());
    }

    @Test
    void malformedXmlIsRdfParse() {
        RecordsException e = assertThrows(RecordsException.class, () -> post("<rdf:RDF><sp:ClinicalNote>"));
        assertEquals(ErrorCode.RDF_PARSE.name(), e.code());
        assertEquals(ErrorKind.INVALID_INPUT, e.kind());
        assertEquals(ErrorCode.RDF_PARSE.name(), assertThrows(RecordsException.class, () -> post("")).code());
    }

    @Test
    void doctypeIsRefusedBeforeParsing() {
        String body = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + example.substring(example.indexOf("<rdf:RDF"));
        RecordsException e = assertThrows(RecordsException.class, () -> post(body));
        assertEquals(ErrorCode.RDF_PARSE.name(), e.code());
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
    }

    @Test
    void anInternalEntityInAUtf16NoteIsRefusedAndNothingIsStored() {
        String body = example.replace("encoding=\"utf-8\"?>", "encoding=\"UTF-16\"?><!DOCTYPE rdf:RDF "
                + "[<!ENTITY x \"injected text\">]>").replace("Patient states", "&x;");
        int before = storedNotes();
        RecordsException e = assertThrows(RecordsException.class, () -> store.poster.post(store.match("POST", NOTES),
                body.getBytes(StandardCharsets.UTF_16), TestStore.API_BASE));
        assertEquals(ErrorCode.RDF_PARSE.name(), e.code());
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
        assertEquals(before, storedNotes());
    }

    private static int storedNotes() {
        return store.get(NOTES, Map.of()).model().listSubjectsWithProperty(RDF.type, Vocab.sp("ClinicalNote"))
                .toList().size();
    }

    @Test
    void bodyWithoutExactlyOneNoteIsBadContent() {
        String two = example.replace("</rdf:RDF>", example.substring(example.indexOf("<sp:ClinicalNote>"),
                example.indexOf("</sp:ClinicalNote>") + "</sp:ClinicalNote>".length()) + "</rdf:RDF>");
        assertEquals(ErrorCode.BAD_CONTENT.name(), assertThrows(RecordsException.class, () -> post(two)).code());
    }

    @Test
    void unknownRecordIsRecordNotFound() {
        RecordsException e = assertThrows(RecordsException.class, () -> store.poster.post(
                store.match("POST", "/records/nope/clinical_notes/"), example.getBytes(StandardCharsets.UTF_8),
                TestStore.API_BASE));
        assertEquals(ErrorCode.RECORD_NOT_FOUND.name(), e.code());
    }

    private static org.smartcc.records.application.RecordResponse post(String body) {
        return store.poster.post(store.match("POST", NOTES), body.getBytes(StandardCharsets.UTF_8), TestStore.API_BASE);
    }
}
