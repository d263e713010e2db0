package org.onboarding.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onboarding.OnboardProperties;

class FeedCatalogTest {

    private static final String ORGANIZATION = "\"organization\": {\"id\": \"0b042d50-fa8d-44d6-b3e5-02ace4c24f8b\", \"name\": \"Bank\"}";

    @TempDir
    Path jobs;

    @Test
    void readsTheShippedDemoFeed() {
        Feed demo = catalog(Path.of("jobs")).find(null);

        assertThat(demo.name()).isEqualTo("demo");
        assertThat(demo.fields()).extracting(FieldDeclaration::name).containsExactly("occupation", "date_of_birth", "state");
        assertThat(demo.requiredIdentity(AccountType.PERSON)).isEqualTo(Set.of(IdentityField.BVN));
        assertThat(demo.requiredIdentity(AccountType.COMPANY)).isEqualTo(Set.of(IdentityField.BVN));
        assertThat(demo.unknownColumns()).isEqualTo(UnknownColumnPolicy.IGNORE);
        assertThat(demo.identityDuplicates()).isEqualTo(IdentityDuplicates.REJECT_ALL);
    }

    @Test
    void defaultsWhatAFeedLeavesOutAndTakesASkipLimitOfZeroAsNoRejectAllowed() throws IOException {
        feed("minimal", "{" + ORGANIZATION + "}");
        feed("zero", "{" + ORGANIZATION + ", \"skipLimit\": 0}");

        Feed minimal = catalog(jobs).find("minimal");

        assertThat(minimal.name()).isEqualTo("minimal");
        assertThat(minimal.skipLimit()).isEqualTo(Feed.DEFAULT_SKIP_LIMIT);
        assertThat(minimal.unknownColumns()).isEqualTo(UnknownColumnPolicy.IGNORE);
        assertThat(catalog(jobs).find("zero").skipLimit()).isZero();
    }

    @Test
    void readsIdentityDuplicatesAsOnePolicyForAllOrOnePerIdentityAndUseExistingAsMatch() throws IOException {
        feed("match", "{" + ORGANIZATION + ", \"identityDuplicates\": \"match\"}");
        feed("legacy", "{" + ORGANIZATION + ", \"identityDuplicates\": \"use_existing\"}");
        feed("each", "{" + ORGANIZATION + ", \"identityDuplicates\": {\"bvn\": \"reject\", \"email\": \"MATCH\"}}");

        IdentityDuplicates matchAll = IdentityDuplicates.same(IdentityDuplicatePolicy.MATCH);
        assertThat(catalog(jobs).find("match").identityDuplicates()).isEqualTo(matchAll);
        assertThat(catalog(jobs).find("legacy").identityDuplicates()).isEqualTo(matchAll);
        assertThat(catalog(jobs).find("each").identityDuplicates()).isEqualTo(new IdentityDuplicates(
                IdentityDuplicatePolicy.REJECT, IdentityDuplicatePolicy.MATCH, IdentityDuplicatePolicy.REJECT));
        assertThat(catalog(jobs).find("each").identityDuplicates().policy(IdentityField.EMAIL))
                .isEqualTo(IdentityDuplicatePolicy.MATCH);
    }

    @Test
    void refusesAnUnknownIdentityDuplicatesPolicyOrIdentity() throws IOException {
        feed("lax", "{" + ORGANIZATION + ", \"identityDuplicates\": \"ignore\"}");
        feed("nin", "{" + ORGANIZATION + ", \"identityDuplicates\": {\"nin\": \"match\"}}");

        assertThatThrownBy(() -> catalog(jobs).find("lax")).isInstanceOf(FeedException.class)
                .hasMessageContaining("lax.json is not valid").hasMessageContaining("reject or match");
        assertThatThrownBy(() -> catalog(jobs).find("nin")).isInstanceOf(FeedException.class)
                .hasMessageContaining("nin.json is not valid").hasMessageContaining("nin");
    }

    @Test
    void refusesAMisspeltKeyANegativeSkipLimitAMissingOrganisationAndAnUnknownFeed() throws IOException {
        feed("typo", "{" + ORGANIZATION + ", \"skiplimitt\": 5}");
        feed("negative", "{" + ORGANIZATION + ", \"skipLimit\": -1}");
        feed("orphan", "{\"skipLimit\": 5}");

        assertThatThrownBy(() -> catalog(jobs).find("typo")).isInstanceOf(FeedException.class)
                .hasMessageContaining("typo.json is not valid").hasMessageContaining("skiplimitt");
        assertThatThrownBy(() -> catalog(jobs).find("negative")).isInstanceOf(FeedException.class)
                .hasMessageContaining("skipLimit must be 0 or more");
        assertThatThrownBy(() -> catalog(jobs).find("orphan")).isInstanceOf(FeedException.class)
                .hasMessageContaining("must name its organization");
        assertThatThrownBy(() -> catalog(jobs).find("nosuch")).isInstanceOf(FeedException.class)
                .hasMessageContaining("No feed named 'nosuch'").hasMessageContaining("negative, orphan, typo");
    }

    private void feed(String name, String json) throws IOException {
        Files.writeString(jobs.resolve(name + ".json"), json);
    }

    private static FeedCatalog catalog(Path directory) {
        return new FeedCatalog(new OnboardProperties(directory, "demo", Path.of("reports"), 1000, 2));
    }
}
