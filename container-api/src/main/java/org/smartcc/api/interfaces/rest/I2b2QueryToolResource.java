package org.smartcc.api.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.smartcc.api.application.CohortService;
import org.smartcc.api.domain.Researcher;
import org.smartcc.engine.query.QueryDefinition;
import org.smartcc.engine.query.QueryDefinitionException;
import org.smartcc.engine.query.i2b2.I2b2QueryParser;
import org.smartcc.engine.query.i2b2.XmlElements;
import org.smartcc.engine.run.QueryRun;
import org.smartcc.engine.run.ResultType;
import org.smartcc.engine.run.RunResult;
import org.smartcc.engine.run.SavedQueries;
import org.smartcc.store.domain.CodedException;
import org.smartcc.store.domain.ErrorKind;
import org.w3c.dom.Element;

/**
 * i2b2's CRC query tool endpoint, so that i2b2 clients and i2b2's own test messages talk to the cohort engine: runs a
 * query definition (waiting up to {@code result_waittime_ms}, then answering with the run as it is, QUEUED or
 * PROCESSING, for the client to poll), lists the runs of a query and the results of a run, returns result documents
 * and patient sets, lists the result types, and lists, shows, renames and deletes the user's saved queries (query
 * masters). {@link I2b2Inbox} reads the message and its login, so the login is this resource's own
 * ({@link I2b2MessageLogin}). {@link CohortService} and {@link SavedQueries} answer for the researcher, with their
 * ownership and role rules; this resource translates i2b2 XML. Refusals are thrown, and {@link ErrorMappers} answers
 * them in i2b2's error envelope on this path.
 */
@Path(I2b2QueryToolResource.PATH)
@I2b2MessageLogin
@RequestScoped
public class I2b2QueryToolResource {

    /** The cell's address, which i2b2 clients add {@code request} to. */
    static final String CELL = I2b2Cells.BASE + "QueryToolService";
    static final String PATH = CELL + "/request";

    /** The longest a request waits for its run: i2b2's web client sends 180 s. */
    static final long MAX_WAIT_MS = 180_000;

    static final String SERVED = "CRC_QRY_runQueryInstance_fromQueryDefinition,"
            + " CRC_QRY_getQueryInstanceList_fromQueryMasterId, CRC_QRY_getQueryResultInstanceList_fromQueryInstanceId,"
            + " CRC_QRY_getResultDocument_fromResultInstanceId, CRC_QRY_getPatientSet_fromResultInstanceId,"
            + " CRC_QRY_cancelQuery, CRC_QRY_getResultType, CRC_QRY_getQueryMasterList_fromUserId,"
            + " CRC_QRY_getRequestXml_fromQueryMasterId, CRC_QRY_renameQueryMaster, CRC_QRY_deleteQueryMaster";

    @Inject
    I2b2Inbox inbox;
    @Inject
    CohortService cohorts;
    @Inject
    SavedQueries saved;

    @POST
    @Consumes(I2b2Cells.MESSAGE_TYPES)
    @Produces(MediaType.APPLICATION_XML)
    public Response request(InputStream stream, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType) {
        I2b2Inbox.Message message = inbox.read(stream, contentType);
        String type = message.text("request_type").orElseThrow(
                () -> new QueryDefinitionException("message_body/psmheader/request_type", "is missing"));
        try {
            return Response.ok(answer(type, message, message.project())).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CodedException(ErrorKind.UNAVAILABLE, "STOPPING", "the container is stopping");
        }
    }

    private String answer(String type, I2b2Inbox.Message message, String group) throws InterruptedException {
        Researcher researcher = message.researcher();
        Element root = message.root();
        switch (type) {
            case "CRC_QRY_runQueryInstance_fromQueryDefinition" -> {
                QueryDefinition definition = I2b2QueryParser.parse(new ByteArrayInputStream(message.body()));
                QueryRun queued = cohorts.submit(researcher, definition, resultTypes(root), Optional.empty());
                long wait = XmlElements.find(root, "result_waittime_ms").map(e -> number(e, "result_waittime_ms"))
                        .orElse(MAX_WAIT_MS);
                QueryRun run = cohorts.awaitQueryInstance(researcher, queued.instanceId(), Duration.ofMillis(Math.min(
                        Math.max(wait, 0), MAX_WAIT_MS)));
                String results = run.results().stream().map(r -> I2b2Messages.resultInstance(run, r))
                        .collect(Collectors.joining());
                return I2b2Messages.done("master_instance_result_responseType", I2b2Messages.master(run, group)
                        + I2b2Messages.instance(run, group) + results, run.warnings());
            }
            case "CRC_QRY_getQueryInstanceList_fromQueryMasterId" -> {
                return I2b2Messages.done("instance_responseType", cohorts.queryInstancesOfMaster(researcher,
                        id(root, "query_master_id")).stream().map(r -> I2b2Messages.instance(r, group))
                        .collect(Collectors.joining()), List.of());
            }
            case "CRC_QRY_getQueryResultInstanceList_fromQueryInstanceId" -> {
                // i2b2's web client asks with an empty id when a concept is first dropped: no run, no results
                if (message.text("query_instance_id").orElse("").isEmpty()) {
                    return I2b2Messages.done("result_responseType", "", List.of());
                }
                QueryRun run = cohorts.queryInstance(researcher, id(root, "query_instance_id"));
                return I2b2Messages.done("result_responseType", run.results().stream()
                        .map(r -> I2b2Messages.resultInstance(run, r)).collect(Collectors.joining()), List.of());
            }
            case "CRC_QRY_getResultDocument_fromResultInstanceId" -> {
                RunResult result = cohorts.resultInstance(researcher, id(root, "query_result_instance_id"));
                // the web client draws a document only when the answer describes its result instance too
                return I2b2Messages.done("crc_xml_result_responseType", I2b2Messages.resultInstance(Optional.empty(),
                        result) + I2b2Messages.resultDocument(result), List.of());
            }
            case "CRC_QRY_getPatientSet_fromResultInstanceId" -> {
                CohortService.PatientSet set = cohorts.patientSetOfResultInstance(researcher,
                        id(root, "query_result_instance_id"));
                return I2b2Messages.done("patient_set_responseType", "<patient_set result_instance_id=\""
                        + set.resultId() + "\">" + set.members(0, Integer.MAX_VALUE).stream()
                        .map(m -> "<patient patient_num=\"" + m.patientNum() + "\"" + m.recordId()
                                .map(id -> " record_id=\"" + I2b2Messages.escape(id) + "\"").orElse("") + "/>")
                        .collect(Collectors.joining()) + "</patient_set>", List.of());
            }
            case "CRC_QRY_cancelQuery" -> {
                QueryRun run = cohorts.cancelQueryInstance(researcher, id(root, "query_instance_id"));
                return I2b2Messages.done("instance_responseType", I2b2Messages.instance(run, group), List.of());
            }
            case "CRC_QRY_getResultType" -> {
                return I2b2Messages.done("result_type_responseType", Arrays.stream(ResultType.values())
                        .map(I2b2ResultTypes::element).collect(Collectors.joining()), List.of());
            }
            default -> {
                return I2b2QueryMasters.answer(type, message, saved, group).orElseThrow(() -> new
                        QueryDefinitionException("message_body/psmheader/request_type", "'" + type
                        + "' is not served here; served: " + SERVED));
            }
        }
    }

    /** The requested results; names this engine does not produce are refused by name. */
    private static List<ResultType> resultTypes(Element root) {
        List<ResultType> types = new ArrayList<>();
        XmlElements.find(root, "result_output_list").ifPresent(list -> {
            for (Element output : XmlElements.children(list, "result_output")) {
                // i2b2 clients send the type names in lower case, and some older aliases (in_out_count_xml)
                types.add(ResultType.named(XmlElements.attribute(output, "name").orElse(""),
                        "result_output_list/result_output"));
            }
        });
        return types;
    }

    static long id(Element root, String element) {
        return XmlElements.find(root, element).map(e -> number(e, element)).orElseThrow(() ->
                new QueryDefinitionException("message_body/request/" + element, "is missing"));
    }

    private static long number(Element e, String element) {
        try {
            return Long.parseLong(e.getTextContent().trim());
        } catch (NumberFormatException ex) {
            throw new QueryDefinitionException(element, "'" + e.getTextContent() + "' is not a number");
        }
    }
}
