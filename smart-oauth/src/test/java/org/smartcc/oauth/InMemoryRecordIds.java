package org.smartcc.oauth;

import java.util.List;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;
import org.smartcc.oauth.application.RecordIds;

/** Record ids in id order, as the clinical store would supply them. */
final class InMemoryRecordIds implements RecordIds {

    private final NavigableSet<String> ids;

    InMemoryRecordIds(List<String> ids) {
        this.ids = new TreeSet<>(ids);
    }

    @Override
    public Optional<String> first() {
        return ids.isEmpty() ? Optional.empty() : Optional.of(ids.first());
    }

    @Override
    public Optional<String> after(String recordId) {
        return Optional.ofNullable(ids.higher(recordId));
    }

    @Override
    public boolean exists(String recordId) {
        return ids.contains(recordId);
    }
}
