package io.github.wcf4j.runtime.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.BindingElement;
import io.github.wcf4j.binding.BindingValidationException;
import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.duplex.CompositeDuplexBindingElement;
import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.binding.security.AuthenticationMode;
import io.github.wcf4j.binding.security.SecurityBindingElement;
import io.github.wcf4j.binding.standard.WsHttpBinding;
import io.github.wcf4j.binding.transport.HttpTransportBindingElement;
import io.github.wcf4j.binding.transport.InMemoryTransportBindingElement;
import io.github.wcf4j.runtime.InMemoryFixture;
import io.github.wcf4j.runtime.channel.ChannelType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelStackBuilderTest {
    private final InMemoryFixture net = new InMemoryFixture();
    private final ChannelStackBuilder builder = ChannelStackBuilder.standard();

    /** Every concrete binding element type, found through the sealed hierarchy. */
    private static List<Class<?>> concreteElementTypes() {
        List<Class<?>> out = new ArrayList<>();
        Deque<Class<?>> todo = new ArrayDeque<>(List.of(BindingElement.class));
        while (!todo.isEmpty()) {
            Class<?> c = todo.pop();
            if (c.isSealed()) {
                todo.addAll(List.of(c.getPermittedSubclasses()));
            } else {
                out.add(c);
            }
        }
        return out;
    }

    @Test
    void everyBindingElementTypeHasExactlyOneLayerProvider() {
        LayerProviders providers = LayerProviders.standard();
        List<Class<?>> types = concreteElementTypes();
        assertTrue(types.size() >= 14, types.toString());
        for (Class<?> t : types) {
            assertTrue(providers.covers(t), "no layer provider for " + t.getSimpleName());
        }
    }

    @Test
    void messageSecurityIsRefusedAtBuildNamingTheElementAndItsMode() {
        // wsHttpBinding's default (SecureConversation over SspiNegotiated) runs; issued tokens do not
        WsHttpBinding ws = WsHttpBinding.defaults(WsHttpBinding.Flavor.WS_HTTP, "");
        CustomBinding issued = CustomBinding.of("issued", SecurityBindingElement.builder()
                .authenticationMode(AuthenticationMode.IssuedTokenForCertificate).build(),
                TextMessageEncodingBindingElement.defaults(), HttpTransportBindingElement.defaults());
        UnsupportedBindingException e = assertThrows(UnsupportedBindingException.class, () ->
                builder.buildListener(issued, ChannelType.REPLY, net.parameters()));
        assertEquals("security", e.element());
        assertTrue(e.getMessage().contains("'security' (authenticationMode=IssuedTokenForCertificate)"),
                e.getMessage());
        IllegalStateException past = assertThrows(IllegalStateException.class, () ->
                builder.buildListener(ws, ChannelType.REPLY_SESSION, net.parameters()));
        assertTrue(past.getMessage().contains("ListenAddress"), "past the security refusals: " + past.getMessage());
    }

    @Test
    void aSecurityElementInACustomBindingIsRefusedToo() {
        // the default, SspiNegotiated, runs (SSPI negotiation as the outer mode); issued tokens do not
        CustomBinding b = CustomBinding.of("secured", SecurityBindingElement.builder()
                .authenticationMode(AuthenticationMode.IssuedTokenOverTransport).build(),
                TextMessageEncodingBindingElement.defaults(), HttpTransportBindingElement.defaults());
        UnsupportedBindingException e = assertThrows(UnsupportedBindingException.class, () ->
                builder.buildFactory(b, ChannelType.REQUEST, net.parameters()));
        assertTrue(e.getMessage().startsWith("The binding element 'security' (authenticationMode="), e.getMessage());
    }

    @Test
    void aShapeTheBindingCannotBuildIsWcfsError() {
        CustomBinding b = CustomBinding.of("rr", TextMessageEncodingBindingElement.defaults(),
                InMemoryTransportBindingElement.requestReply());
        BindingValidationException e = assertThrows(BindingValidationException.class, () ->
                builder.buildFactory(b, ChannelType.DUPLEX_SESSION, net.parameters()));
        assertEquals(WcfText.CouldnTCreateChannelForChannelType2.format("CustomBinding", "IDuplexSessionChannel"),
                e.getMessage());
    }

    @Test
    void wcfsStackRulesAreCheckedBeforeAnythingIsBuilt() {
        CustomBinding b = CustomBinding.of("noTransport", TextMessageEncodingBindingElement.defaults(),
                CompositeDuplexBindingElement.defaults());
        assertThrows(BindingValidationException.class, () ->
                builder.buildFactory(b, ChannelType.DUPLEX, net.parameters()));
    }
}
