package io.github.wcf4j.runtime.security.message;

import javax.xml.namespace.QName;

/**
 * The WS-Security 1.0/1.1 names of the security header as WCF writes them (reference source {@code XD.cs}
 * {@code SecurityJan2004Dictionary}, {@code UtilityDictionary}, {@code XmlSignatureDictionary}): prefixes {@code o}
 * (wsse), {@code u} (wsu, declared on the envelope) and the default namespace for XML Signature.
 */
final class WsSecurityNames {
    static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    static final String WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    static final String WSSE_PREFIX = "o";
    static final String WSU_PREFIX = "u";

    static final QName SECURITY = new QName(WSSE, "Security", WSSE_PREFIX);
    static final String TIMESTAMP = "Timestamp";
    static final String USERNAME_TOKEN = "UsernameToken";
    static final String BINARY_SECURITY_TOKEN = "BinarySecurityToken";
    static final String SIGNATURE = "Signature";

    static final String PASSWORD_TEXT =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText";
    static final String X509V3 = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-x509-token-profile-1.0#X509v3";
    static final String BASE64_BINARY =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary";
    static final String THUMBPRINT_SHA1 =
            "http://docs.oasis-open.org/wss/oasis-wss-soap-message-security-1.1#ThumbprintSHA1";
    static final String EXC_C14N = "http://www.w3.org/2001/10/xml-exc-c14n#";
    /** WS-Security 1.1's secext namespace ({@code k:TokenType}, {@code k:SignatureConfirmation}). */
    static final String WSSE11 = "http://docs.oasis-open.org/wss/oasis-wss-wssecurity-secext-1.1.xsd";
    static final String WSSE11_PREFIX = "k";
    static final String ENCRYPTED_KEY_TOKEN =
            "http://docs.oasis-open.org/wss/oasis-wss-soap-message-security-1.1#EncryptedKey";
    static final String ENCRYPTED_KEY_SHA1 =
            "http://docs.oasis-open.org/wss/oasis-wss-soap-message-security-1.1#EncryptedKeySHA1";
    static final String XENC = "http://www.w3.org/2001/04/xmlenc#";
    static final String XENC_PREFIX = "e";
    /** WS-SecureConversation February 2005 and 1.3 ({@code c:DerivedKeyToken}). */
    static final String SC_FEB2005 = "http://schemas.xmlsoap.org/ws/2005/02/sc";
    static final String SC_13 = "http://docs.oasis-open.org/ws-sx/ws-secureconversation/200512";
    static final String SC_PREFIX = "c";

    /** Fault subcodes (WCF {@code SecurityVersion.InvalidSecurityFaultCode} and friends), in the wsse namespace. */
    static final QName INVALID_SECURITY = new QName(WSSE, "InvalidSecurity");
    static final QName FAILED_AUTHENTICATION = new QName(WSSE, "FailedAuthentication");

    private WsSecurityNames() {
    }
}
