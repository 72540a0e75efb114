package org.smartcc.records.application;

import java.util.List;
import java.util.UUID;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.util.ResourceUtils;
import org.apache.jena.vocabulary.RDF;
import org.smartcc.records.domain.ApiBase;
import org.smartcc.records.domain.CallMatch;
import org.smartcc.records.domain.DocumentFormat;
import org.smartcc.records.domain.ErrorCode;
import org.smartcc.records.domain.RecordsException;
import org.smartcc.store.RecordGraph;
import org.smartcc.store.SafeRdfXml;
import org.smartcc.store.SmartOntology;
import org.smartcc.store.Vocab;
import org.smartcc.store.domain.InvalidRecordException;
import org.smartcc.store.domain.StatementType;

/**
 * {@code POST /records/{record_id}/clinical_notes/} (§2.6): the body is RDF/XML of exactly one {@code sp:ClinicalNote}
 * and no other statement; an {@code sp:belongsTo}, if given, must name this record. The server mints the note's URI,
 * stores it like a loaded statement and answers with the stored note.
 */
public final class ClinicalNotePoster {

    private static final String CLINICAL_NOTE = "ClinicalNote";

    private final StatementRepository repository;
    private final SmartOntology ontology;
    private final StatementType noteType;

    public ClinicalNotePoster(StatementRepository repository, SmartOntology ontology) {
        this.repository = repository;
        this.ontology = ontology;
        this.noteType = ontology.statementType(CLINICAL_NOTE)
                .orElseThrow(() -> new IllegalStateException("ontology has no sp:ClinicalNote"));
    }

    /** Whether a matched call is the one this class serves. */
    public boolean serves(CallMatch match) {
        return match.call().httpMethod().equals("POST") && match.call().targetClass().equals(CLINICAL_NOTE);
    }

    /** @throws RecordsException RECORD_NOT_FOUND, RDF_PARSE, BAD_CONTENT, CONFLICT, BAD_PARAMETER, UNSUPPORTED_CALL */
    public RecordResponse post(CallMatch match, byte[] body, String apiBase) {
        if (!serves(match)) {
            throw new RecordsException(ErrorCode.UNSUPPORTED_CALL, match.call().name() + " is not post_clinical_note");
        }
        String base = ApiBase.check(apiBase);
        String recordId = match.recordId().orElseThrow();
        int patientNum = repository.patientNum(recordId).orElseThrow(() ->
                new RecordsException(ErrorCode.RECORD_NOT_FOUND, "record '" + recordId + "' not found"));
        Model model = parse(body);
        Resource note = theOneNote(model);
        checkBelongsTo(model, base + "/records/" + recordId);
        model.removeAll(null, Vocab.BELONGS_TO, null);
        model.removeAll(null, Vocab.HAS_STATEMENT, null);

        String uri = Vocab.STORE_BASE + noteType.pathFor(recordId, UUID.randomUUID().toString());
        Resource minted = ResourceUtils.renameResource(note, uri);
        RecordGraph.StatementNode stored = RecordGraph.of(model, recordId, ontology).statementOf(minted);
        StoredStatement statement = new StoredStatement(CLINICAL_NOTE, stored.id(), stored.ntriples());
        Statement date = minted.getProperty(Vocab.DATE);
        repository.add(recordId, patientNum, statement, date != null && date.getObject().isLiteral()
                ? date.getObject().asLiteral().getLexicalForm() : null);

        ParsedStatement parsed = new StatementParser(base, recordId).parse(statement);
        return RecordResponse.rdf(new ResponseAssembler(base, recordId, DocumentFiles.none())
                .assemble(List.of(parsed), DocumentFormat.METADATA, null));
    }

    /** Untrusted input: no DOCTYPE or entities, no fetching; every parser failure becomes RDF_PARSE. */
    private static Model parse(byte[] body) {
        try {
            return SafeRdfXml.parse(body == null ? new byte[0] : body, "request body");
        } catch (InvalidRecordException e) {
            throw new RecordsException(ErrorCode.RDF_PARSE, e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new RecordsException(ErrorCode.RDF_PARSE, "request body: not valid RDF/XML: " + e.getMessage(), e);
        }
    }

    private Resource theOneNote(Model model) {
        List<Resource> notes = model.listSubjectsWithProperty(RDF.type, Vocab.sp(CLINICAL_NOTE)).toList();
        if (notes.size() != 1) {
            throw new RecordsException(ErrorCode.BAD_CONTENT, "the body must describe exactly one sp:ClinicalNote, "
                    + "found " + notes.size());
        }
        for (StatementType type : ontology.statementTypes()) {
            if (!type.name().equals(CLINICAL_NOTE) && model.contains(null, RDF.type, Vocab.sp(type.name()))) {
                throw new RecordsException(ErrorCode.BAD_CONTENT, "the body may only hold a clinical note, "
                        + "it also has an sp:" + type.name());
            }
        }
        return notes.get(0);
    }

    /** The record is named by the URL; a body naming another one is a conflict (409), as in the reference server. */
    private static void checkBelongsTo(Model model, String recordUri) {
        for (RDFNode record : model.listObjectsOfProperty(Vocab.BELONGS_TO).toList()) {
            if (!record.isURIResource() || !record.asResource().getURI().equals(recordUri)) {
                throw new RecordsException(ErrorCode.CONFLICT, "sp:belongsTo " + record + " differs from this record, "
                        + recordUri);
            }
        }
    }
}
