package org.smartcc.bench;

import com.github.scribejava.core.builder.ServiceBuilder;
import com.github.scribejava.core.builder.api.DefaultApi10a;
import com.github.scribejava.core.oauth.OAuth10aService;
import com.github.scribejava.core.services.TimestampService;
import com.github.scribejava.core.services.TimestampServiceImpl;
import java.util.UUID;

/**
 * An app's OAuth 1.0a signing by ScribeJava, as an independent app signs. ScribeJava's own nonces are a random int
 * plus the time, which at a thousand requests a second repeat within a second now and then (and the provider rightly
 * refuses a repeated nonce), so each nonce here is a random UUID.
 */
final class AppSigner {

    private AppSigner() {
    }

    static OAuth10aService of(String consumerKey, String consumerSecret) {
        return new ServiceBuilder(consumerKey).apiSecret(consumerSecret).build(new SigningOnly());
    }

    /** ScribeJava wants endpoints; the benchmarks send their signed requests themselves. */
    private static final class SigningOnly extends DefaultApi10a {

        @Override
        public String getRequestTokenEndpoint() {
            return "http://unused/oauth/request_token";
        }

        @Override
        public String getAccessTokenEndpoint() {
            return "http://unused/oauth/access_token";
        }

        @Override
        protected String getAuthorizationBaseUrl() {
            return "http://unused/oauth/authorize";
        }

        @Override
        public TimestampService getTimestampService() {
            return new TimestampServiceImpl() {
                @Override
                public String getNonce() {
                    return UUID.randomUUID().toString();
                }
            };
        }
    }
}
