package io.github.wcf4j.config.xml;

import io.github.wcf4j.binding.BindingValidationException;
import io.github.wcf4j.binding.security.AuthenticationMode;
import io.github.wcf4j.binding.security.SecurityBindingElement;
import io.github.wcf4j.config.read.ConfigContext;

/**
 * {@code <security>} in a custom binding, with its {@code <secureConversationBootstrap>} (used when
 * {@code authenticationMode="SecureConversation"}; WCF always has one, with {@code SspiNegotiated} by default).
 */
public class SecurityXml extends SecurityBaseXml {
    public SecurityBaseXml secureConversationBootstrap;

    @Override
    public SecurityBindingElement toModel(ConfigContext ctx) {
        SecurityBindingElement.Builder b = builder(ctx);
        SecurityBindingElement bootstrap = secureConversationBootstrap == null
                ? SecurityBindingElement.defaults()
                : ctx.build(secureConversationBootstrap, () -> secureConversationBootstrap.builder(ctx).build(),
                        SecurityBindingElement::defaults);
        if (b.build().authenticationMode() == AuthenticationMode.SecureConversation) {
            b.bootstrap(bootstrap);
        }
        try {
            return b.build();
        } catch (BindingValidationException e) {
            ctx.error(secureConversationBootstrap != null ? secureConversationBootstrap : this, e);
            return SecurityBindingElement.defaults();
        }
    }
}
