package org.gatewaypower.workspace;

/** Rules for text every module applies to what users submit (names, descriptions). */
public final class TextRules {

    private TextRules() {
    }

    /**
     * The first character a text must not hold, as U+XXXX, or null: control characters (tab and line
     * breaks only where the text may span lines) and halves of surrogate pairs without their other half.
     */
    public static String unprintable(String v, boolean multiLine) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            boolean pairedHigh = Character.isHighSurrogate(c) && i + 1 < v.length()
                    && Character.isLowSurrogate(v.charAt(i + 1));
            if (pairedHigh) {
                i++;
                continue;
            }
            boolean allowed = multiLine && (c == '\t' || c == '\n' || c == '\r');
            if ((Character.isISOControl(c) && !allowed) || Character.isSurrogate(c)) {
                return String.format("U+%04X", (int) c);
            }
        }
        return null;
    }
}
