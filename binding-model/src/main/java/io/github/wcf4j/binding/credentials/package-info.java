/**
 * WCF's credentials behaviors: {@link io.github.wcf4j.binding.credentials.ServiceCredentials}
 * ({@code <serviceCredentials>}) and {@link io.github.wcf4j.binding.credentials.ClientCredentials}
 * ({@code <clientCredentials>}), one immutable record per element, each with WCF's defaults for its side.
 *
 * <pre>
 * serviceCredentials                      clientCredentials
 *   serviceCertificate   LocalMachine       clientCertificate    CurrentUser
 *   clientCertificate                       serviceCertificate
 *     certificate        LocalMachine         defaultCertificate CurrentUser
 *     authentication     ChainTrust,          scopedCertificates CurrentUser, per targetUri
 *                        trusted LocalMachine authentication     ChainTrust, trusted CurrentUser
 *   userNameAuthentication  Windows           sslCertificateAuthentication (only when written)
 *   windowsAuthentication                   windows              Identification, allowNtlm
 *   issuedTokenAuthentication               httpDigest           Identification
 *   secureConversationAuthentication        issuedToken
 *   peer                 CurrentUser        peer                 CurrentUser
 * </pre>
 *
 * A certificate is an {@link io.github.wcf4j.binding.credentials.X509CertificateReference} (store location, store name,
 * find type, find value); finding it and validating certificates is the runtime's job.
 */
package io.github.wcf4j.binding.credentials;
