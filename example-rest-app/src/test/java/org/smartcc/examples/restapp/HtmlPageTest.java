package org.smartcc.examples.restapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlPageTest {

    @Test
    void markupCharactersAreEscaped() {
        assertEquals("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;",
                HtmlPage.escape("<script>alert(\"x\")</script> & 'y'"));
    }

    @Test
    void theSummaryPageEscapesTheRecordsValues() {
        String page = HtmlPage.summary(new RecordSummary("<b>Amy</b> Shaw",
                List.of(new RecordSummary.Medication("Drug <img src=x onerror=alert(1)>", "2008-04-05\""))));
        assertTrue(page.contains("<h1 id=\"rest-patient-name\">&lt;b&gt;Amy&lt;/b&gt; Shaw</h1>"), page);
        assertTrue(page.contains("Drug &lt;img src=x onerror=alert(1)&gt;"), page);
        assertTrue(page.contains("since 2008-04-05&quot;"), page);
        assertFalse(page.contains("<img") || page.contains("<b>"), page);
        assertTrue(page.contains("OAuth 1.0a access token") && page.contains("REST app"), page);
    }

    @Test
    void theFailurePageShowsTheEscapedMessageAndCode() {
        String page = HtmlPage.failure(new AppFailure(502, "API_ERROR", "The container answered <500>."));
        assertTrue(page.contains("The container answered &lt;500&gt;.") && page.contains("API_ERROR"), page);
    }

    @Test
    void encodedValuesCannotAddParametersOrSegments() {
        assertEquals("a%26b%3Dc%2Fd%3Fe%20f%40g", HtmlPage.encode("a&b=c/d?e f@g"));
    }
}
