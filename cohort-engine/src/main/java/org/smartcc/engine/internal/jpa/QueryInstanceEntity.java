package org.smartcc.engine.internal.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One run of a query master (i2b2's query instance). */
@Entity
@Table(name = "qt_query_instance")
public class QueryInstanceEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "qt_query_instance_seq")
    @SequenceGenerator(name = "qt_query_instance_seq", sequenceName = "qt_query_instance_seq", allocationSize = 1)
    @Column(name = "query_instance_id")
    Long id;

    @Column(name = "query_master_id")
    long masterId;

    @Column(name = "user_id")
    String userId;

    @Column(name = "status")
    String status;

    @Column(name = "snapshot_id")
    String snapshotId;

    @Column(name = "submit_ms")
    long submitMs;

    @Column(name = "start_ms")
    Long startMs;

    @Column(name = "end_ms")
    Long endMs;

    @Column(name = "timeout_ms")
    Long timeoutMs;

    @Column(name = "message")
    String message;

    /** One warning per line. */
    @Lob
    @Column(name = "warnings")
    String warnings;
}
