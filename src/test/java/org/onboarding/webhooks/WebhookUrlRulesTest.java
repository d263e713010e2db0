package org.onboarding.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.onboarding.feed.FeedCatalog;
import org.onboarding.settings.OnboardProperties;
import org.springframework.mock.env.MockEnvironment;

import tools.jackson.databind.json.JsonMapper;

/**
 * Where webhooks may go: https anywhere but link-local and cloud metadata addresses; plain http to
 * loopback, or elsewhere only where the feed says {@code "allowPlainHttp": true}. A URL breaking the
 * rules holds its organisation's events as a mistake, named in {@code webhooks endpoints}.
 */
class WebhookUrlRulesTest {

    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString("a test secret of 32 bytes, exact".getBytes());

    @TempDir
    Path feeds;

    @ParameterizedTest
    @ValueSource(strings = {"https://hooks.example.com/onboarding", "https://hooks.example.com:8443/a?token=x",
            "http://127.0.0.1:8080/hooks", "http://127.8.9.10/hooks", "http://localhost:8080/hooks",
            "http://LOCALHOST./hooks", "http://[::1]:8080/hooks", "https://10.1.2.3/hooks"})
    void httpsGoesAnywhereAndPlainHttpToLoopback(String url) throws Exception {
        WebhookEndpoint endpoint = endpoint(url, false);

        assertThat(endpoint.state()).as(endpoint.problem()).isEqualTo(WebhookEndpoint.State.DELIVERABLE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://hooks.example.com/onboarding", "http://10.1.2.3:8080/hooks", "http://[2001:db8::1]/hooks"})
    void plainHttpElsewhereIsAMistakeUnlessTheFeedAllowsIt(String url) throws Exception {
        WebhookEndpoint refused = endpoint(url, false);
        WebhookEndpoint allowed = endpoint(url, true);

        assertThat(refused.state()).isEqualTo(WebhookEndpoint.State.MISCONFIGURED);
        assertThat(refused.problem()).startsWith("DEMO_WEBHOOK_URL is plain http to ").endsWith(
                ": use https (plain http goes to loopback only, unless the feed's \"webhooks\" says \"allowPlainHttp\": true)");
        assertThat(allowed.state()).as(allowed.problem()).isEqualTo(WebhookEndpoint.State.DELIVERABLE);
        assertThat(allowed.settings().allowPlainHttp()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://169.254.169.254/latest/meta-data/", "http://169.254.169.254/latest/meta-data/",
            "https://169.254.10.20/hooks", "https://[fe80::1]/hooks", "https://[fd00:ec2::254]/latest",
            "https://100.100.100.200/latest/meta-data", "https://metadata.google.internal/computeMetadata/v1/",
            "https://METADATA.google.internal./computeMetadata/v1/", "https://[::ffff:169.254.169.254]/latest"})
    void linkLocalAndCloudMetadataAddressesAreRefusedEvenWhereTheFeedAllowsPlainHttp(String url) throws Exception {
        for (boolean allowPlainHttp : new boolean[] {false, true}) {
            WebhookEndpoint endpoint = endpoint(url, allowPlainHttp);

            assertThat(endpoint.state()).isEqualTo(WebhookEndpoint.State.MISCONFIGURED);
            assertThat(endpoint.problem()).startsWith("DEMO_WEBHOOK_URL points at ")
                    .endsWith(", a link-local or cloud metadata address: webhooks never go there");
            assertThat(endpoint.url()).isNull();
        }
    }

    private WebhookEndpoint endpoint(String url, boolean allowPlainHttp) throws Exception {
        String demo = Files.readString(Path.of("jobs", "demo.json"));
        String webhooks = "\"secretVariable\": \"DEMO_WEBHOOK_SECRET\"";
        Files.writeString(feeds.resolve("demo.json"),
                allowPlainHttp ? demo.replace(webhooks, webhooks + ", \"allowPlainHttp\": true") : demo);
        FeedCatalog catalog = new FeedCatalog(new OnboardProperties(feeds, "demo", feeds, 1000, 1), JsonMapper.builder().build());
        MockEnvironment environment = new MockEnvironment().withProperty("DEMO_WEBHOOK_URL", url)
                .withProperty("DEMO_WEBHOOK_SECRET", SECRET);
        return new WebhookEndpoints(catalog, environment).all().get(0);
    }
}
