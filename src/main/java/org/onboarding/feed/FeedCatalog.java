package org.onboarding.feed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.onboarding.settings.OnboardProperties;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Reads feed declarations from the feeds directory ({@code jobs/<name>.json}). Strict on
 * purpose: a misspelt key in a feed is an error, not a silently ignored setting; and a feed's name
 * follows {@link FeedNames}' rule and is its file's name, checked before any path is built from it.
 */
@Component
public class FeedCatalog {

    private final Path directory;
    private final String defaultFeed;
    private final JsonMapper strict;

    /** @param json the application's mapper, from which the feeds' strict reader is derived */
    public FeedCatalog(OnboardProperties properties, JsonMapper json) {
        this.directory = properties.feedsDirectory();
        this.defaultFeed = properties.defaultFeed();
        this.strict = FeedFile.strict(json);
    }

    /** The feed of that name, or the default feed when the name is null. */
    public Feed find(String name) {
        String feedName = name == null ? defaultFeed : name;
        if (!FeedNames.isValid(feedName)) {
            throw new FeedException("No feed named '" + feedName + "': " + FeedNames.RULE);
        }
        Path file = directory.resolve(feedName + ".json");
        if (!Files.isRegularFile(file)) {
            throw new FeedException("No feed named '" + feedName + "': " + file + " does not exist (feeds: "
                    + String.join(", ", names()) + ")");
        }
        return FeedFile.read(strict, file, feedName);
    }

    /** The names of every declared feed, sorted; a file no feed can be named after is refused. */
    public List<String> names() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(path -> path.getFileName().toString().endsWith(".json"))
                    .map(FeedCatalog::stem)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new FeedException("Cannot list feeds in " + directory + ": " + e.getMessage());
        }
    }

    private static String stem(Path file) {
        String fileName = file.getFileName().toString();
        String stem = fileName.substring(0, fileName.length() - ".json".length());
        if (!FeedNames.isValid(stem)) {
            throw new FeedException(file + ": not a feed's file name: " + FeedNames.RULE + "; rename the file");
        }
        return stem;
    }
}
