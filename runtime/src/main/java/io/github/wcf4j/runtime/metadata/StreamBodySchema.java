package io.github.wcf4j.runtime.metadata;

/**
 * WCF's generic message schema ({@code http://schemas.microsoft.com/Message}) as a service with stream operations
 * publishes it: the one type {@code StreamBody}, base64 binary, that every stream part is declared with
 * ({@code MessageContractExporter.ExportStreamBody}).
 */
final class StreamBodySchema {
    static final String XML = "<xs:schema elementFormDefault=\"qualified\""
            + " targetNamespace=\"http://schemas.microsoft.com/Message\""
            + " xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" xmlns:tns=\"http://schemas.microsoft.com/Message\">"
            + "<xs:simpleType name=\"StreamBody\"><xs:restriction base=\"xs:base64Binary\"/></xs:simpleType>"
            + "</xs:schema>";

    private StreamBodySchema() {
    }
}
