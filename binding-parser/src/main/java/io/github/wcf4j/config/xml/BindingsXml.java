package io.github.wcf4j.config.xml;

import io.github.wcf4j.config.read.LocatedXml;
import java.util.Map;

/**
 * {@code <bindings>}: one child per binding section. Sections wcf4j models are read fully; every other section
 * (WCF's own or a registered {@code bindingExtension}) is read for its binding names only.
 */
public class BindingsXml extends SectionXml {
    private static final Map<String, Class<? extends LocatedXml>> MODELLED = Map.of(
            ConfigStrings.CUSTOM_BINDING, BindingSectionXml.Custom.class,
            ConfigStrings.BASIC_HTTP_BINDING, BindingSectionXml.BasicHttp.class,
            ConfigStrings.WS_HTTP_BINDING, BindingSectionXml.WsHttp.class,
            ConfigStrings.WS_2007_HTTP_BINDING, BindingSectionXml.WsHttp.class,
            ConfigStrings.WS_DUAL_HTTP_BINDING, BindingSectionXml.WsDualHttp.class,
            ConfigStrings.NET_TCP_BINDING, BindingSectionXml.NetTcp.class,
            ConfigStrings.MEX_HTTP_BINDING, BindingSectionXml.Mex.class,
            ConfigStrings.MEX_HTTPS_BINDING, BindingSectionXml.Mex.class,
            ConfigStrings.MEX_TCP_BINDING, BindingSectionXml.Mex.class,
            ConfigStrings.MEX_NAMED_PIPE_BINDING, BindingSectionXml.Mex.class);

    /** Whether wcf4j models the binding section {@code name}. */
    public static boolean isModelled(String name) {
        return MODELLED.containsKey(name);
    }

    @Override
    protected Class<? extends LocatedXml> childType(String name) {
        return MODELLED.getOrDefault(name, BindingSectionXml.Opaque.class);
    }
}
