package io.github.wcf4j.binding.stack;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.BindingValidationException;
import io.github.wcf4j.binding.WcfText;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Matches a contract's channel requirements against what a binding can build, choosing the shape WCF would choose or
 * failing with WCF's error (reference source {@code ServiceChannelFactory.BuildChannelFactory},
 * {@code DispatcherBuilder.BuildChannelListener}, {@code ChannelRequirements.BindingContractMismatchException}).
 */
public final class ChannelSelection {
    private ChannelSelection() {
    }

    /**
     * The client channel shape WCF picks for {@code contract} over {@code binding}: the first required type the binding
     * builds; failing that, for a datagram type, its session variant.
     *
     * @throws BindingValidationException with WCF's mismatch text when none fits
     */
    public static ChannelShape selectClient(Binding binding, ContractShape contract) {
        ShapeNegotiator n = ShapeNegotiator.of(binding);
        Set<ChannelShape> buildable = n.buildableShapes(Side.CLIENT);
        List<ChannelShape> required = contract.requiredClientShapes();
        for (ChannelShape s : required) {
            if (buildable.contains(s)) {
                return s;
            }
        }
        for (ChannelShape s : required) {
            if (s == ChannelShape.OUTPUT && buildable.contains(ChannelShape.OUTPUT_SESSION)) {
                return ChannelShape.OUTPUT_SESSION;
            }
            if (s == ChannelShape.REQUEST && buildable.contains(ChannelShape.REQUEST_SESSION)) {
                return ChannelShape.REQUEST_SESSION;
            }
        }
        throw mismatch(buildable, required, binding.wcfName(), Side.CLIENT);
    }

    /**
     * The listener shape WCF's dispatcher picks for {@code contract} over {@code binding}.
     *
     * @throws BindingValidationException with WCF's mismatch text when none fits
     */
    public static ChannelShape selectService(Binding binding, ContractShape contract) {
        Set<ChannelShape> buildable = ShapeNegotiator.of(binding).buildableShapes(Side.SERVICE);
        List<ChannelShape> required = contract.requiredServiceShapes();
        for (ChannelShape s : required) {
            if (buildable.contains(s)) {
                return s;
            }
        }
        throw mismatch(buildable, required, binding.wcfName(), Side.SERVICE);
    }

    /** WCF's error when a binding builds nothing at all, without reference to a contract. */
    public static Optional<BindingValidationException> nothingBuildable(Binding binding) {
        ShapeNegotiator n = ShapeNegotiator.of(binding);
        if (n.buildableShapes(Side.CLIENT).isEmpty() && n.buildableShapes(Side.SERVICE).isEmpty()) {
            return Optional.of(new BindingValidationException(WcfText.BindingDoesnTSupportAnyChannelTypes1, null,
                    binding.wcfName()));
        }
        return Optional.empty();
    }

    /** {@code ChannelRequirements.BindingContractMismatchException}, then the generic fallback text. */
    static BindingValidationException mismatch(Collection<ChannelShape> supported, List<ChannelShape> required,
            String bindingName, Side side) {
        boolean reqOneWay = required.stream().allMatch(ChannelShape::isOneWay);
        boolean reqRequestReply = required.stream().allMatch(ChannelShape::isRequestReply);
        boolean reqDuplex = required.stream().allMatch(ChannelShape::isDuplex);
        boolean reqTwoWay = required.stream().allMatch(s -> s.isRequestReply() || s.isDuplex());
        boolean reqSession = required.stream().allMatch(ChannelShape::isSessionful);
        boolean reqDatagram = required.stream().noneMatch(ChannelShape::isSessionful);
        boolean supOneWay = supported.stream().anyMatch(ChannelShape::isOneWay);
        boolean supRequestReply = supported.stream().anyMatch(ChannelShape::isRequestReply);
        boolean supDuplex = supported.stream().anyMatch(ChannelShape::isDuplex);
        boolean supSession = supported.stream().anyMatch(ChannelShape::isSessionful);
        boolean supDatagram = supported.stream().anyMatch(s -> !s.isSessionful());
        if (supported.isEmpty()) {
            return new BindingValidationException(WcfText.BindingDoesnTSupportAnyChannelTypes1, null, bindingName);
        }
        if (reqSession && !supSession) {
            return new BindingValidationException(WcfText.BindingDoesnTSupportSessionButContractRequires1, null,
                    bindingName);
        }
        if (reqDatagram && !supDatagram) {
            return new BindingValidationException(WcfText.BindingDoesntSupportDatagramButContractRequires, null,
                    bindingName);
        }
        if (reqDuplex && !supDuplex) {
            return new BindingValidationException(WcfText.BindingDoesnTSupportDuplexButContractRequires1, null,
                    bindingName);
        }
        if (reqRequestReply && !supRequestReply) {
            return new BindingValidationException(WcfText.BindingDoesnTSupportRequestReplyButContract1, null,
                    bindingName);
        }
        if (reqOneWay && !supOneWay) {
            return new BindingValidationException(WcfText.BindingDoesnTSupportOneWayButContractRequires1, null,
                    bindingName);
        }
        if (reqTwoWay && !supRequestReply && !supDuplex) {
            return new BindingValidationException(WcfText.BindingDoesnTSupportTwoWayButContractRequires1, null,
                    bindingName);
        }
        String requiredNames = names(required);
        if (side == Side.CLIENT) {
            return new BindingValidationException(WcfText.CouldnTCreateChannelForType2, null, bindingName,
                    requiredNames);
        }
        return new BindingValidationException(WcfText.EndpointListenerRequirementsCannotBeMetBy3, null, bindingName,
                requiredNames, names(supported));
    }

    private static String names(Collection<ChannelShape> shapes) {
        return shapes.stream().map(ChannelShape::wcfName).collect(Collectors.joining(", "));
    }
}
