package org.onboarding.feed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.onboarding.OnboardProperties;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads feed declarations from the feeds directory ({@code jobs/<name>.json}). Strict on
 * purpose: a misspelt key in a feed is an error, not a silently ignored setting.
 */
@Component
public class FeedCatalog {

    private final Path directory;
    private final String defaultFeed;
    private final JsonMapper mapper = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public FeedCatalog(OnboardProperties properties) {
        this.directory = properties.feedsDirectory();
        this.defaultFeed = properties.defaultFeed();
    }

    /** The feed of that name, or the default feed when the name is null. */
    public Feed find(String name) {
        String feedName = name == null ? defaultFeed : name;
        Path file = directory.resolve(feedName + ".json");
        if (!Files.isRegularFile(file)) {
            throw new FeedException("No feed named '" + feedName + "': " + file + " does not exist (feeds: "
                    + String.join(", ", names()) + ")");
        }
        return read(feedName, file);
    }

    /** The names of every declared feed, sorted. */
    public List<String> names() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(path -> path.getFileName().toString())
                    .filter(fileName -> fileName.endsWith(".json"))
                    .map(fileName -> fileName.substring(0, fileName.length() - ".json".length()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new FeedException("Cannot list feeds in " + directory + ": " + e.getMessage());
        }
    }

    private Feed read(String feedName, Path file) {
        Feed feed;
        try {
            feed = mapper.readValue(file.toFile(), Feed.class);
        } catch (JacksonException e) {
            throw new FeedException("Feed " + file + " is not valid: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
        }
        if (feed.organization() == null || feed.organization().id() == null || feed.organization().name() == null) {
            throw new FeedException("Feed " + file + " must name its organization: {\"id\": \"<uuid>\", \"name\": \"...\"}");
        }
        return feed.name() == null ? withName(feed, feedName) : feed;
    }

    private static Feed withName(Feed feed, String name) {
        return new Feed(name, feed.organization(), feed.encoding(), feed.fields(), feed.requiredIdentity(),
                feed.unknownColumns(), feed.identityDuplicates(), feed.skipLimit(), feed.connections(),
                feed.wallets(), feed.webhooks(), feed.schedule(), feed.inbox(), feed.limits(),
                feed.doneMarker());
    }
}
