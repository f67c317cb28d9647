package io.github.wcf4j.runtime.metadata;

import java.lang.reflect.Type;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import javax.xml.datatype.XMLGregorianCalendar;
import javax.xml.namespace.QName;

/**
 * How WCF's DataContractSerializer schema names a parameter's type (wcf-metadata.md §2): the XSD built-ins for
 * primitives and strings, the Microsoft Serialization schema's {@code char}, {@code guid} and {@code duration}, and
 * {@code nillable} for reference types (a Java primitive is a .NET value type; a boxed one is {@code Nullable<T>}).
 */
final class DataContractTypes {
    static final String XS = "http://www.w3.org/2001/XMLSchema";
    static final String SERIALIZATION = "http://schemas.microsoft.com/2003/10/Serialization/";
    /** WCF's generic message schema namespace, where its {@code StreamBody} type lives. */
    static final String MESSAGE = "http://schemas.microsoft.com/Message";
    /** A stream part's type (WCF's {@code MessageContractExporter.ExportStreamBody}). */
    static final XsdType STREAM_BODY = new XsdType(new QName(MESSAGE, "StreamBody"), false);

    /** A part's XSD type and whether it may be nil. */
    record XsdType(QName type, boolean nillable) {
        boolean serialization() {
            return type.getNamespaceURI().equals(SERIALIZATION);
        }

        /** A stream part: required, not nillable, of WCF's {@code StreamBody} (base64). */
        boolean stream() {
            return equals(STREAM_BODY);
        }
    }

    private static final Map<Class<?>, XsdType> TYPES = Map.ofEntries(
            Map.entry(double.class, xs("double", false)), Map.entry(Double.class, xs("double", true)),
            Map.entry(float.class, xs("float", false)), Map.entry(Float.class, xs("float", true)),
            Map.entry(int.class, xs("int", false)), Map.entry(Integer.class, xs("int", true)),
            Map.entry(long.class, xs("long", false)), Map.entry(Long.class, xs("long", true)),
            Map.entry(short.class, xs("short", false)), Map.entry(Short.class, xs("short", true)),
            Map.entry(byte.class, xs("byte", false)), Map.entry(Byte.class, xs("byte", true)),
            Map.entry(boolean.class, xs("boolean", false)), Map.entry(Boolean.class, xs("boolean", true)),
            Map.entry(char.class, ser("char", false)), Map.entry(Character.class, ser("char", true)),
            Map.entry(String.class, xs("string", true)),
            Map.entry(byte[].class, xs("base64Binary", true)),
            Map.entry(BigDecimal.class, xs("decimal", true)),
            Map.entry(BigInteger.class, xs("integer", true)),
            Map.entry(URI.class, xs("anyURI", true)),
            Map.entry(UUID.class, ser("guid", true)),
            Map.entry(Duration.class, ser("duration", true)),
            Map.entry(Instant.class, xs("dateTime", true)),
            Map.entry(OffsetDateTime.class, xs("dateTime", true)),
            Map.entry(LocalDateTime.class, xs("dateTime", true)),
            Map.entry(XMLGregorianCalendar.class, xs("dateTime", true)),
            Map.entry(QName.class, xs("QName", true)));

    private DataContractTypes() {
    }

    private static XsdType xs(String local, boolean nillable) {
        return new XsdType(new QName(XS, local), nillable);
    }

    private static XsdType ser(String local, boolean nillable) {
        return new XsdType(new QName(SERIALIZATION, local), nillable);
    }

    /**
     * The XSD type of {@code type}.
     *
     * @throws MetadataException for a type WCF metadata cannot be generated for yet (data contracts)
     */
    static XsdType of(Type type, String where) {
        if (type == InputStream.class) {
            return STREAM_BODY;
        }
        XsdType t = type instanceof Class ? TYPES.get(type) : null;
        if (t == null) {
            throw new MetadataException("Metadata cannot describe " + where + " of type " + type.getTypeName()
                    + ": wcf4j publishes WSDL for primitive, string, binary, date, duration, guid and URI parameters;"
                    + " data contracts are not exported yet.");
        }
        return t;
    }
}
