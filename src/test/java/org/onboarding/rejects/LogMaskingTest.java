package org.onboarding.rejects;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.onboarding.pii.MaskingConverter;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;

/**
 * The log patterns of {@code logback-spring.xml}, console and file, pass messages and stack traces
 * through the code's own masking: a database's error quotes a refused row's BVN, phone or email,
 * and a header from a file may hold terminal escapes or a forged log line.
 */
class LogMaskingTest {

    static List<String> patterns() throws Exception {
        String xml = Files.readString(Path.of("src/main/resources/logback-spring.xml"));
        Matcher matcher = Pattern.compile("<pattern>(.*?)</pattern>").matcher(xml);
        List<String> patterns = new java.util.ArrayList<>();
        while (matcher.find()) {
            patterns.add(matcher.group(1));
        }
        assertThat(patterns).hasSize(2);
        return patterns;
    }

    @ParameterizedTest
    @MethodSource("patterns")
    void everyLongRunOfDigitsIsMaskedInMessagesAndStackTraces(String pattern) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.setPattern(pattern);
        layout.getInstanceConverterMap().put("masked", MaskingConverter::new);
        layout.start();
        Logger logger = context.getLogger("org.onboarding.test");
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, Level.WARN,
                "refused bvn 22100000001 of CUS-12, phone +2348031234567, email ada@example.com, header \u001b[2J"
                        + "x\n12:00:00 forged " + "v".repeat(5_000_000), new IllegalStateException(
                        "ERROR: duplicate key\n  Detail: Key (bvn, email)=(22100000001, ada@example.com) already exists."),
                null);

        String line = layout.doLayout(event);

        assertThat(line).contains("221******01").contains("+23*********67").contains("CUS-12").contains("a***@example.com")
                .contains("\\x1b[2Jx\\n12:00:00 forged")
                .doesNotContain("22100000001").doesNotContain("2348031234567").doesNotContain("ada@example.com")
                .doesNotContain("\u001b");
        assertThat(line.length()).as("a 5 MB value is cut").isLessThan(30_000);
        assertThat(line).as("the pattern's own line break").doesNotContain("%n").contains("characters)\n");
        if (pattern.contains("%ex")) {
            assertThat(line).contains("IllegalStateException");
        }
    }
}
