package org.smartcc.launcher.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LaunchUrlTest {

    @Test
    void anIndexWithoutQueryGetsApiBaseAndRecordId() {
        assertEquals("http://apps.example/med_list/index.html?api_base=http%3A%2F%2Flocalhost%3A8080"
                        + "&record_id=2169591",
                LaunchUrl.of("http://apps.example/med_list/index.html", "http://localhost:8080", "2169591", null));
    }

    @Test
    void anIndexWithAQueryIsContinuedWithAnAmpersand() {
        assertEquals("http://a.example/i?x=1&api_base=b&record_id=r", LaunchUrl.of("http://a.example/i?x=1", "b", "r",
                null));
        assertEquals("http://a.example/i?api_base=b", LaunchUrl.of("http://a.example/i?", "b", null, null));
    }

    @Test
    void theFragmentStaysLast() {
        assertEquals("http://a.example/i?api_base=b&record_id=r#/start",
                LaunchUrl.of("http://a.example/i#/start", "b", "r", null));
    }

    @Test
    void aContainerScopeAppHasNoRecordId() {
        assertEquals("smart-app:///did_select_record?api_base=http%3A%2F%2Fh",
                LaunchUrl.of("smart-app:///did_select_record", "http://h", null, null));
    }

    /** §4.5: the header has spaces, quotes, commas and percent signs; each must come back as it was. */
    @Test
    void theLegacyOAuthHeaderIsEncodedAsAComponent() {
        String header = "OAuth realm=\"\", smart_record_id=\"1\", oauth_signature=\"QM%2B%3D\"";
        assertEquals("http://a.example/i?api_base=b&record_id=1&oauth_header=OAuth%20realm%3D%22%22%2C%20"
                        + "smart_record_id%3D%221%22%2C%20oauth_signature%3D%22QM%252B%253D%22",
                LaunchUrl.of("http://a.example/i", "b", "1", header));
    }
}
