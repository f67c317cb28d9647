package io.github.wcf4j.cli;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * The Java package a porting team expects for a WCF namespace, as {@code wcf4j contract} maps them:
 *
 * <ul>
 *   <li>a data contract's default namespace, {@code http://schemas.datacontract.org/2004/07/Contoso.Orders}, is the
 *       .NET namespace it came from: {@code contoso.orders};</li>
 *   <li>a namespace written as a .NET namespace in a URI ({@code http://Microsoft.ServiceModel.Samples}, a host whose
 *       first letter is upper case) keeps its order: {@code microsoft.servicemodel.samples};</li>
 *   <li>any other {@code http} namespace maps as JAXB maps it, the host reversed: {@code http://tempuri.org/} is
 *       {@code org.tempuri}, {@code http://contoso.com/orders/2024} {@code com.contoso.orders._2024};</li>
 *   <li>WCF's own serialization namespace ({@code http://schemas.microsoft.com/2003/10/Serialization/}) and
 *       {@code urn:} namespaces are left to wsimport.</li>
 * </ul>
 */
final class NamespacePackages {
    static final String DATA_CONTRACT = "http://schemas.datacontract.org/2004/07/";
    private static final Set<String> WCF_OWN = Set.of("http://schemas.microsoft.com/2003/10/Serialization/",
            "http://schemas.microsoft.com/2003/10/Serialization/Arrays");

    private NamespacePackages() {
    }

    /** The package for {@code namespace}, if {@code wcf4j contract} chooses one. */
    static Optional<String> of(String namespace) {
        if (WCF_OWN.contains(namespace)) {
            return Optional.empty();
        }
        if (namespace.startsWith(DATA_CONTRACT) && namespace.length() > DATA_CONTRACT.length()) {
            return Optional.of(join(List.of(namespace.substring(DATA_CONTRACT.length()).split("[./]"))));
        }
        URI uri;
        try {
            uri = URI.create(namespace);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (uri.getHost() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>(List.of(uri.getHost().split("\\.")));
        if (!dotNetNamespace(uri.getHost())) {
            Collections.reverse(parts);
            if (parts.get(parts.size() - 1).equals("www")) {
                parts.remove(parts.size() - 1);
            }
        }
        if (uri.getPath() != null) {
            for (String segment : uri.getPath().split("/")) {
                if (!segment.isEmpty()) {
                    parts.add(segment.replaceFirst("\\.(xsd|wsdl)$", ""));
                }
            }
        }
        return Optional.of(join(parts));
    }

    /** The .NET namespace a contract's WSDL namespace names, when it is written as one (see the class comment). */
    static Optional<String> dotNetNamespaceOf(String namespace) {
        if (namespace.startsWith(DATA_CONTRACT)) {
            return Optional.of(namespace.substring(DATA_CONTRACT.length()));
        }
        try {
            URI uri = URI.create(namespace);
            return uri.getHost() != null && dotNetNamespace(uri.getHost()) && (uri.getPath() == null
                    || uri.getPath().isEmpty() || uri.getPath().equals("/")) ? Optional.of(uri.getHost())
                    : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean dotNetNamespace(String host) {
        return Character.isUpperCase(host.charAt(0));
    }

    private static String join(List<String> parts) {
        List<String> names = new ArrayList<>();
        for (String p : parts) {
            if (p.isEmpty()) {
                continue;
            }
            StringBuilder b = new StringBuilder();
            for (char c : p.toLowerCase(Locale.ROOT).toCharArray()) {
                b.append(Character.isJavaIdentifierPart(c) ? c : '_');
            }
            String name = b.toString();
            if (!Character.isJavaIdentifierStart(name.charAt(0)) || SourceVersion.isKeyword(name)) {
                name = "_" + name;
            }
            names.add(name);
        }
        return String.join(".", names);
    }
}
