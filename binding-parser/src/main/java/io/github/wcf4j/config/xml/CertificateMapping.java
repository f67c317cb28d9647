package io.github.wcf4j.config.xml;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.address.StoreLocation;
import io.github.wcf4j.binding.address.StoreName;
import io.github.wcf4j.binding.address.X509FindType;
import io.github.wcf4j.binding.credentials.X509CertificateReference;
import io.github.wcf4j.binding.credentials.X509CertificateValidation;
import io.github.wcf4j.binding.credentials.X509CertificateValidationMode;
import io.github.wcf4j.binding.credentials.X509RevocationMode;
import io.github.wcf4j.config.read.ChildXml;
import io.github.wcf4j.config.read.ConfigContext;
import io.github.wcf4j.config.read.LocatedXml;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The parts the credentials behaviors share: a certificate reference, a certificate validation, and WCF's
 * add/remove/clear collections of them (System.Configuration's rules: a second {@code add} with the same key and the
 * same values replaces the first silently, with other values it is "The entry 'k' has already been added.").
 */
final class CertificateMapping {
    private CertificateMapping() {
    }

    /**
     * A certificate element: present (with {@code location} as the side's default store location) when the element
     * has any of its four attributes, as WCF calls {@code SetCertificate} only then. Its values are checked either way.
     */
    static Optional<X509CertificateReference> certificate(CertificateXml x, StoreLocation location, ConfigContext ctx) {
        if (x == null) {
            return Optional.empty();
        }
        X509CertificateReference reference = reference(x, location, ctx);
        return x.written() ? Optional.of(ctx.located(reference, x)) : Optional.empty();
    }

    /** The element's four attributes over WCF's defaults for {@code location}'s side. */
    static X509CertificateReference reference(CertificateXml x, StoreLocation location, ConfigContext ctx) {
        X509CertificateReference d = X509CertificateReference.defaults(location);
        return new X509CertificateReference(
                ctx.enumValue(x, "storeLocation", x.storeLocation, StoreLocation.class, d.storeLocation()),
                ctx.enumValue(x, "storeName", x.storeName, StoreName.class, d.storeName()),
                ctx.enumValue(x, "x509FindType", x.x509FindType, X509FindType.class, d.x509FindType()),
                ctx.string(x, "findValue", x.findValue, 0, d.findValue()));
    }

    /** An {@code <authentication>}-like element over the side's defaults {@code d}. */
    static X509CertificateValidation validation(CertificateXml.ValidationXml x, X509CertificateValidation d,
            ConfigContext ctx) {
        if (x == null) {
            return d;
        }
        return new X509CertificateValidation(
                ctx.enumValue(x, "certificateValidationMode", x.certificateValidationMode,
                        X509CertificateValidationMode.class, d.certificateValidationMode()),
                ctx.enumValue(x, "revocationMode", x.revocationMode, X509RevocationMode.class, d.revocationMode()),
                ctx.enumValue(x, "trustedStoreLocation", x.trustedStoreLocation, StoreLocation.class,
                        d.trustedStoreLocation()),
                ctx.string(x, "customCertificateValidatorType", x.customCertificateValidatorType, 0,
                        d.customCertificateValidatorType()));
    }

    /**
     * An add/remove/clear collection read into {@code items} by key: {@code add} is read by {@code read} (empty when an
     * error was reported), {@code remove} names its key through {@code removedKey}.
     *
     * @param <A> the {@code add} DTO
     * @param <R> the {@code remove} DTO
     * @param <V> the model value
     */
    static <A extends LocatedXml, R extends LocatedXml, V> List<V> collection(List<ChildXml> children,
            Class<A> addType, Function<A, Optional<Map.Entry<String, V>>> read, Class<R> removeType,
            Function<R, Optional<String>> removedKey, ConfigContext ctx) {
        Map<String, V> items = new LinkedHashMap<>();
        for (ChildXml c : children) {
            if (c.value().isEmpty()) {
                ctx.error(c.location(), WcfText.Config_base_unrecognized_element_name, c.name());
            } else if (c.value().get() instanceof CollectionItemXml.Clear) {
                items.clear();
            } else if (removeType.isInstance(c.value().get())) {
                removedKey.apply(c.as(removeType)).ifPresent(items::remove);
            } else {
                A add = c.as(addType);
                read.apply(add).ifPresent(entry -> put(items, entry, add, ctx));
            }
        }
        return List.copyOf(items.values());
    }

    /** {@code <add>} items only (a BasicMap such as {@code allowedAudienceUris}). */
    static <A extends LocatedXml, V> List<V> addOnly(List<ChildXml> children, Class<A> addType,
            Function<A, Optional<Map.Entry<String, V>>> read, ConfigContext ctx) {
        Map<String, V> items = new LinkedHashMap<>();
        for (ChildXml c : children) {
            if (c.value().isEmpty()) {
                ctx.error(c.location(), WcfText.Config_base_unrecognized_element_name, c.name());
            } else {
                A add = c.as(addType);
                read.apply(add).ifPresent(entry -> put(items, entry, add, ctx));
            }
        }
        return List.copyOf(items.values());
    }

    private static <V> void put(Map<String, V> items, Map.Entry<String, V> entry, LocatedXml at, ConfigContext ctx) {
        V existing = items.get(entry.getKey());
        if (existing != null && !existing.equals(entry.getValue())) {
            ctx.error(at, WcfText.Config_base_collection_entry_already_exists, entry.getKey());
            return;
        }
        items.put(entry.getKey(), ctx.located(entry.getValue(), at));
    }
}
