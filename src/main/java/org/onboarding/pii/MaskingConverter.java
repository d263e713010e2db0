package org.onboarding.pii;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.pattern.CompositeConverter;

/**
 * The log patterns' masking, {@code %masked(%msg){message}} and {@code %masked(%ex){trace}}: the same
 * {@link PiiText} the code's messages use. A message is made one line and cut short; a stack trace
 * keeps its line breaks but has every other control character escaped and is cut at 20,000
 * characters, so a 5 MB cell quoted by a database error never fills the log.
 */
public class MaskingConverter extends CompositeConverter<ILoggingEvent> {

    private static final int TRACE_CHARACTERS = 20_000;
    private static final int MESSAGE_CHARACTERS = 4_000;

    @Override
    protected String transform(ILoggingEvent event, String in) {
        if (in == null || in.isEmpty()) {
            return in;
        }
        if (!"trace".equals(getFirstOption())) {
            return PiiText.text(in, MESSAGE_CHARACTERS);
        }
        String[] lines = PiiText.maskIdentities(PiiText.cut(in, TRACE_CHARACTERS)).split("\n", -1);
        StringBuilder trace = new StringBuilder(in.length());
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            trace.append(PiiText.escape(line.replace("\t", "    ")));
            if (i < lines.length - 1) {
                trace.append('\n');
            }
        }
        return trace.toString();
    }
}
