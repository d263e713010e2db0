package org.onboarding.console;

import java.util.ArrayList;
import java.util.List;

/**
 * A horizontal bar chart as the pages draw it in SVG, each bar's length to scale with the largest
 * value: drawn by the server, so that it needs no script and reads as text to a screen reader too.
 *
 * @param bars   in the order given
 * @param height the drawing's height in pixels
 */
record BarChart(List<Bar> bars, int height) {

    static final int ROW = 26;
    static final int LABEL_WIDTH = 190;
    static final int LONGEST = 380;

    /** A value to draw, under its label. */
    record Value(String label, long value) {
    }

    /** A bar: {@code y} its row's top, {@code length} its length in pixels (at least 1 for a value above 0). */
    record Bar(String label, long value, int y, int length) {

        public int textY() {
            return y + 17;
        }

        public int valueX() {
            return LABEL_WIDTH + length + 8;
        }
    }

    static BarChart of(List<Value> values) {
        long largest = values.stream().mapToLong(Value::value).max().orElse(0);
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            Value value = values.get(i);
            int length = largest == 0 ? 0 : (int) Math.max(value.value() > 0 ? 1 : 0, value.value() * LONGEST / largest);
            bars.add(new Bar(value.label(), value.value(), i * ROW, length));
        }
        return new BarChart(bars, Math.max(values.size() * ROW, ROW));
    }

    public int labelWidth() {
        return LABEL_WIDTH;
    }

    public int width() {
        return LABEL_WIDTH + LONGEST + 110;
    }
}
