package io.github.wcf4j.config.xml;

import java.util.List;

/** The .NET enum names each standard-binding security attribute accepts, in WCF's value order. */
final class SecurityEnums {
    static final List<String> BASIC_HTTP_SECURITY_MODE = List.of("None", "Transport", "Message",
            "TransportWithMessageCredential", "TransportCredentialOnly");
    static final List<String> BASIC_HTTPS_SECURITY_MODE = List.of("Transport", "TransportWithMessageCredential");
    static final List<String> SECURITY_MODE = List.of("None", "Transport", "Message", "TransportWithMessageCredential");
    static final List<String> WS_DUAL_HTTP_SECURITY_MODE = List.of("None", "Message");
    static final List<String> HTTP_CLIENT_CREDENTIAL_TYPE = List.of("None", "Basic", "Digest", "Ntlm", "Windows",
            "Certificate", "InheritedFromHost");
    static final List<String> HTTP_PROXY_CREDENTIAL_TYPE = List.of("None", "Basic", "Digest", "Ntlm", "Windows");
    static final List<String> TCP_CLIENT_CREDENTIAL_TYPE = List.of("None", "Windows", "Certificate");
    static final List<String> MESSAGE_CREDENTIAL_TYPE = List.of("None", "Windows", "UserName", "Certificate",
            "IssuedToken");
    static final List<String> BASIC_HTTP_MESSAGE_CREDENTIAL_TYPE = List.of("UserName", "Certificate");

    private SecurityEnums() {
    }
}
