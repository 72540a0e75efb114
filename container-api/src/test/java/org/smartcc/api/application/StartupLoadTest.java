package org.smartcc.api.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.smartcc.store.domain.LoadResult.Rejection;

class StartupLoadTest {

    @Test
    void thePublicStatusCountsRejectedWarehousePatientsWithoutNamingThem() {
        List<Rejection> view = StartupLoad.publicView(List.of(
                new Rejection("1000000001", "I2B2_UNIT", "patient_num 1000000001: observation_fact LOINC:3141-9 at"
                        + " encounter 7 on 1997-04-30: units_cd 'stone' of weight is none of [kg, lb]"),
                new Rejection("1000000002", "I2B2_UNIT", "patient_num 1000000002: ..."),
                new Rejection("1000000003", "I2B2_VALUE", "patient_num 1000000003: ..."),
                new Rejection("i2b2 warehouse", "I2B2_WAREHOUSE", "the i2b2 warehouse could not be read (SQL state"
                        + " 08001; the server log has the error)")));
        assertEquals(List.of("I2B2_WAREHOUSE", "I2B2_UNIT", "I2B2_VALUE"), view.stream().map(Rejection::code).toList());
        assertEquals("the i2b2 warehouse could not be read (SQL state 08001; the server log has the error)",
                view.get(0).message());
        assertEquals("2 of the warehouse's patients or rows could not be imported as SMART records (the server log"
                + " names each and the problem)", view.get(1).message());
        view.forEach(r -> assertEquals("i2b2 warehouse", r.source()));
        view.forEach(r -> assertFalse(r.message().contains("10000000"), r.message()));
    }
}
