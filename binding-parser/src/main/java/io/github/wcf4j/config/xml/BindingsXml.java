package io.github.wcf4j.config.xml;

import io.github.wcf4j.config.read.LocatedXml;
import java.util.Map;

/**
 * {@code <bindings>}: one child per binding section. Sections wcf4j models are read fully; every other section
 * (WCF's own or a registered {@code bindingExtension}) is read for its binding names only.
 */
public class BindingsXml extends SectionXml {
    private static final Map<String, Class<? extends LocatedXml>> MODELLED = Map.ofEntries(
            Map.entry(ConfigStrings.CUSTOM_BINDING, BindingSectionXml.Custom.class),
            Map.entry(ConfigStrings.BASIC_HTTP_BINDING, BindingSectionXml.BasicHttp.class),
            Map.entry(ConfigStrings.BASIC_HTTPS_BINDING, BindingSectionXml.BasicHttps.class),
            Map.entry(ConfigStrings.NET_HTTP_BINDING, BindingSectionXml.NetHttp.class),
            Map.entry(ConfigStrings.NET_HTTPS_BINDING, BindingSectionXml.NetHttps.class),
            Map.entry(ConfigStrings.WS_HTTP_BINDING, BindingSectionXml.WsHttp.class),
            Map.entry(ConfigStrings.WS_2007_HTTP_BINDING, BindingSectionXml.WsHttp.class),
            Map.entry(ConfigStrings.WS_DUAL_HTTP_BINDING, BindingSectionXml.WsDualHttp.class),
            Map.entry(ConfigStrings.NET_TCP_BINDING, BindingSectionXml.NetTcp.class),
            Map.entry(ConfigStrings.MEX_HTTP_BINDING, BindingSectionXml.Mex.class),
            Map.entry(ConfigStrings.MEX_HTTPS_BINDING, BindingSectionXml.Mex.class),
            Map.entry(ConfigStrings.MEX_TCP_BINDING, BindingSectionXml.Mex.class),
            Map.entry(ConfigStrings.MEX_NAMED_PIPE_BINDING, BindingSectionXml.Mex.class));

    /** Whether wcf4j models the binding section {@code name}. */
    public static boolean isModelled(String name) {
        return MODELLED.containsKey(name);
    }

    @Override
    protected Class<? extends LocatedXml> childType(String name) {
        return MODELLED.getOrDefault(name, BindingSectionXml.Opaque.class);
    }
}
