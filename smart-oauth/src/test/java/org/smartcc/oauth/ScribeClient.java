package org.smartcc.oauth;

import com.github.scribejava.core.builder.ServiceBuilder;
import com.github.scribejava.core.builder.api.DefaultApi10a;
import com.github.scribejava.core.extractors.BaseStringExtractor;
import com.github.scribejava.core.extractors.BaseStringExtractorImpl;
import com.github.scribejava.core.model.OAuth1AccessToken;
import com.github.scribejava.core.model.OAuthRequest;
import com.github.scribejava.core.model.Verb;
import com.github.scribejava.core.oauth.OAuth10aService;
import com.github.scribejava.core.services.SignatureService;
import com.github.scribejava.core.services.TimestampService;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Consumer;
import org.smartcc.oauth.application.OAuthHttpRequest;

/**
 * An app's side of OAuth, done by ScribeJava (an independent OAuth 1.0a implementation): it signs requests, and the
 * provider under test must accept them. It also records the base string ScribeJava signed.
 */
final class ScribeClient {

    private final OAuth10aService service;
    private final RecordingApi api;

    ScribeClient(String consumerKey, String consumerSecret, Clock clock) {
        this(consumerKey, consumerSecret, clock, null);
    }

    /** @param signatureService null for ScribeJava's HMAC-SHA1 */
    ScribeClient(String consumerKey, String consumerSecret, Clock clock, SignatureService signatureService) {
        this.api = new RecordingApi(clock, signatureService);
        this.service = new ServiceBuilder(consumerKey).apiSecret(consumerSecret).build(api);
    }

    /** A signed request, 2-legged when token is null. The customizer adds query, body and oauth_* parameters. */
    Signed sign(Verb verb, String url, String token, String tokenSecret, Consumer<OAuthRequest> customizer) {
        OAuthRequest request = new OAuthRequest(verb, url);
        customizer.accept(request);
        service.signRequest(token == null ? new OAuth1AccessToken("", "") : new OAuth1AccessToken(token, tokenSecret),
                request);
        return new Signed(request, api.lastBaseString);
    }

    Signed sign(Verb verb, String url, String token, String tokenSecret) {
        return sign(verb, url, token, tokenSecret, r -> { });
    }

    /** The request as the provider sees it after a trip over HTTP. */
    static OAuthHttpRequest toProviderRequest(OAuthRequest request) {
        OAuthHttpRequest.Builder builder = OAuthHttpRequest.builder(request.getVerb().name(), request.getCompleteUrl())
                .authorization(request.getHeaders().get("Authorization"));
        if (request.getBodyParams().size() > 0) {
            builder.formBody(request.getBodyParams().asFormUrlEncodedString());
        }
        return builder.build();
    }

    record Signed(OAuthRequest request, String clientBaseString) {

        OAuthHttpRequest toProvider() {
            return toProviderRequest(request);
        }

        String authorization() {
            return request.getHeaders().get("Authorization");
        }
    }

    /** ScribeJava's API definition, with the test clock and a base-string recorder; endpoints are never called. */
    private static final class RecordingApi extends DefaultApi10a {
        private final Clock clock;
        private final SignatureService signatureService;
        private volatile String lastBaseString;

        RecordingApi(Clock clock, SignatureService signatureService) {
            this.clock = clock;
            this.signatureService = signatureService;
        }

        @Override
        public BaseStringExtractor getBaseStringExtractor() {
            BaseStringExtractor delegate = new BaseStringExtractorImpl();
            return request -> {
                lastBaseString = delegate.extract(request);
                return lastBaseString;
            };
        }

        @Override
        public SignatureService getSignatureService() {
            return signatureService == null ? super.getSignatureService() : signatureService;
        }

        @Override
        public TimestampService getTimestampService() {
            return new TimestampService() {
                @Override
                public String getNonce() {
                    return UUID.randomUUID().toString();
                }

                @Override
                public String getTimestampInSeconds() {
                    return Long.toString(clock.instant().getEpochSecond());
                }
            };
        }

        @Override
        public String getRequestTokenEndpoint() {
            return TestContainer.API_BASE + "/oauth/request_token";
        }

        @Override
        public String getAccessTokenEndpoint() {
            return TestContainer.API_BASE + "/oauth/access_token";
        }

        @Override
        protected String getAuthorizationBaseUrl() {
            return "http://ui.test/oauth/authorize";
        }
    }
}
