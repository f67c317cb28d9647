package io.github.wcf4j.binding.credentials;

/** When an issued SAML token's audience must be one of the allowed URIs (WCF {@code AudienceUriMode}), .NET's order. */
public enum AudienceUriMode {
    Never, Always, BearerKeyOnly
}
