package org.smartcc.api.interfaces.rest;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.smartcc.engine.privacy.ReportedCount;
import org.smartcc.engine.run.QueryRun;
import org.smartcc.engine.run.QueryStatus;
import org.smartcc.engine.run.RunResult;

/**
 * Writes i2b2 response messages (cohort-model §1.2): the hive envelope with the result status, and the CRC's PSM bodies
 * for masters, instances, result instances, result documents and patient sets. Counts are the protected ones.
 */
final class I2b2Messages {

    /** i2b2's dates: xs:dateTime with milliseconds, which its web client reads by position. */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX")
            .withZone(ZoneOffset.UTC);

    private static final String ENVELOPE_OPEN = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<ns5:response xmlns:ns4=\"http://www.i2b2.org/xsd/cell/crc/psm/1.1/\""
            + " xmlns:ns5=\"http://www.i2b2.org/xsd/hive/msg/1.1/\""
            + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
            + "<message_header><i2b2_version_compatible>1.1</i2b2_version_compatible><sending_application>"
            + "<application_name>SMART Cohort Container</application_name><application_version>0.1"
            + "</application_version></sending_application></message_header>\n";

    private I2b2Messages() {
    }

    /** An answer whose request failed: the envelope's status is ERROR with the reason. */
    static String error(String message) {
        return ENVELOPE_OPEN + "<response_header><result_status><status type=\"ERROR\">" + escape(message)
                + "</status></result_status></response_header><message_body/></ns5:response>\n";
    }

    /** A DONE answer of a cell whose body declares its own namespace (PM, ONT, WORK). */
    static String cellDone(String body) {
        return ENVELOPE_OPEN + "<response_header><result_status><status type=\"DONE\">DONE</status></result_status>"
                + "</response_header>\n<message_body>" + body + "</message_body></ns5:response>\n";
    }

    /** A PSM response body of the given xsi type, with a DONE envelope and condition. */
    static String done(String responseType, String body, List<String> warnings) {
        StringBuilder b = new StringBuilder(ENVELOPE_OPEN)
                .append("<response_header><result_status><status type=\"DONE\">DONE</status></result_status>"
                        + "</response_header>\n<message_body><ns4:response xsi:type=\"ns4:").append(responseType)
                .append("\"><status><condition type=\"DONE\">DONE</condition>");
        warnings.forEach(w -> b.append("<condition type=\"WARNING\">").append(escape(w)).append("</condition>"));
        return b.append("</status>").append(body).append("</ns4:response></message_body></ns5:response>\n")
                .toString();
    }

    static String master(QueryRun run, String group) {
        return "<query_master><query_master_id>" + run.masterId() + "</query_master_id><name>" + escape(run.name())
                + "</name><user_id>" + escape(run.user()) + "</user_id><group_id>" + escape(group) + "</group_id>"
                + "<create_date>" + date(run.submitted()) + "</create_date></query_master>";
    }

    /** A saved query in the query master list: its name and when it was first run. */
    static String master(long id, String name, String user, Instant created, String group) {
        return "<query_master><query_master_id>" + id + "</query_master_id><name>" + escape(name) + "</name><user_id>"
                + escape(user) + "</user_id><group_id>" + escape(group) + "</group_id><create_date>" + date(created)
                + "</create_date></query_master>";
    }

    static String instance(QueryRun run, String group) {
        return "<query_instance><query_instance_id>" + run.instanceId() + "</query_instance_id><query_master_id>"
                + run.masterId() + "</query_master_id><user_id>" + escape(run.user()) + "</user_id><group_id>"
                + escape(group) + "</group_id><batch_mode>" + run.status().name() + "</batch_mode>"
                + run.started().map(s -> "<start_date>" + date(s) + "</start_date>").orElse("")
                + run.ended().map(e -> "<end_date>" + date(e) + "</end_date>").orElse("")
                + run.message().map(m -> "<message>" + escape(m) + "</message>").orElse("")
                + status(run.status()) + "</query_instance>";
    }

    /**
     * A result instance as i2b2's web client reads it: type (id, name, description, display type), description,
     * dates, protected size and status. Without its run (a result document's answer), no run ids, name or dates.
     */
    static String resultInstance(Optional<QueryRun> run, RunResult result) {
        I2b2ResultTypes.Row type = I2b2ResultTypes.of(result.type());
        StringBuilder b = new StringBuilder("<query_result_instance><result_instance_id>")
                .append(result.resultInstanceId()).append("</result_instance_id>");
        run.ifPresent(r -> b.append("<query_instance_id>").append(r.instanceId()).append("</query_instance_id>"));
        b.append("<description>").append(escape(type.description() + run.map(r -> " for \"" + r.name() + "\"")
                .orElse(""))).append("</description>").append(I2b2ResultTypes.element(result.type()));
        result.setSize().ifPresent(count -> b.append("<set_size>").append(count.value()).append("</set_size>")
                .append("<obfuscate_method>").append(count.method()).append("</obfuscate_method>"));
        run.flatMap(QueryRun::started).ifPresent(s -> b.append("<start_date>").append(date(s)).append("</start_date>"));
        run.flatMap(QueryRun::ended).ifPresent(e -> b.append("<end_date>").append(date(e)).append("</end_date>"));
        return b.append(status(result.status())).append("</query_result_instance>").toString();
    }

    static String resultInstance(QueryRun run, RunResult result) {
        return resultInstance(Optional.of(run), result);
    }

    /** A breakdown or count as i2b2's result document: {@code <data column="F" type="int">40</data>}. */
    static String resultDocument(RunResult result) {
        StringBuilder b = new StringBuilder("<crc_xml_result><xml_result_id>").append(result.resultInstanceId())
                .append("</xml_result_id><result_instance_id>").append(result.resultInstanceId())
                .append("</result_instance_id><xml_value>");
        StringBuilder doc = new StringBuilder("<ns10:i2b2_result_envelope xmlns:ns10=\"http://www.i2b2.org/xsd/hive/msg/"
                + "result/1.1/\"><body><ns10:result name=\"").append(result.type().name()).append("\">");
        Map<String, ReportedCount> cells = result.breakdown().isEmpty() && result.setSize().isPresent()
                ? Map.of("patient_count", result.setSize().get()) : result.breakdown();
        cells.forEach((name, count) -> doc.append("<data column=\"").append(escape(name))
                .append("\" type=\"int\" display=\"").append(escape(count.display())).append("\">")
                .append(count.value()).append("</data>"));
        doc.append("</ns10:result></body></ns10:i2b2_result_envelope>");
        return b.append(escape(doc.toString())).append("</xml_value></crc_xml_result>").toString();
    }

    private static String status(QueryStatus status) {
        return "<query_status_type><status_type_id>" + status.i2b2Id() + "</status_type_id><name>" + status.name()
                + "</name><description>" + status.name() + "</description></query_status_type>";
    }

    static String date(Instant instant) {
        return DATE.format(instant);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
