package io.github.wcf4j.config.xml;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import io.github.wcf4j.binding.standard.SecurityMode;
import io.github.wcf4j.binding.standard.StandardSecurity;
import io.github.wcf4j.config.read.ConfigContext;
import io.github.wcf4j.config.read.LocatedXml;
import java.util.List;

/** {@code <security mode>} of a standard binding; each subclass declares the children and modes its binding has. */
public abstract class StandardSecurityXml extends LocatedXml {
    @JacksonXmlProperty(isAttribute = true) public String mode;

    abstract List<String> modes();

    abstract StandardSecurity toModel(ConfigContext ctx, StandardSecurity defaults);

    SecurityMode mode(ConfigContext ctx, SecurityMode fallback) {
        return SecurityMode.valueOf(ctx.enumName(this, "mode", mode, modes(), fallback.name()));
    }

    /** The configured security, or {@code defaults} when the element is absent. */
    static StandardSecurity toModel(StandardSecurityXml x, ConfigContext ctx, StandardSecurity defaults) {
        return x == null ? defaults : x.toModel(ctx, defaults);
    }

    /** {@code BasicHttpSecurityElement}. */
    public static class BasicHttp extends StandardSecurityXml {
        public HttpTransportSecurityXml transport;
        public MessageSecurityXml.Basic message;

        @Override
        List<String> modes() {
            return SecurityEnums.BASIC_HTTP_SECURITY_MODE;
        }

        @Override
        StandardSecurity toModel(ConfigContext ctx, StandardSecurity d) {
            return new StandardSecurity(mode(ctx, d.mode()),
                    HttpTransportSecurityXml.toModel(transport, ctx, d.transport()),
                    MessageSecurityXml.toModel(message, ctx, d.message()));
        }
    }

    /** {@code BasicHttpsSecurityElement}: {@code Transport} or {@code TransportWithMessageCredential}. */
    public static class BasicHttps extends BasicHttp {
        @Override
        List<String> modes() {
            return SecurityEnums.BASIC_HTTPS_SECURITY_MODE;
        }
    }

    /** {@code WSHttpSecurityElement}. */
    public static class WsHttp extends StandardSecurityXml {
        public HttpTransportSecurityXml transport;
        public MessageSecurityXml.NonDualOverHttp message;

        @Override
        List<String> modes() {
            return SecurityEnums.SECURITY_MODE;
        }

        @Override
        StandardSecurity toModel(ConfigContext ctx, StandardSecurity d) {
            return new StandardSecurity(mode(ctx, d.mode()),
                    HttpTransportSecurityXml.toModel(transport, ctx, d.transport()),
                    MessageSecurityXml.toModel(message, ctx, d.message()));
        }
    }

    /** {@code WSDualHttpSecurityElement}: no transport security. */
    public static class WsDualHttp extends StandardSecurityXml {
        public MessageSecurityXml.OverHttp message;

        @Override
        List<String> modes() {
            return SecurityEnums.WS_DUAL_HTTP_SECURITY_MODE;
        }

        @Override
        StandardSecurity toModel(ConfigContext ctx, StandardSecurity d) {
            return new StandardSecurity(mode(ctx, d.mode()), d.transport(),
                    MessageSecurityXml.toModel(message, ctx, d.message()));
        }
    }

    /** {@code NetTcpSecurityElement}. */
    public static class NetTcp extends StandardSecurityXml {
        public TcpTransportSecurityXml transport;
        public MessageSecurityXml.OverTcp message;

        @Override
        List<String> modes() {
            return SecurityEnums.SECURITY_MODE;
        }

        @Override
        StandardSecurity toModel(ConfigContext ctx, StandardSecurity d) {
            return new StandardSecurity(mode(ctx, d.mode()),
                    TcpTransportSecurityXml.toModel(transport, ctx, d.transport()),
                    MessageSecurityXml.toModel(message, ctx, d.message()));
        }
    }
}
