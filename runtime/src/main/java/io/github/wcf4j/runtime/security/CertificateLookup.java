package io.github.wcf4j.runtime.security;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.address.StoreLocation;
import io.github.wcf4j.binding.address.StoreName;
import io.github.wcf4j.binding.address.X509FindType;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.Predicate;

/**
 * WCF's certificate lookup ({@code SecurityUtils.GetCertificateFromStore}): a search of one store by
 * {@code x509FindType} and {@code findValue} ({@link CertificateFind}) that must find exactly one certificate, with
 * WCF's texts otherwise. This is how a configuration's {@code serviceCertificate}, {@code clientCertificate},
 * {@code defaultCertificate} and {@code scopedCertificates} are found; {@link #findAll} is the plain search
 * ({@code X509Store.Find}) that {@code <certificateReference>} takes the first hit of. Thread-safe.
 *
 * <pre>{@code
 * StoredCertificate service = new CertificateLookup(CertificateStores.fromEnvironment()).find(
 *         StoreLocation.LocalMachine, StoreName.My, X509FindType.FindBySubjectName, "localhost");
 * }</pre>
 */
public final class CertificateLookup {
    private final CertificateStores stores;

    public CertificateLookup(CertificateStores stores) {
        this.stores = stores;
    }

    /** Every certificate of the store the search selects, expired ones included, in store order. */
    public List<StoredCertificate> findAll(StoreLocation location, StoreName name, X509FindType findType,
            String findValue) {
        Predicate<X509Certificate> selects = CertificateFind.of(findType, findValue);
        return stores.open(location, name).stream().filter(c -> selects.test(c.certificate())).toList();
    }

    /**
     * The one certificate the search selects.
     *
     * @throws IllegalStateException WCF's {@code CannotFindCert} or {@code FoundMultipleCerts} (an
     *                               {@code InvalidOperationException} in WCF)
     */
    public StoredCertificate find(StoreLocation location, StoreName name, X509FindType findType, String findValue) {
        return find(location, name, findType, findValue, null);
    }

    /**
     * As {@link #find(StoreLocation, StoreName, X509FindType, String)} for the certificate of one target service
     * ({@code scopedCertificates}): the texts name {@code target} ({@code null}: none).
     */
    public StoredCertificate find(StoreLocation location, StoreName name, X509FindType findType, String findValue,
            URI target) {
        List<StoredCertificate> found = findAll(location, name, findType, findValue);
        if (found.size() == 1) {
            return found.get(0);
        }
        WcfText text = found.isEmpty()
                ? target == null ? WcfText.CannotFindCert : WcfText.CannotFindCertForTarget
                : target == null ? WcfText.FoundMultipleCerts : WcfText.FoundMultipleCertsForTarget;
        throw new IllegalStateException(text.format(name, location, findType, findValue, target));
    }
}
