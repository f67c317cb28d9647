package io.github.wcf4j.config.xml;

import io.github.wcf4j.config.read.LocatedXml;
import io.github.wcf4j.config.read.OrderedElementXml;
import java.util.Map;
import java.util.Set;

/**
 * The few ASP.NET elements outside {@code <system.serviceModel>} that decide what a WCF service under ASP.NET
 * compatibility runs: {@code <system.web><authorization>} with its {@code <allow>}/{@code <deny>} rules, also inside a
 * {@code <location path>}. Everything else in these elements is left alone, as the root leaves other sections: other
 * children are skipped, other attributes ignored.
 */
public abstract class AspNetXml extends OrderedElementXml {
    private final Set<String> attributes;
    private final Map<String, Class<? extends LocatedXml>> children;

    AspNetXml(Set<String> attributes, Map<String, Class<? extends LocatedXml>> children) {
        this.attributes = attributes;
        this.children = children;
    }

    @Override
    protected Set<String> attributeNames() {
        return attributes;
    }

    @Override
    protected boolean ignoresUnknownAttributes() {
        return true;
    }

    @Override
    protected Class<? extends LocatedXml> childType(String name) {
        return children.get(name);
    }

    @Override
    protected boolean isKnownUnsupported(String name) {
        return true;
    }

    /** {@code <location path>}: its {@code <system.web>}. */
    public static class Location extends AspNetXml {
        public Location() {
            super(Set.of("path", "allowOverride", "overrideMode", "inheritInChildApplications"),
                    Map.of(ConfigStrings.SYSTEM_WEB, SystemWeb.class));
        }
    }

    /** {@code <system.web>}: its {@code <authorization>}. */
    public static class SystemWeb extends AspNetXml {
        public SystemWeb() {
            super(Set.of(), Map.of("authorization", Authorization.class));
        }
    }

    /** {@code <authorization>}: {@code <allow>} and {@code <deny>} rules in order. */
    public static class Authorization extends AspNetXml {
        public Authorization() {
            super(Set.of(), Map.of("allow", Rule.class, "deny", Rule.class));
        }
    }

    /** {@code <allow>} / {@code <deny>}: {@code users}, {@code roles}, {@code verbs}. */
    public static class Rule extends AspNetXml {
        public Rule() {
            super(Set.of("users", "roles", "verbs"), Map.of());
        }
    }
}
