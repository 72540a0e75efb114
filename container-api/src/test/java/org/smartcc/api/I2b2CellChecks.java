package org.smartcc.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The i2b2 cells over HTTP, with messages shaped as i2b2's web client 1.8.1a writes them (its {@code i2b2_msgs.js}
 * templates: the same header, security element and bodies) and posted as it posts them, XML under the form content
 * type. Run from {@link WebCohortApiIT}, which deploys the container with the development profile (demo login on,
 * localhost origins allowed on the cells).
 */
final class I2b2CellChecks {

    static final String PM = "i2b2/services/PMService/getServices";
    static final String ONT = "i2b2/services/OntologyService/";
    static final String WORK = "i2b2/services/WorkplaceService/";
    static final String CRC = "i2b2/services/QueryToolService/request";
    /** jQuery's default content type, which the web client posts its XML under. */
    static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";

    private final ContainerClient client;

    I2b2CellChecks(ContainerClient client) {
        this.client = client;
    }

    /** The web client's message: its header with the login, then the body of one request. */
    static String message(String user, String passwordNode, String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<ns6:request xmlns:ns4=\"http://www.i2b2.org/xsd/cell/crc/psm/1.1/\""
                + " xmlns:ns7=\"http://www.i2b2.org/xsd/cell/crc/psm/querydefinition/1.1/\""
                + " xmlns:ns3=\"http://www.i2b2.org/xsd/cell/ont/1.1/\" xmlns:pm=\"http://www.i2b2.org/xsd/cell/pm/1.1/\""
                + " xmlns:ns6=\"http://www.i2b2.org/xsd/hive/msg/1.1/\">\n<message_header>\n"
                + "<sending_application><application_name>i2b2 web client</application_name>"
                + "<application_version>1.8.1a</application_version></sending_application>\n"
                + "<security><domain>i2b2demo</domain><username>" + user + "</username>" + passwordNode
                + "</security>\n<message_control_id><message_num>AbC123</message_num><instance_num>0</instance_num>"
                + "</message_control_id><project_id>SMARTCC</project_id></message_header>\n<request_header>"
                + "<result_waittime_ms>180000</result_waittime_ms></request_header>\n<message_body>" + body
                + "</message_body>\n</ns6:request>";
    }

    /** A CRC message: the PSM header with its request type, then the request. */
    static String crc(String user, String password, String type, String request) {
        return message(user, password, "<ns4:psmheader><user login=\"" + user + "\">" + user + "</user>"
                + "<patient_set_limit>0</patient_set_limit><estimated_time>0</estimated_time><request_type>" + type
                + "</request_type></ns4:psmheader><ns4:request xsi:type=\"ns4:user_requestType\""
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">" + request + "</ns4:request>");
    }

    HttpResponse<String> post(String path, String body) throws Exception {
        HttpResponse<String> answer = client.send("POST", path, FORM, body, null, null);
        assertEquals(200, answer.statusCode(), "i2b2 cells answer 200, errors included: " + answer.body());
        return answer;
    }

    /** Logs in to the PM cell; returns the password node the client re-sends (the token). */
    String login(String user, String password) throws Exception {
        String answer = post(PM, message(user, "<password>" + password + "</password>",
                "<pm:get_user_configuration><project>undefined</project></pm:get_user_configuration>")).body();
        assertDone(answer);
        String node = first(answer, "(<password [^>]*>[^<]*</password>)");
        assertTrue(node.contains("is_token=\"true\"") && node.contains(">SessionKey:") && !node.contains(password),
                "a token, not the password: " + node);
        return node;
    }

    /** The login: user, roles in i2b2's terms, the cells' addresses; a wrong password is an i2b2 error. */
    void pmLogsInWithATokenAndNamesTheCells() throws Exception {
        String answer = post(PM, message("demo", "<password>demouser</password>",
                "<pm:get_user_configuration><project>undefined</project></pm:get_user_configuration>")).body();
        assertDone(answer);
        assertTrue(answer.contains("<user_name>demo</user_name>") && answer.contains("<project id=\"SMARTCC\">"),
                answer);
        assertTrue(answer.contains("<role>DATA_OBFSC</role>") && answer.contains("<role>DATA_AGG</role>")
                && answer.contains("<role>USER</role>"), "the demo user sees exact counts: " + answer);
        for (String[] cell : new String[][] {{"CRC", "QueryToolService"}, {"ONT", "OntologyService"},
            {"WORK", "WorkplaceService"}}) {
            String url = first(answer, "<cell_data id=\"" + cell[0] + "\">.*?<url>([^<]+)</url>");
            assertTrue(url.startsWith("http") && url.endsWith("/i2b2/services/" + cell[1] + "/"), url);
        }
        String token = login("demo", "demouser");
        String again = post(PM, message("demo", token, "<pm:get_user_configuration><project>SMARTCC</project>"
                + "</pm:get_user_configuration>")).body();
        assertTrue(again.contains(token.substring(token.indexOf(">SessionKey:"))), "a token login keeps its token");
        HttpResponse<String> wrong = post(PM, message("demo", "<password>guess</password>",
                "<pm:get_user_configuration/>"));
        assertTrue(wrong.body().contains("<status type=\"ERROR\">authentication failed"), wrong.body());
        assertFalse(wrong.body().contains("SessionKey"), wrong.body());
        HttpResponse<String> forged = post(ONT + "getCategories", message("demo", "<password is_token=\"true\">"
                + "SessionKey:forged</password>", "<ns3:get_categories type=\"core\"/>"));
        assertTrue(forged.body().contains("<status type=\"ERROR\">"), forged.body());
        HttpResponse<String> otherUser = post(ONT + "getCategories", message("sam", token,
                "<ns3:get_categories type=\"core\"/>"));
        assertTrue(otherUser.body().contains("<status type=\"ERROR\">"), "a token is its user's: " + otherUser.body());
    }

    /**
     * A launcher user with the researcher role, made by the admin API, logs in through the PM cell with their data
     * roles and uses the token in another cell; one with the clinician role only is refused, and the refusal audited.
     */
    void launcherResearchersLogInThroughPm() throws Exception {
        putLauncherUser("lena@it.test", "[\"researcher\"]");
        putLauncherUser("cleo@it.test", "[\"clinician\"]");
        String configuration = "<pm:get_user_configuration><project>undefined</project></pm:get_user_configuration>";
        String answer = post(PM, message("lena@it.test", "<password>lena@it.test-password</password>", configuration))
                .body();
        assertDone(answer);
        assertTrue(answer.contains("<user_name>lena@it.test</user_name>") && answer.contains("<role>DATA_AGG</role>"),
                "the launcher user's data roles: " + answer);
        String token = first(answer, "(<password [^>]*>[^<]*</password>)");
        assertDone(post(ONT + "getCategories", message("lena@it.test", token, "<ns3:get_categories type=\"core\"/>"))
                .body());
        HttpResponse<String> clinician = post(PM, message("cleo@it.test", "<password>cleo@it.test-password</password>",
                configuration));
        assertTrue(clinician.body().contains("<status type=\"ERROR\">authentication failed"), clinician.body());
        HttpResponse<String> audit = client.send("GET", "admin/audit?user=cleo@it.test&kind=LOGIN_FAILED", null,
                null, "admin", ContainerClient.ADMIN_PASSWORD);
        assertTrue(audit.body().contains("i2b2") && audit.body().contains("FORBIDDEN_NOT_RESEARCHER"), audit.body());
    }

    private void putLauncherUser(String id, String roles) throws Exception {
        HttpResponse<String> put = client.send("PUT", "admin/users/" + id, "application/json", "{\"given_name\":"
                + " \"IT\", \"family_name\": \"User\", \"password\": \"" + id + "-password\", \"roles\": " + roles
                + ", \"data_roles\": [\"DATA_AGG\"]}", "admin", ContainerClient.ADMIN_PASSWORD);
        assertEquals(204, put.statusCode(), put.body());
    }

    /** Cross-origin calls from an allowed origin get CORS headers, preflights included; others none. */
    void cellsAnswerCorsToAllowedOrigins() throws Exception {
        HttpResponse<String> preflight = client.send(PM, b -> b.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://localhost:9999").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type"));
        assertEquals(200, preflight.statusCode());
        assertEquals("http://localhost:9999", preflight.headers().firstValue("Access-Control-Allow-Origin")
                .orElse(""));
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("POST"));
        String body = message("demo", "<password>demouser</password>", "<pm:get_user_configuration/>");
        HttpResponse<String> allowed = client.send(PM, b -> b.POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", FORM).header("Origin", "http://127.0.0.1:8123"));
        assertEquals("http://127.0.0.1:8123", allowed.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        HttpResponse<String> other = client.send(PM, b -> b.POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", FORM).header("Origin", "https://elsewhere.example.org"));
        assertEquals(200, other.statusCode());
        assertTrue(other.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), "not listed for the cells");
    }

    /** Categories, children, a term, searches and the empty modifiers, schemes and workplace folders. */
    void ontologyAndWorkplaceAnswerWithTheConceptTree(String token) throws Exception {
        String categories = post(ONT + "getCategories", message("demo", token,
                "<ns3:get_categories synonyms=\"false\" hiddens=\"false\" type=\"core\"/>")).body();
        assertDone(categories);
        assertTrue(categories.contains("<key>\\\\i2b2\\SMART\\</key>"), categories);
        String smart = children(token, "\\\\i2b2\\SMART\\");
        assertTrue(smart.contains("<key>\\\\i2b2\\SMART\\Demographics\\</key>")
                && smart.contains("<visualattributes>FA</visualattributes>"), smart);
        String gender = children(token, "\\\\i2b2\\SMART\\Demographics\\Gender\\");
        String female = first(gender, "(<concept><level>4</level><key>\\\\\\\\i2b2\\\\SMART\\\\Demographics\\\\Gender"
                + "\\\\Female\\\\</key>.*?</concept>)");
        assertTrue(female.contains("<name>Female</name>") && female.contains("<basecode>DEM|SEX:F</basecode>")
                && female.contains("<visualattributes>LA</visualattributes>"), female);
        assertTrue(Integer.parseInt(first(female, "<totalnum>(\\d+)</totalnum>")) > 0, female);
        String term = post(ONT + "getTermInfo", message("demo", token, "<ns3:get_term_info blob=\"true\""
                + " type=\"core\" synonyms=\"false\" hiddens=\"false\"><self>\\\\i2b2\\SMART\\Demographics\\Gender"
                + "\\Female\\</self></ns3:get_term_info>")).body();
        assertEquals(female, first(term, "(<concept>.*</concept>)"), "the term as its parent lists it");
        String byName = post(ONT + "getNameInfo", message("demo", token, "<ns3:get_name_info blob=\"true\""
                + " type=\"core\" max=\"200\" category=\"@\"><match_str strategy=\"exact\">female</match_str>"
                + "</ns3:get_name_info>")).body();
        assertEquals(List.of("\\\\i2b2\\SMART\\Demographics\\Gender\\Female\\"), keys(byName));
        String byCode = post(ONT + "getCodeInfo", message("demo", token, "<ns3:get_code_info blob=\"true\""
                + " type=\"core\" max=\"200\"><match_str strategy=\"left\">DEM|SEX:</match_str></ns3:get_code_info>"))
                .body();
        assertEquals(3, keys(byCode).size(), byCode);
        for (String[] empty : new String[][] {{ONT + "getModifiers", "<ns3:get_modifiers><self>\\\\i2b2\\SMART\\"
                + "</self></ns3:get_modifiers>", "modifiers"}, {ONT + "getSchemes", "<ns3:get_schemes"
                + " type=\"default\"/>", "concepts"}, {WORK + "getFoldersByUserId", "<ns4:get_folders_by_userId"
                + " type=\"core\"/>", "folders"}}) {
            String answer = post(empty[0], message("demo", token, empty[1])).body();
            assertDone(answer);
            assertTrue(answer.contains(":" + empty[2] + " xmlns") && !answer.contains("<concept>"), answer);
        }
        HttpResponse<String> unknown = post(ONT + "getConceptsByMagic", message("demo", token, "<x/>"));
        assertTrue(unknown.body().contains("<status type=\"ERROR\">") && unknown.body().contains("getCategories"),
                unknown.body());
    }

    /**
     * The query tool as the web client uses it: result types, a run with a count and the gender breakdown, the
     * result document with its result instance, the previous-queries list, the query's XML, rename and delete.
     */
    void queryToolServesTheWebClientsQueryMasters(String token) throws Exception {
        String types = post(CRC, crc("demo", token, "CRC_QRY_getResultType", "")).body();
        assertDone(types);
        assertTrue(types.contains("<result_type_id>4</result_type_id><name>PATIENT_COUNT_XML</name><display_type>"
                + "CATNUM</display_type><visual_attribute_type>LA</visual_attribute_type><description>Number of"
                + " patients</description>"), types);
        String none = post(CRC, crc("demo", token, "CRC_QRY_getQueryResultInstanceList_fromQueryInstanceId",
                "<query_instance_id></query_instance_id>")).body();
        assertDone(none);
        String run = post(CRC, crc("demo", token, "CRC_QRY_runQueryInstance_fromQueryDefinition",
                "<query_definition><query_name>Female@12:00:00</query_name><specificity_scale>0</specificity_scale>"
                + "<panel><panel_number>1</panel_number><invert>0</invert><panel_timing>ANY</panel_timing>"
                + "<total_item_occurrences>1</total_item_occurrences><item><hlevel>4</hlevel><item_name>Female"
                + "</item_name><item_key>\\\\i2b2\\SMART\\Demographics\\Gender\\Female\\</item_key>"
                + "<class>ENC</class></item></panel></query_definition><result_output_list>"
                + "<result_output priority_index=\"1\" name=\"patient_count_xml\"/><result_output"
                + " priority_index=\"2\" name=\"patient_gender_count_xml\"/></result_output_list>")).body();
        assertDone(run);
        String master = first(run, "<query_master_id>(\\d+)</query_master_id>");
        String gender = first(run, "(<query_result_instance><result_instance_id>\\d+</result_instance_id>"
                + "<query_instance_id>\\d+</query_instance_id><description>Gender patient breakdown for"
                + " &quot;Female@12:00:00&quot;</description><query_result_type><result_type_id>5</result_type_id>"
                + ".*?</query_result_instance>)");
        assertTrue(gender.contains("<start_date>") && gender.contains("<end_date>")
                && gender.contains("<name>FINISHED</name>"), gender);
        String document = post(CRC, crc("demo", token, "CRC_QRY_getResultDocument_fromResultInstanceId",
                "<query_result_instance_id>" + first(gender, "<result_instance_id>(\\d+)</result_instance_id>")
                + "</query_result_instance_id>")).body();
        assertTrue(document.contains("<query_result_instance>") && document.contains("<crc_xml_result>")
                && document.contains("&lt;data column=&quot;F&quot;"), document);

        String list = post(CRC, crc("demo", token, "CRC_QRY_getQueryMasterList_fromUserId", "<user_id>demo</user_id>"
                + "<group_id>SMARTCC</group_id><fetch_size>20</fetch_size>")).body();
        assertTrue(list.contains("<query_master_id>" + master + "</query_master_id><name>Female@12:00:00</name>"),
                list);
        String xml = post(CRC, crc("demo", token, "CRC_QRY_getRequestXml_fromQueryMasterId", "<query_master_id>"
                + master + "</query_master_id>")).body();
        assertTrue(xml.contains("<request_xml><query_definition>") && xml.contains("<query_name>Female@12:00:00"
                + "</query_name>") && xml.contains("Gender\\Female\\</item_key>"), xml);
        String renamed = post(CRC, crc("demo", token, "CRC_QRY_renameQueryMaster", "<user_id>demo</user_id>"
                + "<query_master_id>" + master + "</query_master_id><query_name>Women</query_name>")).body();
        assertTrue(renamed.contains("<name>Women</name>"), renamed);
        HttpResponse<String> foreign = post(CRC, crc("sam", login("sam", "sam-password"),
                "CRC_QRY_renameQueryMaster", "<query_master_id>" + master + "</query_master_id><query_name>Mine"
                + "</query_name>"));
        assertTrue(foreign.body().contains("<status type=\"ERROR\">no query " + master + " of yours"),
                foreign.body());
        assertDone(post(CRC, crc("demo", token, "CRC_QRY_deleteQueryMaster", "<user_id>demo</user_id>"
                + "<query_master_id>" + master + "</query_master_id>")).body());
        String after = post(CRC, crc("demo", token, "CRC_QRY_getQueryMasterList_fromUserId",
                "<user_id>demo</user_id><fetch_size>500</fetch_size>")).body();
        assertFalse(after.contains("<query_master_id>" + master + "</query_master_id>"), after);
    }

    private String children(String token, String parent) throws Exception {
        String answer = post(ONT + "getChildren", message("demo", token, "<ns3:get_children blob=\"false\""
                + " type=\"core\" max=\"200\" synonyms=\"false\" hiddens=\"false\"><parent>" + parent + "</parent>"
                + "</ns3:get_children>")).body();
        assertDone(answer);
        return answer;
    }

    static void assertDone(String answer) {
        assertTrue(answer.contains("<status type=\"DONE\">"), answer);
    }

    private static List<String> keys(String answer) {
        List<String> keys = new ArrayList<>();
        Matcher m = Pattern.compile("<key>([^<]+)</key>").matcher(answer);
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }

    static String first(String text, String regex) {
        Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(text);
        assertTrue(m.find(), regex + " in " + text);
        return m.group(1);
    }
}
