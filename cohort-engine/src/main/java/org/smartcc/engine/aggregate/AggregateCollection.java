package org.smartcc.engine.aggregate;

import java.util.Arrays;
import java.util.List;

/**
 * The per-record collections whose statements have coded facts, each with the concept folders the loader writes
 * those facts under (docs/data-model.md, "Coded facts per type") and the role prefix of their concept codes: an
 * allergen's RxNorm code is {@code ALLERGEN:RXNORM:...}, so that it is never mistaken for a medication.
 */
public enum AggregateCollection {
    MEDICATIONS("medications", new Folder("\\SMART\\Medications\\", "")),
    PROBLEMS("problems", new Folder("\\SMART\\Problems\\", "")),
    PROCEDURES("procedures", new Folder("\\SMART\\Procedures\\", "")),
    LAB_RESULTS("lab_results", new Folder("\\SMART\\Lab results\\", "")),
    VITAL_SIGN_SETS("vital_sign_sets", new Folder("\\SMART\\Vital signs\\", "")),
    IMMUNIZATIONS("immunizations", new Folder("\\SMART\\Immunizations\\", "")),
    ALLERGIES("allergies", new Folder("\\SMART\\Allergies\\", "ALLERGEN:"),
            new Folder("\\SMART\\Allergy exclusions\\", "")),
    FAMILY_HISTORY("family_history", new Folder("\\SMART\\Family history\\", "FAMILYHX:")),
    SOCIAL_HISTORY("social_history", new Folder("\\SMART\\Social history\\", "")),
    ENCOUNTERS("encounters", new Folder("\\SMART\\Encounters\\", ""));

    /** A concept folder of the collection and the prefix its concept codes carry before the code system. */
    public record Folder(String path, String rolePrefix) {
    }

    private final String collectionName;
    private final List<Folder> folders;

    AggregateCollection(String collectionName, Folder... folders) {
        this.collectionName = collectionName;
        this.folders = List.of(folders);
    }

    /** The name of the per-record call, e.g. {@code lab_results}. */
    public String collectionName() {
        return collectionName;
    }

    public List<Folder> folders() {
        return folders;
    }

    /** The collection of a per-record call name (exactly as the call table writes it). */
    public static AggregateCollection named(String name) {
        return Arrays.stream(values()).filter(c -> c.collectionName.equals(name)).findFirst().orElseThrow(() ->
                new AggregateException(AggregateException.Code.COLLECTION_NOT_FOUND, "'" + name + "' is no"
                        + " collection with codes to aggregate; these have: " + Arrays.stream(values())
                        .map(c -> c.collectionName).toList()));
    }
}
