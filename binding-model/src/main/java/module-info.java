/**
 * The wcf4j binding model: WCF's binding elements and standard bindings as immutable records, with WCF's defaults,
 * ranges and error texts, the binding-stack rules and channel-shape negotiation, and the service/endpoint descriptions
 * that a {@code <system.serviceModel>} section declares. Depends on nothing but {@code java.base}.
 *
 * <p>The module descriptor exists so that the sealed {@link io.github.wcf4j.binding.BindingElement} hierarchy can span
 * one package per concept; consumers may use the jar on the class path or the module path.
 */
module io.github.wcf4j.binding {
    exports io.github.wcf4j.binding;
    exports io.github.wcf4j.binding.transport;
    exports io.github.wcf4j.binding.encoding;
    exports io.github.wcf4j.binding.reliability;
    exports io.github.wcf4j.binding.security;
    exports io.github.wcf4j.binding.oneway;
    exports io.github.wcf4j.binding.duplex;
    exports io.github.wcf4j.binding.transaction;
    exports io.github.wcf4j.binding.standard;
    exports io.github.wcf4j.binding.stack;
    exports io.github.wcf4j.binding.description;
    exports io.github.wcf4j.binding.address;
    exports io.github.wcf4j.binding.credentials;
}
