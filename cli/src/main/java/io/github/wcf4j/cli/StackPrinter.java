package io.github.wcf4j.cli;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.BindingElement;
import io.github.wcf4j.binding.BindingValidationException;
import io.github.wcf4j.binding.UnsupportedBindingElement;
import io.github.wcf4j.binding.stack.ChannelSelection;
import io.github.wcf4j.binding.stack.ChannelShape;
import io.github.wcf4j.binding.stack.ContractShape;
import io.github.wcf4j.binding.stack.ElementSettings;
import io.github.wcf4j.binding.stack.ShapeNegotiator;
import io.github.wcf4j.binding.stack.Side;
import io.github.wcf4j.binding.stack.StackPlan;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Prints one endpoint's binding: the element stack top to bottom with every effective setting (WCF defaults marked), and
 * the channel stack each side builds, layer by layer, as negotiated for the endpoint's contract.
 */
final class StackPrinter {
    private final PrintWriter out;

    StackPrinter(PrintWriter out) {
        this.out = out;
    }

    void print(Binding binding, Optional<ContractShape> contract, String indent) {
        out.println(indent + "binding " + binding.sectionName()
                + (binding.configurationName().isEmpty() ? "" : " \"" + binding.configurationName() + "\"")
                + " (" + binding.wcfName() + ")");
        ElementSettings.of(binding.timeouts()).forEach(s -> out.println(indent + "  " + s));
        List<BindingElement> elements;
        try {
            elements = binding.createBindingElements();
        } catch (BindingValidationException e) {
            out.println(indent + "  error: " + e.getMessage());
            return;
        }
        if (elements.isEmpty()) {
            out.println(indent + "  (wcf4j does not model this binding)");
            return;
        }
        out.println(indent + "elements, top to bottom:");
        for (BindingElement e : elements) {
            out.println(indent + "  " + e.configName() + " (" + e.wcfTypeName() + ")");
            if (!(e instanceof UnsupportedBindingElement)) {
                ElementSettings.of((Record) e).forEach(s -> out.println(indent + "    " + s));
            } else {
                out.println(indent + "    (not supported by wcf4j)");
            }
        }
        if (elements.stream().anyMatch(UnsupportedBindingElement.class::isInstance)) {
            return;
        }
        shapes(binding, contract, Side.SERVICE, indent);
        shapes(binding, contract, Side.CLIENT, indent);
    }

    private void shapes(Binding binding, Optional<ContractShape> contract, Side side, String indent) {
        String title = side == Side.SERVICE ? "service channel listener" : "client channel factory";
        ShapeNegotiator n = ShapeNegotiator.of(binding);
        Set<ChannelShape> buildable = n.buildableShapes(side);
        if (buildable.isEmpty()) {
            out.println(indent + title + ": none (" + ChannelSelection.nothingBuildable(binding)
                    .map(Throwable::getMessage).orElse("no channel shape") + ")");
            return;
        }
        List<ChannelShape> shown;
        if (contract.isPresent()) {
            try {
                ChannelShape chosen = side == Side.SERVICE ? ChannelSelection.selectService(binding, contract.get())
                        : ChannelSelection.selectClient(binding, contract.get());
                shown = List.of(chosen);
                out.println(indent + title + " for contract " + contract.get().name() + ": " + chosen.wcfName());
            } catch (BindingValidationException e) {
                out.println(indent + title + ": error: " + e.getMessage());
                return;
            }
        } else {
            shown = List.copyOf(buildable);
            out.println(indent + title + " (contract not registered; every shape the binding builds): "
                    + String.join(", ", shown.stream().map(ChannelShape::wcfName).toList()));
        }
        for (ChannelShape s : shown) {
            StackPlan plan = n.plan(side, s).orElseThrow();
            if (shown.size() > 1) {
                out.println(indent + "  " + s.wcfName() + ":");
            }
            plan.describe().forEach(line -> out.println(indent + (shown.size() > 1 ? "    " : "  ") + line));
        }
    }
}
