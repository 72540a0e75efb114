package org.smartcc.engine.internal.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A stored query definition (i2b2's query master). */
@Entity
@Table(name = "qt_query_master")
public class QueryMasterEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "qt_query_master_seq")
    @SequenceGenerator(name = "qt_query_master_seq", sequenceName = "qt_query_master_seq", allocationSize = 1)
    @Column(name = "query_master_id")
    Long id;

    @Column(name = "name")
    String name;

    @Column(name = "user_id")
    String userId;

    @Column(name = "create_ms")
    long createMs;

    @Lob
    @Column(name = "definition_json")
    String definitionJson;

    @Column(name = "fingerprint")
    String fingerprint;

    @Lob
    @Column(name = "generated_plan")
    String generatedPlan;
}
