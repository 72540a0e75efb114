package org.smartcc.api.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The restart rule: a running export goes on from its first part not done, after the last record of that part's last
 * complete file, numbering files on; if its set changed meanwhile it does not go on (it fails).
 */
class PopulationExportTest {

    private static PopulationExport export(int partsDone) {
        return new PopulationExport("e1", "app", "sam", 7, List.of("medications", "problems"),
                List.of("application/n-triples", "text/turtle"), "", "http://localhost:8080",
                PopulationExport.State.RUNNING, "fp", 40, 12, 1000, partsDone, null, Instant.EPOCH, null, null);
    }

    private static ExportFile file(int number, int part, String lastRecord) {
        return new ExportFile("e1", number, part, "medications", "application/n-triples", number + ".nt", 5, 50, 500,
                lastRecord);
    }

    @Test
    void thePartsAreEachCollectionInEachFormat() {
        assertEquals(List.of(new PopulationExport.Part(0, "medications", "application/n-triples"),
                new PopulationExport.Part(1, "medications", "text/turtle"),
                new PopulationExport.Part(2, "problems", "application/n-triples"),
                new PopulationExport.Part(3, "problems", "text/turtle")), export(0).parts());
    }

    @Test
    void aFreshExportStartsAtTheBeginning() {
        assertEquals(Optional.of(new PopulationExport.ResumePoint(0, Optional.empty(), 1)),
                export(0).resumePoint(List.of(), "fp"));
    }

    @Test
    void itGoesOnAfterTheLastCompleteFileOfThePartNotDone() {
        List<ExportFile> files = List.of(file(1, 0, "1009"), file(2, 0, "1020"), file(3, 1, "1004"),
                file(4, 1, "1011"));
        assertEquals(Optional.of(new PopulationExport.ResumePoint(1, Optional.of("1011"), 5)),
                export(1).resumePoint(files, "fp"));
        assertEquals(Optional.of(new PopulationExport.ResumePoint(2, Optional.empty(), 5)),
                export(2).resumePoint(files, "fp"), "part 1 was complete: the next starts from its first record");
    }

    @Test
    void aSetThatChangedMeanwhileEndsIt() {
        assertEquals(Optional.empty(), export(1).resumePoint(List.of(file(1, 0, "1009")), "another"));
    }
}
