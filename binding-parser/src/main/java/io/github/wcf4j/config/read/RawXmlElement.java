package io.github.wcf4j.config.read;

/**
 * A configuration element whose children are arbitrary XML that the configuration keeps verbatim instead of
 * interpreting, such as an endpoint's {@code <headers>}. The reader records its content while Jackson reads the document
 * ({@link RawXmlRecorder}) and hands it to the DTO; Jackson never deserializes the children.
 */
public abstract class RawXmlElement extends LocatedXml {
    private RawContent content = RawContent.empty();

    /** The element's content as written. */
    public RawContent content() {
        return content;
    }

    void content(RawContent recorded) {
        this.content = recorded;
    }
}
