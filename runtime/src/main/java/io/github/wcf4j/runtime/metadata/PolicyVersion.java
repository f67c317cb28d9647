package io.github.wcf4j.runtime.metadata;

/**
 * The WS-Policy version of exported metadata ({@code <serviceMetadata policyVersion>}): WS-Policy 1.2 (WCF's default,
 * {@code Default}/{@code Policy12}) or 1.5 ({@code Policy15}), which also changes how addressing and actions are
 * written.
 */
enum PolicyVersion {
    POLICY12("http://schemas.xmlsoap.org/ws/2004/09/policy"),
    POLICY15("http://www.w3.org/ns/ws-policy");

    private final String namespace;

    PolicyVersion(String namespace) {
        this.namespace = namespace;
    }

    String namespace() {
        return namespace;
    }

    /** The version a {@code policyVersion} attribute value names. */
    static PolicyVersion of(String configured) {
        return "Policy15".equals(configured) ? POLICY15 : POLICY12;
    }
}
