package org.smartcc.api.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.smartcc.api.application.CohortService;
import org.smartcc.api.application.LoginAudit;
import org.smartcc.api.domain.Researcher;
import org.smartcc.api.infrastructure.CohortUsers;
import org.smartcc.engine.query.QueryDefinition;
import org.smartcc.engine.query.QueryDefinitionException;
import org.smartcc.engine.query.i2b2.I2b2QueryParser;
import org.smartcc.engine.query.i2b2.XmlElements;
import org.smartcc.engine.run.QueryRun;
import org.smartcc.engine.run.ResultType;
import org.smartcc.engine.run.RunResult;
import org.smartcc.store.domain.CodedException;
import org.smartcc.store.domain.ErrorKind;
import org.w3c.dom.Element;

/**
 * i2b2's CRC query tool endpoint, so that i2b2 clients and i2b2's own test messages talk to the cohort engine: runs a
 * query definition (waiting up to {@code result_waittime_ms}, then answering with the run as it is, QUEUED or
 * PROCESSING, for the client to poll), lists the runs of a query and the results of a run, and returns result
 * documents and patient sets. The message's security element logs in as a cohort user, read before the rest of the
 * message ({@link I2b2Login}), so the login is this resource's own ({@link I2b2MessageLogin}). {@link CohortService}
 * answers for the researcher, with its ownership and role rules; this resource translates i2b2 XML. Refusals are
 * thrown, and {@link ErrorMappers} answers them in i2b2's error envelope on this path.
 */
@Path(I2b2QueryToolResource.PATH)
@I2b2MessageLogin
@RequestScoped
public class I2b2QueryToolResource {

    static final String PATH = "i2b2/services/QueryToolService/request";

    /** The longest a request waits for its run: i2b2's web client sends 180 s. */
    static final long MAX_WAIT_MS = 180_000;

    @Inject
    CohortUsers users;
    @Inject
    LoginAudit logins;
    @Inject
    CohortService cohorts;

    @POST
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML, MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_XML)
    public Response request(InputStream stream) {
        try {
            // marked at the start so that the whole message can be parsed after the login; the body's size limit
            // bounds what the mark keeps
            BufferedInputStream in = new BufferedInputStream(stream);
            in.mark(Integer.MAX_VALUE);
            Researcher researcher = login(I2b2Login.read(in));
            in.reset();
            byte[] body = in.readAllBytes();
            Element root = XmlElements.parse(new ByteArrayInputStream(body)).getDocumentElement();
            String group = XmlElements.find(root, "project_id").map(Element::getTextContent).orElse("SMARTCC");
            String type = XmlElements.find(root, "request_type").map(e -> e.getTextContent().trim()).orElseThrow(
                    () -> new QueryDefinitionException("message_body/psmheader/request_type", "is missing"));
            return Response.ok(answer(type, root, body, researcher, group)).build();
        } catch (IOException e) {
            throw new CodedException(ErrorKind.INVALID_INPUT, "MESSAGE_UNREADABLE", "the message could not be read", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CodedException(ErrorKind.UNAVAILABLE, "STOPPING", "the container is stopping");
        }
    }

    private String answer(String type, Element root, byte[] body, Researcher researcher, String group)
            throws InterruptedException {
        switch (type) {
            case "CRC_QRY_runQueryInstance_fromQueryDefinition" -> {
                QueryDefinition definition = I2b2QueryParser.parse(new ByteArrayInputStream(body));
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
                QueryRun run = cohorts.queryInstance(researcher, id(root, "query_instance_id"));
                return I2b2Messages.done("result_responseType", run.results().stream()
                        .map(r -> I2b2Messages.resultInstance(run, r)).collect(Collectors.joining()), List.of());
            }
            case "CRC_QRY_getResultDocument_fromResultInstanceId" -> {
                RunResult result = cohorts.resultInstance(researcher, id(root, "query_result_instance_id"));
                return I2b2Messages.done("crc_xml_result_responseType", I2b2Messages.resultDocument(result),
                        List.of());
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
            default -> throw new QueryDefinitionException("message_body/psmheader/request_type", "'" + type
                    + "' is not served here; served: CRC_QRY_runQueryInstance_fromQueryDefinition,"
                    + " CRC_QRY_getQueryInstanceList_fromQueryMasterId,"
                    + " CRC_QRY_getQueryResultInstanceList_fromQueryInstanceId,"
                    + " CRC_QRY_getResultDocument_fromResultInstanceId, CRC_QRY_getPatientSet_fromResultInstanceId,"
                    + " CRC_QRY_cancelQuery");
        }
    }

    private Researcher login(Optional<I2b2Login.Credentials> credentials) {
        I2b2Login.Credentials login = credentials.orElseThrow(() ->
                CohortAuth.refused("_CREDENTIALS_MISSING", "the message has no message_header/security element"));
        if (login.username().equals(org.smartcc.api.infrastructure.CohortUsers.DEMO_USER)
                && !login.domain().equals("i2b2demo")) {
            throw CohortAuth.refused("_CREDENTIALS_WRONG", "i2b2's demo user logs in to the domain i2b2demo");
        }
        return CohortAuth.login(login.username(), login.password(), users, logins, "i2b2");
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

    private static long id(Element root, String element) {
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
