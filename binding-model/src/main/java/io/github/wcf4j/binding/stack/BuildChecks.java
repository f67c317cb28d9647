package io.github.wcf4j.binding.stack;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.BindingElement;
import io.github.wcf4j.binding.BindingValidationException;
import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.duplex.CompositeDuplexBindingElement;
import io.github.wcf4j.binding.encoding.AddressingVersion;
import io.github.wcf4j.binding.encoding.EnvelopeVersion;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.binding.reliability.ReliableSessionBindingElement;
import io.github.wcf4j.binding.security.AuthenticationMode;
import io.github.wcf4j.binding.security.SecurityBindingElement;
import io.github.wcf4j.binding.transport.AuthenticationScheme;
import io.github.wcf4j.binding.transport.HttpTransportBindingElement;
import io.github.wcf4j.binding.transport.HttpsTransportBindingElement;
import io.github.wcf4j.binding.transport.TcpTransportBindingElement;
import io.github.wcf4j.binding.transport.TransferMode;
import io.github.wcf4j.binding.transport.TransportBindingElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * The checks WCF's elements make while a channel factory or listener is built, each with WCF's text, as a table of rules
 * applied top to bottom in WCF's order:
 * <ol>
 *   <li>reliable session ({@code ReliableSessionBindingElement.VerifyTransportMode} and the addressing check): no manual
 *       addressing, buffered transfer, a WS-Addressing message version;</li>
 *   <li>message security without an envelope ({@code messageVersion="None"}): WCF fails on the first message,
 *       when the security header is added ({@code MessageHeaders.ValidateHeaderKind}); so does {@code compositeDuplex}
 *       without WS-Addressing, when the {@code ReplyTo} of the back channel is set. wcf4j reports both with WCF's
 *       texts when the stack is built, since neither can ever carry a message;</li>
 *   <li>a stream upgrade ({@code sslStreamSecurity}, {@code windowsStreamSecurity}) is consumed only by a
 *       connection-oriented transport; over HTTP it is never built ({@code BindingContext.ValidateBindingElementsConsumed});</li>
 *   <li>HTTP buffer sizes ({@code HttpChannelFactory}/{@code HttpChannelListener} constructors);</li>
 *   <li>HTTP client authentication: exactly one scheme, not {@code None};</li>
 *   <li>HTTP client proxy: an explicit {@code proxyAddress} only with {@code useDefaultWebProxy="false"}
 *       ({@code HttpChannelFactory}'s constructor; a {@code compositeDuplex} service builds one for its back
 *       channel).</li>
 *   <li>a service's transport security element ({@code *OverTransport}) needs a transport that protects messages
 *       (HTTPS, or TCP with a stream upgrade) unless {@code allowInsecureTransport} (WCF's
 *       {@code SecurityValidationBehavior}, when the service opens; a client does not check it).</li>
 * </ol>
 */
public final class BuildChecks {
    private static final List<BiFunction<Binding, Side, Optional<BindingValidationException>>> RULES = List.of(
            BuildChecks::reliableSessionNeedsAutomaticAddressing,
            BuildChecks::reliableSessionNeedsBufferedTransfer,
            BuildChecks::reliableSessionNeedsAddressing,
            BuildChecks::securityNeedsAnEnvelope,
            BuildChecks::compositeDuplexNeedsAddressing,
            BuildChecks::streamUpgradeNeedsConnectionOrientedTransport,
            BuildChecks::httpBufferSizes,
            BuildChecks::httpClientNeedsOneAuthenticationScheme,
            BuildChecks::httpClientExplicitProxyExcludesDefaultWebProxy,
            BuildChecks::transportSecurityNeedsProtectingTransport);

    private BuildChecks() {
    }

    /** Every check {@code binding} fails when built on {@code side}, in WCF's order. */
    public static List<BindingValidationException> violations(Binding binding, Side side) {
        List<BindingValidationException> errors = new ArrayList<>();
        for (BiFunction<Binding, Side, Optional<BindingValidationException>> rule : RULES) {
            rule.apply(binding, side).ifPresent(errors::add);
        }
        return errors;
    }

    private static Optional<BindingValidationException> reliableSessionNeedsAutomaticAddressing(Binding b, Side s) {
        if (b.find(ReliableSessionBindingElement.class).isPresent()
                && b.transport().map(TransportBindingElement::manualAddressing).orElse(false)) {
            return Optional.of(new BindingValidationException(WcfText.ManualAddressingNotSupported, "manualAddressing"));
        }
        return Optional.empty();
    }

    private static Optional<BindingValidationException> reliableSessionNeedsBufferedTransfer(Binding b, Side s) {
        Optional<TransportBindingElement> t = b.transport();
        if (b.find(ReliableSessionBindingElement.class).isEmpty() || t.isEmpty()) {
            return Optional.empty();
        }
        boolean knownTransport = t.get() instanceof HttpTransportBindingElement
                || t.get() instanceof HttpsTransportBindingElement || t.get() instanceof TcpTransportBindingElement;
        TransferMode mode = t.get().transferMode();
        if (knownTransport && mode != TransferMode.Buffered) {
            return Optional.of(new BindingValidationException(WcfText.TransferModeNotSupported, "transferMode", mode,
                    "ReliableSessionBindingElement"));
        }
        return Optional.empty();
    }

    private static Optional<BindingValidationException> reliableSessionNeedsAddressing(Binding b, Side s) {
        Optional<MessageVersion> version = b.messageVersion();
        if (b.find(ReliableSessionBindingElement.class).isPresent() && version.isPresent()
                && version.get().addressing() == AddressingVersion.NONE) {
            return Optional.of(new BindingValidationException(WcfText.AddressingVersionNotSupported, "messageVersion",
                    AddressingVersion.NONE));
        }
        return Optional.empty();
    }

    private static Optional<BindingValidationException> transportSecurityNeedsProtectingTransport(Binding b, Side s) {
        if (s != Side.SERVICE) {
            return Optional.empty();
        }
        List<BindingElement> elements = b.createBindingElements();
        boolean protects = b.transport().map(t -> t instanceof HttpsTransportBindingElement
                || t instanceof TcpTransportBindingElement
                && elements.stream().anyMatch(e -> e.kind() == ElementKind.STREAM_UPGRADE)).orElse(true);
        if (protects) {
            return Optional.empty();
        }
        return elements.stream().filter(e -> e instanceof SecurityBindingElement sec && !sec.allowInsecureTransport()
                && (sec.authenticationMode().family() == AuthenticationMode.Family.TRANSPORT
                        // a secure conversation over a transport bootstrap is WCF's TransportSecurityBindingElement
                        || sec.secureConversationBootstrap().map(boot -> boot.authenticationMode().family()
                                == AuthenticationMode.Family.TRANSPORT).orElse(false))).findFirst()
                .map(e -> new BindingValidationException(WcfText.TransportDoesNotProtectMessage,
                        "allowInsecureTransport", b.wcfName(), "http://tempuri.org/"));
    }

    private static Optional<BindingValidationException> securityNeedsAnEnvelope(Binding b, Side s) {
        Optional<MessageVersion> version = b.messageVersion();
        if (b.find(SecurityBindingElement.class).isPresent() && version.isPresent()
                && version.get().envelope() == EnvelopeVersion.NONE) {
            return Optional.of(new BindingValidationException(WcfText.HeadersCannotBeAddedToEnvelopeVersion,
                    "messageVersion", EnvelopeVersion.NONE.wcfToString()));
        }
        return Optional.empty();
    }

    private static Optional<BindingValidationException> compositeDuplexNeedsAddressing(Binding b, Side s) {
        Optional<MessageVersion> version = b.messageVersion();
        if (b.find(CompositeDuplexBindingElement.class).isPresent() && version.isPresent()
                && version.get().addressing() == AddressingVersion.NONE) {
            return Optional.of(new BindingValidationException(
                    WcfText.AddressingHeadersCannotBeAddedToAddressingVersion, "messageVersion",
                    AddressingVersion.NONE));
        }
        return Optional.empty();
    }

    private static Optional<BindingValidationException> streamUpgradeNeedsConnectionOrientedTransport(Binding b,
            Side s) {
        Optional<TransportBindingElement> t = b.transport();
        // no modelled transport (none, or an unsupported one such as namedPipeTransport): nothing to say
        boolean consumes = t.isEmpty() || t.get() instanceof TcpTransportBindingElement;
        if (consumes) {
            return Optional.empty();
        }
        return b.createBindingElements().stream().filter(e -> e.kind() == ElementKind.STREAM_UPGRADE).findFirst()
                .map(e -> new BindingValidationException(WcfText.NotAllBindingElementsBuilt, e.configName(),
                        e.wcfTypeName()));
    }

    private static Optional<BindingValidationException> httpBufferSizes(Binding b, Side s) {
        Optional<HttpTransportBindingElement> http = http(b);
        if (http.isEmpty()) {
            return Optional.empty();
        }
        HttpTransportBindingElement h = http.get();
        if (h.transferMode() == TransferMode.Buffered) {
            if (h.maxReceivedMessageSize() > Integer.MAX_VALUE) {
                return Optional.of(new BindingValidationException(WcfText.MaxReceivedMessageSizeMustBeInIntegerRange,
                        "maxReceivedMessageSize"));
            }
            if (h.effectiveMaxBufferSize() != h.maxReceivedMessageSize()) {
                return Optional.of(new BindingValidationException(
                        WcfText.MaxBufferSizeMustMatchMaxReceivedMessageSize, "maxBufferSize"));
            }
        } else if (h.effectiveMaxBufferSize() > h.maxReceivedMessageSize()) {
            return Optional.of(new BindingValidationException(WcfText.MaxBufferSizeMustNotExceedMaxReceivedMessageSize,
                    "maxBufferSize"));
        }
        return Optional.empty();
    }

    private static Optional<BindingValidationException> httpClientNeedsOneAuthenticationScheme(Binding b, Side s) {
        Optional<HttpTransportBindingElement> http = http(b);
        if (s != Side.CLIENT || http.isEmpty()) {
            return Optional.empty();
        }
        List<AuthenticationScheme> schemes = List.copyOf(new TreeSet<>(http.get().authenticationScheme()));
        if (schemes.isEmpty()) {
            return Optional.of(new BindingValidationException(WcfText.HttpAuthSchemeCannotBeNone, "authenticationScheme",
                    "None"));
        }
        if (schemes.size() > 1) {
            return Optional.of(new BindingValidationException(WcfText.HttpRequiresSingleAuthScheme,
                    "authenticationScheme", schemes.stream().map(Enum::name).collect(Collectors.joining(", "))));
        }
        return Optional.empty();
    }

    private static Optional<BindingValidationException> httpClientExplicitProxyExcludesDefaultWebProxy(Binding b,
            Side s) {
        Optional<HttpTransportBindingElement> http = http(b);
        // a compositeDuplex service builds an HTTP factory for its back channel (InternalDuplexChannelListener)
        boolean buildsAFactory = s == Side.CLIENT || b.find(CompositeDuplexBindingElement.class).isPresent();
        if (buildsAFactory && http.isPresent() && http.get().proxyAddress() != null
                && http.get().useDefaultWebProxy()) {
            return Optional.of(new BindingValidationException(
                    WcfText.UseDefaultWebProxyCantBeUsedWithExplicitProxyAddress, "proxyAddress"));
        }
        return Optional.empty();
    }

    private static Optional<HttpTransportBindingElement> http(Binding b) {
        for (BindingElement e : b.createBindingElements()) {
            if (e instanceof HttpTransportBindingElement) {
                return Optional.of((HttpTransportBindingElement) e);
            }
            if (e instanceof HttpsTransportBindingElement) {
                return Optional.of(((HttpsTransportBindingElement) e).http());
            }
        }
        return Optional.empty();
    }
}
