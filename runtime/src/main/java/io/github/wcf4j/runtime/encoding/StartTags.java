package io.github.wcf4j.runtime.encoding;

/** Positions inside XML start tags, for capturing elements verbatim from the text they were parsed from. */
final class StartTags {
    private StartTags() {
    }

    /** The index just past the element name of the start tag at {@code lt} (which holds {@code '<'}). */
    static int nameEnd(String xml, int lt) {
        int i = lt + 1;
        while (i < xml.length()) {
            char c = xml.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '/' || c == '>') {
                return i;
            }
            i++;
        }
        return i;
    }

    /** The index just past the {@code '>'} that ends the start tag at {@code lt}, honouring quoted attribute values. */
    static int tagEnd(String xml, int lt) {
        char quote = 0;
        for (int i = lt + 1; i < xml.length(); i++) {
            char c = xml.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i + 1;
            }
        }
        return xml.length();
    }
}
