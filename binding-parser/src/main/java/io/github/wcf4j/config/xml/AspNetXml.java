package io.github.wcf4j.config.xml;

import io.github.wcf4j.config.read.LocatedXml;
import io.github.wcf4j.config.read.OrderedElementXml;
import java.util.Set;

/**
 * The few ASP.NET elements outside {@code <system.serviceModel>} that decide what a WCF service under ASP.NET
 * compatibility runs: {@code <system.web><authorization>} with its {@code <allow>}/{@code <deny>} rules, also inside a
 * {@code <location path>}. Everything else in these elements is left alone, as the root leaves other sections.
 */
public final class AspNetXml {
    private AspNetXml() {
    }

    /** {@code <location path>}: its {@code <system.web>}. */
    public static class Location extends OrderedElementXml {
        @Override
        protected Set<String> attributeNames() {
            return Set.of("path", "allowOverride", "overrideMode", "inheritInChildApplications");
        }

        @Override
        protected boolean ignoresUnknownAttributes() {
            return true;
        }

        @Override
        protected Class<? extends LocatedXml> childType(String name) {
            return ConfigStrings.SYSTEM_WEB.equals(name) ? SystemWeb.class : null;
        }

        @Override
        protected boolean isKnownUnsupported(String name) {
            return true;
        }
    }

    /** {@code <system.web>}: its {@code <authorization>}. */
    public static class SystemWeb extends OrderedElementXml {
        @Override
        protected Set<String> attributeNames() {
            return Set.of();
        }

        @Override
        protected boolean ignoresUnknownAttributes() {
            return true;
        }

        @Override
        protected Class<? extends LocatedXml> childType(String name) {
            return "authorization".equals(name) ? Authorization.class : null;
        }

        @Override
        protected boolean isKnownUnsupported(String name) {
            return true;
        }
    }

    /** {@code <authorization>}: {@code <allow>} and {@code <deny>} rules in order. */
    public static class Authorization extends OrderedElementXml {
        @Override
        protected Set<String> attributeNames() {
            return Set.of();
        }

        @Override
        protected boolean ignoresUnknownAttributes() {
            return true;
        }

        @Override
        protected Class<? extends LocatedXml> childType(String name) {
            return "allow".equals(name) || "deny".equals(name) ? Rule.class : null;
        }

        @Override
        protected boolean isKnownUnsupported(String name) {
            return true;
        }
    }

    /** {@code <allow>} / {@code <deny>}: {@code users}, {@code roles}, {@code verbs}. */
    public static class Rule extends OrderedElementXml {
        @Override
        protected Set<String> attributeNames() {
            return Set.of("users", "roles", "verbs");
        }

        @Override
        protected boolean ignoresUnknownAttributes() {
            return true;
        }

        @Override
        protected Class<? extends LocatedXml> childType(String name) {
            return null;
        }

        @Override
        protected boolean isKnownUnsupported(String name) {
            return true;
        }
    }
}
