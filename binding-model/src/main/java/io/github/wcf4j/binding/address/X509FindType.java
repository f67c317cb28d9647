package io.github.wcf4j.binding.address;

/**
 * How a {@code <certificateReference>}'s {@code findValue} is matched (.NET {@code X509Certificates.X509FindType}), in
 * .NET's order.
 */
public enum X509FindType {
    FindByThumbprint, FindBySubjectName, FindBySubjectDistinguishedName, FindByIssuerName,
    FindByIssuerDistinguishedName, FindBySerialNumber, FindByTimeValid, FindByTimeNotYetValid, FindByTimeExpired,
    FindByTemplateName, FindByApplicationPolicy, FindByCertificatePolicy, FindByExtension, FindByKeyUsage,
    FindBySubjectKeyIdentifier
}
