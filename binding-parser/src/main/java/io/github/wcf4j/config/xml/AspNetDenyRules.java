package io.github.wcf4j.config.xml;

import io.github.wcf4j.binding.description.AspNetDenyRule;
import io.github.wcf4j.config.read.ConfigContext;
import io.github.wcf4j.config.read.OrderedElementXml;
import java.util.ArrayList;
import java.util.List;

/**
 * The configuration file's ASP.NET URL authorization rules that deny callers ({@link AspNetDenyRule}), from
 * {@code <system.web><authorization>} and each {@code <location path><system.web><authorization>}, in document order,
 * each located at its {@code <deny>} element.
 */
final class AspNetDenyRules {
    private AspNetDenyRules() {
    }

    static List<AspNetDenyRule> read(ConfigurationXml document, ConfigContext ctx) {
        List<AspNetDenyRule> rules = new ArrayList<>();
        for (AspNetXml.SystemWeb web : document.children(ConfigStrings.SYSTEM_WEB, AspNetXml.SystemWeb.class)) {
            add("", web, rules, ctx);
        }
        for (AspNetXml.Location location : document.children(ConfigStrings.LOCATION, AspNetXml.Location.class)) {
            String path = location.attribute("path") == null ? "" : location.attribute("path");
            for (AspNetXml.SystemWeb web : location.children(ConfigStrings.SYSTEM_WEB, AspNetXml.SystemWeb.class)) {
                add(path, web, rules, ctx);
            }
        }
        return rules;
    }

    private static void add(String path, AspNetXml.SystemWeb web, List<AspNetDenyRule> rules, ConfigContext ctx) {
        for (AspNetXml.Authorization a : web.children("authorization", AspNetXml.Authorization.class)) {
            for (AspNetXml.Rule deny : a.children("deny", AspNetXml.Rule.class)) {
                rules.add(ctx.located(new AspNetDenyRule(path, orEmpty(deny, "users"), orEmpty(deny, "roles")), deny));
            }
        }
    }

    private static String orEmpty(OrderedElementXml xml, String attribute) {
        String v = xml.attribute(attribute);
        return v == null ? "" : v;
    }
}
