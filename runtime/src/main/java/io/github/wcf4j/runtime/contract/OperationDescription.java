package io.github.wcf4j.runtime.contract;

import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
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

    public OperationDescription {
        parameters = List.copyOf(parameters);
    }

    /**
     * The names of the parameters whose content is {@code base64Binary} ({@code byte[]}): read as bytes, bounded by
     * the reader's {@code maxArrayLength} rather than its {@code maxStringContentLength}.
     */
    public Set<String> base64Parameters() {
        return parameters.stream().filter(p -> p.type() == byte[].class).map(Part::name)
                .collect(Collectors.toUnmodifiableSet());
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
    }
}
