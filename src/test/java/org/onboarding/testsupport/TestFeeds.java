package org.onboarding.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The feeds the tests import with, written to {@link #DIRECTORY}: the shipped demo feed as it
 * is, and variants of it that differ in one policy each.
 */
public final class TestFeeds {

    public static final Path DIRECTORY = Path.of("target", "test-feeds");
    public static final String ORGANIZATION_ID = "0b042d50-fa8d-44d6-b3e5-02ace4c24f8b";
    /** The organisation of feed 'other': a second organisation, whose customers the demo one never sees. */
    public static final String OTHER_ORGANIZATION_ID = "7d1e5c4a-2b3f-4e6a-9c8d-1f2e3a4b5c6d";

    private TestFeeds() {
    }

    public static void write() {
        try {
            Files.createDirectories(DIRECTORY);
            String demo = Files.readString(Path.of("jobs", "demo.json"));
            Files.writeString(DIRECTORY.resolve("demo.json"), demo);
            for (Variant variant : VARIANTS) {
                variant.write(demo);
            }
            // Its own endpoint variables too: an organisation has one endpoint, and the tests tell the two apart.
            new Variant("other", ORGANIZATION_ID, OTHER_ORGANIZATION_ID)
                    .write(demo.replace("DEMO_WEBHOOK_", "OTHER_WEBHOOK_"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A feed like demo but for one setting, named after what it tests. */
    private record Variant(String name, String setting, String replacement) {

        void write(String demo) throws IOException {
            if (!demo.contains(setting)) {
                throw new IllegalStateException("jobs/demo.json no longer says " + setting);
            }
            Files.writeString(DIRECTORY.resolve(name + ".json"),
                    demo.replace("\"name\": \"demo\"", "\"name\": \"" + name + "\"").replace(setting, replacement));
        }
    }

    private static final String CONNECTIONS_ADD = "\"connections\": \"add\"";
    private static final String DUPLICATES_REJECTED = "\"identityDuplicates\": \"reject\"";
    private static final String BRANCH = "\"branch\": \"HEAD-OFFICE\"";

    private static final List<Variant> VARIANTS = List.of(
            new Variant("strict", "\"unknownColumns\": \"ignore\"", "\"unknownColumns\": \"reject_file\""),
            new Variant("open", "\"unknownColumns\": \"ignore\"", "\"unknownColumns\": \"create\""),
            new Variant("lenient", DUPLICATES_REJECTED, "\"identityDuplicates\": \"use_existing\""),
            new Variant("matching", DUPLICATES_REJECTED, "\"identityDuplicates\": \"match\""),
            new Variant("email-matching", DUPLICATES_REJECTED,
                    "\"identityDuplicates\": {\"bvn\": \"reject\", \"email\": \"match\", \"phone\": \"reject\"}"),
            new Variant("tight", "\"skipLimit\": 1000", "\"skipLimit\": 2"),
            new Variant("latin1", "\"encoding\": \"UTF-8\"", "\"encoding\": \"windows-1252\""),
            new Variant("replace", CONNECTIONS_ADD, "\"connections\": \"replace\""),
            new Variant("wallets", BRANCH, "\"branch\": \"LAGOS-01\""),
            new Variant("wallets-hq", BRANCH, BRANCH),
            new Variant("no-wallets", "\"enabled\": true", "\"enabled\": false"),
            new Variant("nightly", CONNECTIONS_ADD,
                    CONNECTIONS_ADD + ", \"schedule\": {\"cron\": \"0 0 2 * * *\", \"zone\": \"Africa/Lagos\"}"),
            new Variant("marked", CONNECTIONS_ADD, CONNECTIONS_ADD + ", \"doneMarker\": \".done\""),
            new Variant("dropzone", CONNECTIONS_ADD, CONNECTIONS_ADD + ", \"inbox\": \"drop-zone/partner\""),
            new Variant("required", "{ \"name\": \"occupation\", \"type\": \"text\" }",
                    "{ \"name\": \"occupation\", \"type\": \"text\", \"requiredFor\": [\"PERSON\"] }"));
}
