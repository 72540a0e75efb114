package org.smartcc.engine.query.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.smartcc.engine.query.ItemKey;
import org.smartcc.engine.query.QueryDefinitionException;

/**
 * Finds the members of a stored set that a query names as an item: a previous query ({@code masterid:}), a patient
 * set ({@code patient_set_coll_id:}) or an encounter set ({@code patient_set_enc_id:}).
 */
@FunctionalInterface
public interface SetResolver {

    /** Knows no sets: every set item is refused. */
    SetResolver NONE = (key, path) -> {
        throw new QueryDefinitionException(path, "no stored set '" + key.text() + "'");
    };

    /**
     * The members: column {@code patient_num}, and also {@code encounter_num} for an encounter set.
     *
     * @param path the element, for the error when the set does not exist or may not be read
     */
    Dataset<Row> members(ItemKey key, String path);
}
