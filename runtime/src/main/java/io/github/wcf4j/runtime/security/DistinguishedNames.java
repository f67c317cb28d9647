package io.github.wcf4j.runtime.security;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

/**
 * A certificate's subject or issuer as Windows renders it, which is what WCF's find values are compared with:
 * {@code X500DistinguishedName.Name} ({@code CN=localhost, O=Contoso, C=US}: most specific first, {@code ", "}
 * between parts, Windows' attribute keys such as {@code S} and {@code E}, values with special characters in double
 * quotes) and CryptoAPI's simple name string (the values alone, in encoded order), in which
 * {@code FindBySubjectName} searches.
 */
final class DistinguishedNames {
    /** Attribute keys the JDK's RFC 2253 form does not name, by OID, with CryptoAPI's keys. */
    private static final Map<String, String> KEYS = Map.ofEntries(Map.entry("1.2.840.113549.1.9.1", "E"),
            Map.entry("2.5.4.12", "T"), Map.entry("2.5.4.42", "G"), Map.entry("2.5.4.43", "I"),
            Map.entry("2.5.4.4", "SN"), Map.entry("2.5.4.5", "SERIALNUMBER"), Map.entry("2.5.4.17", "PostalCode"),
            Map.entry("2.5.4.13", "Description"), Map.entry("2.5.4.46", "dnQualifier"));
    private static final String SPECIAL = ",+=\"\n<>#;";

    private DistinguishedNames() {
    }

    /** One attribute of a name: Windows' key and the value. */
    private record Part(String key, String value) {
    }

    /** {@code X500DistinguishedName.Name}. */
    static String name(X500Principal principal) {
        List<List<Part>> rdns = rdns(principal);
        Collections.reverse(rdns);
        List<String> out = new ArrayList<>();
        for (List<Part> rdn : rdns) {
            out.add(String.join(" + ", rdn.stream().map(p -> p.key() + "=" + quote(p.value())).toList()));
        }
        return String.join(", ", out);
    }

    /** CryptoAPI's {@code CERT_SIMPLE_NAME_STR}: the values, in encoded order. */
    static String simpleName(X500Principal principal) {
        List<String> out = new ArrayList<>();
        for (List<Part> rdn : rdns(principal)) {
            rdn.forEach(p -> out.add(p.value()));
        }
        return String.join(", ", out);
    }

    /** The last common name in the name's most-specific-first order (what .NET's name info reads), if any. */
    static Optional<String> commonName(X500Principal principal) {
        List<List<Part>> rdns = rdns(principal);
        for (int i = rdns.size() - 1; i >= 0; i--) {
            for (Part p : rdns.get(i)) {
                if (p.key().equals("CN")) {
                    return Optional.of(p.value());
                }
            }
        }
        return Optional.empty();
    }

    /** The name's RDNs in encoded order (the JDK's {@link LdapName} order), each with its attributes. */
    private static List<List<Part>> rdns(X500Principal principal) {
        try {
            List<List<Part>> rdns = new ArrayList<>();
            for (Rdn rdn : new LdapName(principal.getName(X500Principal.RFC2253, KEYS)).getRdns()) {
                List<Part> parts = new ArrayList<>();
                NamingEnumeration<? extends Attribute> attributes = rdn.toAttributes().getAll();
                while (attributes.hasMore()) {
                    Attribute a = attributes.next();
                    parts.add(new Part(key(a.getID()), value(a.get())));
                }
                rdns.add(parts);
            }
            return rdns;
        } catch (InvalidNameException e) {
            throw new IllegalArgumentException("unreadable distinguished name " + principal, e);
        } catch (NamingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String key(String type) {
        if (type.equalsIgnoreCase("ST")) {
            return "S";
        }
        return Character.isDigit(type.charAt(0)) ? "OID." + type : type;
    }

    private static String value(Object v) {
        if (v instanceof byte[] der) {
            try {
                Der d = Der.read(der);
                return d.isText() ? d.text() : "#" + HexFormat.of().withUpperCase().formatHex(der);
            } catch (IllegalArgumentException e) {
                return "#" + HexFormat.of().withUpperCase().formatHex(der);
            }
        }
        return String.valueOf(v);
    }

    private static String quote(String value) {
        boolean special = !value.isEmpty() && (value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' ');
        for (int i = 0; i < value.length() && !special; i++) {
            special = SPECIAL.indexOf(value.charAt(i)) >= 0;
        }
        return special ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
