package org.smartcc.api.interfaces.rest;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.smartcc.engine.query.QueryDefinitionException;
import org.smartcc.engine.query.i2b2.I2b2QueryWriter;
import org.smartcc.engine.run.SavedQueries;
import org.smartcc.engine.run.SavedQuery;

/**
 * The CRC's query master messages, over the caller's saved queries ({@link SavedQueries}, which keeps the ownership
 * rule): the previous-queries list of i2b2's web client, a query's definition to load it again, rename and delete.
 * The list is always the caller's own, whatever user it names, as i2b2 answers a user without the MANAGER role.
 */
final class I2b2QueryMasters {

    /** i2b2's web client asks for its last 20 queries by default. */
    static final int DEFAULT_FETCH = 20;

    private I2b2QueryMasters() {
    }

    /** The answer to a query master message; empty when the request type is none of them. */
    static Optional<String> answer(String type, I2b2Inbox.Message message, SavedQueries saved, String group) {
        String user = message.researcher().user();
        return switch (type) {
            case "CRC_QRY_getQueryMasterList_fromUserId" -> {
                int fetch = message.text("fetch_size").filter(f -> f.matches("\\d{1,9}")).map(Integer::parseInt)
                        .filter(f -> f > 0).orElse(DEFAULT_FETCH);
                List<SavedQuery> queries = saved.list(user, 0, Math.min(fetch, SavedQueries.MAX_PAGE)).queries()
                        .stream().map(SavedQueries.Listed::query).toList();
                yield Optional.of(I2b2Messages.done("master_responseType", queries.stream()
                        .map(q -> master(q, group, "")).collect(Collectors.joining()), List.of()));
            }
            case "CRC_QRY_getRequestXml_fromQueryMasterId" -> {
                SavedQuery query = saved.get(user, masterId(message));
                String definition = I2b2QueryWriter.write(query.definition()).replaceFirst("^<\\?xml[^>]*\\?>\\s*",
                        "");
                yield Optional.of(I2b2Messages.done("master_responseType", master(query, group, "<request_xml>"
                        + definition + "</request_xml>"), List.of()));
            }
            case "CRC_QRY_renameQueryMaster" -> {
                String name = message.text("query_name").orElseThrow(() -> new QueryDefinitionException(
                        "message_body/request/query_name", "is missing"));
                yield Optional.of(I2b2Messages.done("master_responseType", master(saved.rename(user,
                        masterId(message), name), group, ""), List.of()));
            }
            case "CRC_QRY_deleteQueryMaster" -> {
                long id = masterId(message);
                saved.delete(user, id);
                yield Optional.of(I2b2Messages.done("master_responseType", "<query_master><query_master_id>" + id
                        + "</query_master_id></query_master>", List.of()));
            }
            default -> Optional.empty();
        };
    }

    private static long masterId(I2b2Inbox.Message message) {
        return I2b2QueryToolResource.id(message.root(), "query_master_id");
    }

    private static String master(SavedQuery query, String group, String extra) {
        String element = I2b2Messages.master(query.id(), query.name(), query.user(), query.created(), group);
        return element.replace("</query_master>", extra + "</query_master>");
    }
}
