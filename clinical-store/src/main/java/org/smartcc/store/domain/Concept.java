package org.smartcc.store.domain;

/**
 * A node of the concept hierarchy ({@code concept_dimension} row). Folders have no code.
 *
 * @param path  i2b2 path with backslashes, ending in a backslash, e.g. {@code \SMART\Medications\}
 */
public record Concept(String path, String code, String name) {

    public boolean isFolder() {
        return code == null;
    }
}
