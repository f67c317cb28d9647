package io.github.wcf4j.runtime.encoding;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UnsupportedEncodingException;
import java.io.Writer;
import org.codehaus.stax2.io.EscapingWriterFactory;

/**
 * Escapes element text as WCF's XML writer does: {@code <}, {@code >} and {@code &} (Woodstox alone leaves {@code >}
 * as is, which is valid XML but not byte-identical to WCF, e.g. in the {@code <serviceDebug>} of its fault text).
 */
final class TextEscaper implements EscapingWriterFactory {

    @Override
    public Writer createEscapingWriterFor(Writer w, String enc) {
        return new FilterWriter(w) {
            @Override
            public void write(int c) throws IOException {
                switch (c) {
                    case '<': out.write("&lt;"); break;
                    case '>': out.write("&gt;"); break;
                    case '&': out.write("&amp;"); break;
                    default: out.write(c);
                }
            }

            @Override
            public void write(char[] cbuf, int off, int len) throws IOException {
                int start = off;
                int end = off + len;
                for (int i = off; i < end; i++) {
                    char c = cbuf[i];
                    if (c == '<' || c == '>' || c == '&') {
                        out.write(cbuf, start, i - start);
                        write(c);
                        start = i + 1;
                    }
                }
                out.write(cbuf, start, end - start);
            }

            @Override
            public void write(String str, int off, int len) throws IOException {
                write(str.toCharArray(), off, len);
            }
        };
    }

    @Override
    public Writer createEscapingWriterFor(OutputStream out, String enc) throws UnsupportedEncodingException {
        return createEscapingWriterFor(new OutputStreamWriter(out, enc), enc);
    }
}
