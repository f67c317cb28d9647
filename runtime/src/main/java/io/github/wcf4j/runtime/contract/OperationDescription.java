package io.github.wcf4j.runtime.contract;

import io.github.wcf4j.binding.WcfText;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.Calendar;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.datatype.XMLGregorianCalendar;
import javax.xml.namespace.QName;

/**
 * One operation of a contract as it appears on the wire: WCF's document/literal wrapped form, the request element
 * {@code {ns}Add} wrapping the parameters and the reply element {@code {ns}AddResponse} wrapping {@code AddResult}.
 *
 * @param method         the contract interface's method
 * @param name           the operation name ({@code Add})
 * @param action         the request action ({@code ns/ICalculator/Add})
 * @param replyAction    the reply action ({@code ns/ICalculator/AddResponse}); unused when one-way
 * @param oneWay         whether the operation has no reply ({@code @Oneway}, WCF {@code IsOneWay})
 * @param requestElement the body element of the request ({@code {ns}Add})
 * @param parameters     the request's parts in signature order ({@code n1}, {@code n2})
 * @param result         the reply's result part ({@code AddResult}), empty for {@code void}
 */
public record OperationDescription(Method method, String name, String action, String replyAction, boolean oneWay,
        QName requestElement, List<Part> parameters, Optional<Part> result) {

    private static final Set<Type> PRIMITIVE_ARRAYS = Set.of(int[].class, long[].class, boolean[].class,
            float[].class, double[].class, BigDecimal[].class, XMLGregorianCalendar[].class, Calendar[].class,
            Date[].class);

    public OperationDescription {
        parameters = List.copyOf(parameters);
        if (parameters.size() > 1 && parameters.stream().anyMatch(Part::isStream)) {
            // WCF's StreamFormatter.ValidateAndGetStreamPart; a Java method has no out parameters, so a stream result
            // is always the response's only part
            throw new IllegalStateException(WcfText.SFxInvalidStreamInRequest.format(name));
        }
    }

    /** Whether the request is a stream: the one parameter is an {@code InputStream} (WCF's {@code Stream}). */
    public boolean streamsRequest() {
        return parameters.size() == 1 && parameters.get(0).isStream();
    }

    /** Whether the reply is a stream: the result is an {@code InputStream}. */
    public boolean streamsReply() {
        return result.map(Part::isStream).orElse(false);
    }

    /** Whether WCF's {@code StreamFormatter} formats the request or the reply (Metro then has no part in it). */
    public boolean isStreamed() {
        return streamsRequest() || streamsReply();
    }

    /**
     * The names of the parameters whose content is {@code base64Binary} ({@code byte[]}): read as bytes, bounded by
     * the reader's {@code maxArrayLength} rather than its {@code maxStringContentLength}.
     */
    public Set<String> base64Parameters() {
        return parameters.stream().filter(p -> p.type() == byte[].class).map(Part::name)
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The names of the parameters that are arrays of the primitives whose item count WCF's serializer bounds by the
     * reader's {@code maxArrayLength} ({@code DataContractSerializer} reads {@code bool}, {@code int}, {@code long},
     * {@code float}, {@code double}, {@code decimal} and {@code DateTime} arrays with {@code ReadArray}): {@code int[]},
     * {@code long[]}, {@code boolean[]}, {@code float[]}, {@code double[]}, {@code BigDecimal[]} and the
     * {@code xs:dateTime} arrays ({@code XMLGregorianCalendar[]}, {@code Calendar[]}, {@code Date[]}).
     */
    public Set<String> primitiveArrayParameters() {
        return parameters.stream().filter(p -> isPrimitiveArray(p.type())).map(Part::name)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Whether {@code type} is one of the arrays {@link #primitiveArrayParameters()} names. */
    public static boolean isPrimitiveArray(Type type) {
        return PRIMITIVE_ARRAYS.contains(type);
    }

    /** The reply's body element ({@code {ns}AddResponse}). */
    public QName replyElement() {
        return new QName(requestElement.getNamespaceURI(), name + "Response");
    }

    /**
     * A part of a wrapped message: its element name (in the contract namespace) and Java type.
     *
     * @param name the element name
     * @param type the parameter's or result's generic type
     */
    public record Part(String name, Type type) {
        /** Whether the part is a stream ({@code java.io.InputStream}, WCF's {@code System.IO.Stream}). */
        public boolean isStream() {
            return type == InputStream.class;
        }
    }
}
