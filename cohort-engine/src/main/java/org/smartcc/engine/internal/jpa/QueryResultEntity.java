package org.smartcc.engine.internal.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One requested result of a run (i2b2's result instance). */
@Entity
@Table(name = "qt_query_result_instance")
public class QueryResultEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "qt_query_result_instance_seq")
    @SequenceGenerator(name = "qt_query_result_instance_seq", sequenceName = "qt_query_result_instance_seq", allocationSize = 1)
    @Column(name = "result_instance_id")
    Long id;

    @Column(name = "query_instance_id")
    long instanceId;

    @Column(name = "result_type")
    String resultType;

    @Column(name = "status")
    String status;

    @Column(name = "set_size")
    Long setSize;

    @Column(name = "real_set_size")
    Long realSetSize;

    @Column(name = "obfuscate_method")
    String obfuscateMethod;

    /** The shown value, display text and suppression of the count and of each breakdown cell. */
    @Lob
    @Column(name = "breakdown_json")
    String breakdownJson;

    @Column(name = "end_ms")
    Long endMs;
}
