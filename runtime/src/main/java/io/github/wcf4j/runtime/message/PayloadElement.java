package io.github.wcf4j.runtime.message;

import javax.xml.namespace.QName;

/**
 * A message property: the name of the document element of a message read without an envelope
 * ({@code messageVersion="None"}). Such a message carries no action, so the service chooses the operation by this
 * name (the operation's request element); kept even when the body broke a reader quota ({@link UnreadableBody}), so
 * the operation it was meant for still answers.
 *
 * @param name the element's qualified name, e.g. {@code {http://tempuri.org/}Add}
 */
public record PayloadElement(QName name) {
}
