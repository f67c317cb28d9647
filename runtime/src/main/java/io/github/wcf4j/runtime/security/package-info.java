/**
 * Certificates and identities as WCF finds and checks them: the certificate stores a {@code (StoreLocation,
 * StoreName)} names, as folders of certificate files or mapped to keystores
 * ({@link io.github.wcf4j.runtime.security.CertificateStores}); WCF's lookup in them
 * ({@link io.github.wcf4j.runtime.security.CertificateLookup}, one predicate per {@code X509FindType} in
 * {@link io.github.wcf4j.runtime.security.CertificateFind}); the claims a certificate proves
 * ({@link io.github.wcf4j.runtime.security.CertificateClaims}) and the check of an endpoint's {@code <identity>}
 * against them ({@link io.github.wcf4j.runtime.security.IdentityVerifier}); and what an HTTPS client makes of an
 * {@code <identity>} ({@link io.github.wcf4j.runtime.security.HttpsServerIdentity}).
 */
package io.github.wcf4j.runtime.security;
