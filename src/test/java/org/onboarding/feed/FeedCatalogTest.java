package org.onboarding.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onboarding.settings.OnboardProperties;

import tools.jackson.databind.json.JsonMapper;

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

        assertRefused("lax").hasMessageContaining("lax.json line 1: identityDuplicates")
                .hasMessageContaining("reject or match");
        assertRefused("nin").hasMessageContaining("nin.json line 1: ").hasMessageContaining("nin");
    }

    @Test
    void aFeedMayChangeItsFileLimitsWithinTheirRange() throws IOException {
        feed("roomy", "{" + ORGANIZATION + ", \"limits\": {\"recordBytes\": 4194304, \"columns\": 50}}");
        feed("cramped", "{" + ORGANIZATION + ", \"limits\": {\"recordBytes\": 10}}");

        assertThat(catalog(jobs).find("roomy").limits()).isEqualTo(new FileLimits(4_194_304L, 262_144, 50));
        assertThat(catalog(Path.of("jobs")).find("demo").limits()).isEqualTo(FileLimits.DEFAULTS);
        assertRefused("cramped").hasMessageContaining("cramped.json line 1: ")
                .hasMessageContaining("recordBytes must be from 1024");
    }

    @Test
    void refusesAMisspeltKeyANegativeSkipLimitAMissingOrganisationAndAnUnknownFeed() throws IOException {
        feed("typo", "{" + ORGANIZATION + ", \"skiplimitt\": 5}");
        feed("negative", "{" + ORGANIZATION + ", \"skipLimit\": -1}");
        feed("orphan", "{\"skipLimit\": 5}");

        assertRefusedAt("typo", 1, "unknown setting \"skiplimitt\" (did you mean \"skipLimit\"?)");
        assertRefusedAt("negative", 1, "\"skipLimit\" must be 0 or more, not -1");
        assertRefused("orphan").hasMessageContaining("line 1: missing required setting \"organization\"");
        assertRefused("nosuch").hasMessageContaining("No feed named 'nosuch'")
                .hasMessageContaining("negative, orphan, typo");
    }

    @Test
    void aMisspeltKeyIsNamedOnItsOwnLineWithTheKeyItResembles() throws IOException {
        feed("typo", withOrganization(
                "  \"wallets\": {",
                "    \"enabled\": true,",
                "    \"bankName\": \"Bank\",",
                "    \"bankCod\": \"090999\"",
                "  }"));

        assertRefusedAt("typo", 6, "unknown setting \"bankCod\" (did you mean \"bankCode\"?)");
    }

    @Test
    void aKeyLikeNoOtherIsNamedWithoutASuggestion() throws IOException {
        feed("stray", withOrganization("  \"fields\": [", "    { \"name\": \"occupation\" },",
                "    { \"name\": \"state\", \"colour\": \"blue\" }", "  ]"));

        assertRefusedAt("stray", 5, "unknown setting \"colour\"");
    }

    @Test
    void aBadChoiceListsTheValuesAsTheFileWritesThem() throws IOException {
        feed("choice", withOrganization("  \"skipLimit\": 5,", "  \"unknownColumns\": \"sometimes\""));
        feed("identity", withOrganization("  \"requiredIdentity\": {",
                "    \"PERSON\": [\"bvn\", \"passport\"]", "  }"));

        assertRefusedAt("choice", 4, "\"unknownColumns\" must be one of ignore, reject_file, create,"
                + " not \"sometimes\"");
        assertRefusedAt("identity", 4, "\"PERSON\" must be one of bvn, email, phone, id_type,"
                + " id_number, third_party_identifier, not \"passport\"");
    }

    @Test
    void aMissingSettingIsNamedAtTheLineOfTheObjectThatNeedsIt() throws IOException {
        feed("nobank", withOrganization("  \"skipLimit\": 5,", "  \"wallets\": {",
                "    \"enabled\": true,", "    \"bankName\": \"Bank\"", "  }"));
        feed("noorg", lines("{", "  \"skipLimit\": 5", "}"));
        feed("noid", lines("{", "  \"skipLimit\": 5,", "  \"organization\": {", "    \"name\": \"Bank\"", "  }", "}"));

        assertRefusedAt("nobank", 4, "\"wallets\" needs \"bankCode\", the bank's CBN code"
                + " of 3 or 6 digits, when wallets are enabled");
        assertRefusedAt("noorg", 1, "missing required setting \"organization\":"
                + " {\"id\": \"<uuid>\", \"name\": \"...\"}");
        assertRefusedAt("noid", 3, "\"organization\" needs \"id\", the organisation's UUID");
    }

    @Test
    void aValueOfTheWrongKindSaysWhatItMustBe() throws IOException {
        feed("limit", withOrganization("", "  \"skipLimit\": \"many\""));

        assertRefusedAt("limit", 4, "\"skipLimit\" must be a whole number, not \"many\"");
    }

    @Test
    void aScheduleACharsetOrAZoneThatCannotBeIsNamedAtItsLine() throws IOException {
        feed("cron", withOrganization("  \"schedule\": {", "    \"cron\": \"at two\"", "  }"));
        feed("charset", withOrganization("  \"encoding\": \"UTF-9\""));
        feed("zone", withOrganization("  \"schedule\": {", "    \"cron\": \"0 0 2 * * *\",",
                "    \"zone\": \"Lagos\"", "  }"));

        assertRefusedAt("cron", 3, "\"schedule\" needs \"cron\", a cron expression with seconds,"
                + " such as \"0 0 2 * * *\" (02:00 every night), not \"at two\"");
        assertRefusedAt("charset", 3, "\"encoding\" must be a charset such as UTF-8 or windows-1252, not \"UTF-9\"");
        assertRefusedAt("zone", 5, "\"zone\" must be a time zone such as Africa/Lagos, not \"Lagos\"");
    }

    @Test
    void malformedJsonNamesTheLineAndColumn() throws IOException {
        feed("broken", lines("{", "  " + ORGANIZATION, "  \"skipLimit\": 5", "}"));

        assertRefused("broken")
                .hasMessageStartingWith(jobs.resolve("broken.json") + " line 3, column 3: malformed JSON: ")
                .message().doesNotContain("\n").doesNotContain("tools.jackson");
    }

    @Test
    void aFeedNameIsLowerCaseLettersDigitsDashesAndUnderscoresAndNothingOutsideTheFolderIsRead() throws IOException {
        Path outside = Files.createDirectories(jobs.resolve("outside"));
        Path feeds = Files.createDirectories(jobs.resolve("feeds"));
        Files.writeString(outside.resolve("evil.json"), "{\"name\": \"../outside/evil\", " + ORGANIZATION + "}");

        assertThatThrownBy(() -> catalog(feeds).find("../outside/evil")).isInstanceOf(FeedException.class)
                .hasMessage("No feed named '../outside/evil': a feed's name is lower-case letters, digits, '-' and '_',"
                        + " starting with a letter or a digit");
        assertThatThrownBy(() -> catalog(feeds).find("Demo")).isInstanceOf(FeedException.class)
                .hasMessageStartingWith("No feed named 'Demo': a feed's name is lower-case");
    }

    @Test
    void aFeedMustBeNamedAfterItsFile() throws IOException {
        feed("nightly", lines("{", "  \"name\": \"daily\",", "  " + ORGANIZATION, "}"));

        assertRefusedAt("nightly", 2, "\"name\" must be the file's name, \"nightly\", not \"daily\"");
    }

    @Test
    void theCatalogueRefusesAFileNoFeedCanBeNamedAfter() throws IOException {
        feed("demo", "{" + ORGANIZATION + "}");
        feed("Partner Bank", "{" + ORGANIZATION + "}");

        assertThatThrownBy(() -> catalog(jobs).names()).isInstanceOf(FeedException.class)
                .hasMessage(jobs.resolve("Partner Bank.json") + ": not a feed's file name: a feed's name is lower-case"
                        + " letters, digits, '-' and '_', starting with a letter or a digit; rename the file");
    }

    private static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    /**
     * A feed's JSON a setting a line: "{", the organisation on line 2, {@code settings} from line 3, "}"; so the
     * line a message names can be counted off the call.
     */
    private static String withOrganization(String... settings) {
        List<String> lines = new ArrayList<>(List.of("{", "  " + ORGANIZATION + ","));
        lines.addAll(List.of(settings));
        lines.add("}");
        return lines(lines.toArray(String[]::new));
    }

    /** Finding the feed {@code name} in the test folder fails with a FeedException; the test checks its message. */
    private AbstractThrowableAssert<?, ? extends Throwable> assertRefused(String name) {
        return assertThatThrownBy(() -> catalog(jobs).find(name)).isInstanceOf(FeedException.class);
    }

    /** Finding the feed {@code name} fails with exactly this message at this line of its file. */
    private void assertRefusedAt(String name, int line, String message) {
        assertRefused(name).hasMessage(jobs.resolve(name + ".json") + " line " + line + ": " + message);
    }

    private void feed(String name, String json) throws IOException {
        Files.writeString(jobs.resolve(name + ".json"), json);
    }

    private static FeedCatalog catalog(Path directory) {
        return new FeedCatalog(new OnboardProperties(directory, "demo", Path.of("reports"), 1000, 2), JsonMapper.builder().build());
    }
}
