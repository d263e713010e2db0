package org.onboarding.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
            variant(demo, "strict", "\"unknownColumns\": \"ignore\"", "\"unknownColumns\": \"reject_file\"");
            variant(demo, "open", "\"unknownColumns\": \"ignore\"", "\"unknownColumns\": \"create\"");
            variant(demo, "lenient", "\"identityDuplicates\": \"reject\"", "\"identityDuplicates\": \"use_existing\"");
            variant(demo, "matching", "\"identityDuplicates\": \"reject\"", "\"identityDuplicates\": \"match\"");
            variant(demo, "email-matching", "\"identityDuplicates\": \"reject\"",
                    "\"identityDuplicates\": {\"bvn\": \"reject\", \"email\": \"match\", \"phone\": \"reject\"}");
            variant(demo, "tight", "\"skipLimit\": 1000", "\"skipLimit\": 2");
            variant(demo, "latin1", "\"encoding\": \"UTF-8\"", "\"encoding\": \"windows-1252\"");
            variant(demo, "replace", "\"connections\": \"add\"", "\"connections\": \"replace\"");
            // Its own endpoint variables too: an organisation has one endpoint, and the tests tell the two apart.
            variant(demo.replace("DEMO_WEBHOOK_", "OTHER_WEBHOOK_"), "other", ORGANIZATION_ID, OTHER_ORGANIZATION_ID);
            variant(demo, "wallets", "\"branch\": \"HEAD-OFFICE\"", "\"branch\": \"LAGOS-01\"");
            variant(demo, "wallets-hq", "\"branch\": \"HEAD-OFFICE\"", "\"branch\": \"HEAD-OFFICE\"");
            variant(demo, "no-wallets", "\"enabled\": true", "\"enabled\": false");
            variant(demo, "nightly", "\"connections\": \"add\"",
                    "\"connections\": \"add\", \"schedule\": {\"cron\": \"0 0 2 * * *\", \"zone\": \"Africa/Lagos\"}");
            variant(demo, "marked", "\"connections\": \"add\"", "\"connections\": \"add\", \"doneMarker\": \".done\"");
            variant(demo, "dropzone", "\"connections\": \"add\"", "\"connections\": \"add\", \"inbox\": \"drop-zone/partner\"");
            variant(demo, "required", "{ \"name\": \"occupation\", \"type\": \"text\" }",
                    "{ \"name\": \"occupation\", \"type\": \"text\", \"requiredFor\": [\"PERSON\"] }");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void variant(String demo, String name, String setting, String replacement) throws IOException {
        if (!demo.contains(setting)) {
            throw new IllegalStateException("jobs/demo.json no longer says " + setting);
        }
        Files.writeString(DIRECTORY.resolve(name + ".json"),
                demo.replace("\"name\": \"demo\"", "\"name\": \"" + name + "\"").replace(setting, replacement));
    }
}
