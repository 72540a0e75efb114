package org.smartcc.engine.query;

import java.time.LocalDateTime;

/**
 * One end of a panel or item date window.
 *
 * @param onEndDate compare the fact's {@code end_date} instead of its {@code start_date} ({@code time="END_DATE"})
 */
public record DateBound(LocalDateTime value, boolean onEndDate, boolean inclusive) {
}
