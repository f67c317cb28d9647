package io.github.wcf4j.config.xml;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.security.SecurityAlgorithmSuite;
import io.github.wcf4j.binding.standard.MessageCredentialType;
import io.github.wcf4j.binding.standard.MessageSecurity;
import io.github.wcf4j.config.read.ConfigContext;
import io.github.wcf4j.config.read.LocatedXml;
import java.util.List;
import java.util.Optional;

/**
 * {@code <security><message>} of a standard binding. One DTO serves the four WCF variants; the attributes a variant lacks
 * are refused by its subclass ({@link #negotiateServiceCredential} and {@link #establishSecurityContext} are declared by
 * the subclasses that have them).
 */
public abstract class MessageSecurityXml extends LocatedXml {
    @JacksonXmlProperty(isAttribute = true) public String clientCredentialType;
    @JacksonXmlProperty(isAttribute = true) public String algorithmSuite;

    String negotiateServiceCredential() {
        return null;
    }

    String establishSecurityContext() {
        return null;
    }

    /** The credential types this variant accepts. */
    abstract List<String> credentialTypes();

    static MessageSecurity toModel(MessageSecurityXml x, ConfigContext ctx, MessageSecurity d) {
        if (x == null) {
            return d;
        }
        return new MessageSecurity(
                MessageCredentialType.valueOf(ctx.enumName(x, "clientCredentialType", x.clientCredentialType,
                        x.credentialTypes(), d.clientCredentialType().name())),
                ctx.bool(x, "negotiateServiceCredential", x.negotiateServiceCredential(),
                        d.negotiateServiceCredential()),
                ctx.bool(x, "establishSecurityContext", x.establishSecurityContext(), d.establishSecurityContext()),
                ctx.converted(x, "algorithmSuite", x.algorithmSuite,
                        s -> SecurityAlgorithmSuite.isValid(s) ? Optional.of(s) : Optional.empty(),
                        s -> WcfText.ConfigInvalidClassFactoryValue.format(s,
                                "System.ServiceModel.Security.SecurityAlgorithmSuite"),
                        d.algorithmSuite()),
                x.algorithmSuite != null || d.algorithmSuiteSet());
    }

    /** {@code BasicHttpMessageSecurityElement}: UserName or Certificate. */
    public static class Basic extends MessageSecurityXml {
        @Override
        List<String> credentialTypes() {
            return SecurityEnums.BASIC_HTTP_MESSAGE_CREDENTIAL_TYPE;
        }
    }

    /** {@code MessageSecurityOverTcpElement}. */
    public static class OverTcp extends MessageSecurityXml {
        @Override
        List<String> credentialTypes() {
            return SecurityEnums.MESSAGE_CREDENTIAL_TYPE;
        }
    }

    /** {@code MessageSecurityOverHttpElement} (wsDualHttpBinding). */
    public static class OverHttp extends MessageSecurityXml {
        @JacksonXmlProperty(isAttribute = true, localName = "negotiateServiceCredential")
        public String negotiate;

        @Override
        String negotiateServiceCredential() {
            return negotiate;
        }

        @Override
        List<String> credentialTypes() {
            return SecurityEnums.MESSAGE_CREDENTIAL_TYPE;
        }
    }

    /** {@code NonDualMessageSecurityOverHttpElement} (wsHttpBinding, ws2007HttpBinding). */
    public static class NonDualOverHttp extends OverHttp {
        @JacksonXmlProperty(isAttribute = true, localName = "establishSecurityContext")
        public String establish;

        @Override
        String establishSecurityContext() {
            return establish;
        }
    }

}
